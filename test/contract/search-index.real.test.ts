// Runs the search index contract against the Elasticsearch server named by EMPORIUM_ELASTICSEARCH_URL (npm run test:real).
import { afterAll } from 'vitest';
import { ElasticIndex } from '../../serving/search/index/elastic-index.ts';
import { testNamespace } from '../support/namespace.ts';
import { searchIndexContract } from './search-index.contract.ts';

const ns = testNamespace('search');
afterAll(() => ns.drop());
const { search } = ns.config;
if (search.kind !== 'real')
  throw new Error('EMPORIUM_ELASTICSEARCH_URL must name the Elasticsearch server for the real suite');

searchIndexContract('elasticsearch', () => ({
  async open() {
    const index = new ElasticIndex(search);
    await index.start();
    return index;
  },
  settle: (index) => (index as ElasticIndex).refresh(),
}));
