// Runs the order archive contract against the Cassandra node named by EMPORIUM_CASSANDRA_URL (npm run test:real).
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../platform/config.ts';
import { CassandraOrderArchive } from '../../serving/orders/archive/cassandra-order-archive.ts';
import { orderArchiveContract } from './order-archive.contract.ts';

const config = loadConfig();
if (config.cassandra.kind !== 'real') throw new Error('EMPORIUM_CASSANDRA_URL must name the Cassandra node for the real suite');
const { contactPoints, localDataCenter, keyspace } = config.cassandra;

orderArchiveContract('cassandra', () => {
  const run = randomUUID().slice(0, 8);
  let n = 0;
  return {
    async open() {
      const archive = new CassandraOrderArchive({ contactPoints, localDataCenter, keyspace });
      await archive.start();
      return archive;
    },
    unique: (name) => `${name}-${run}-${++n}`,
  };
});
