// Runs the recommendations store contract against the Cassandra node named by EMPORIUM_CASSANDRA_URL, in
// a keyspace of the suite's own namespace (npm run test:real).
import { afterAll } from 'vitest';
import { CassandraRecommendationStore } from '../../serving/recommendations/store/cassandra-recommendation-store.ts';
import { testNamespace } from '../support/namespace.ts';
import { recommendationStoreContract } from './recommendation-store.contract.ts';

const ns = testNamespace('recs');
afterAll(() => ns.drop());
const { cassandra } = ns.config;
if (cassandra.kind !== 'real')
  throw new Error('EMPORIUM_CASSANDRA_URL must name the Cassandra node for the real suite');

recommendationStoreContract('cassandra', () => ({
  async open() {
    const store = new CassandraRecommendationStore(cassandra);
    await store.start();
    return store;
  },
}));
