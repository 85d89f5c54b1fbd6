// Runs the order archive contract against the Cassandra node named by EMPORIUM_CASSANDRA_URL (npm run test:real).
import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { CassandraOrderArchive } from '../../serving/orders/archive/cassandra-order-archive.ts';
import { testNamespace } from '../support/namespace.ts';
import { orderArchiveContract } from './order-archive.contract.ts';

const ns = testNamespace('archive');
afterAll(() => ns.drop());
const { cassandra } = ns.config;
if (cassandra.kind !== 'real')
  throw new Error('EMPORIUM_CASSANDRA_URL must name the Cassandra node for the real suite');

orderArchiveContract('cassandra', () => {
  const run = randomUUID().slice(0, 8);
  let n = 0;
  return {
    async open() {
      const archive = new CassandraOrderArchive(cassandra);
      await archive.start();
      return archive;
    },
    unique: (name) => `${name}-${run}-${++n}`,
  };
});
