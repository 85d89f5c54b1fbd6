// Runs the search index contract against the Elasticsearch server named by EMPORIUM_ELASTICSEARCH_URL (npm run test:real).
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../platform/config.ts';
import { ElasticIndex } from '../../serving/search/index/elastic-index.ts';
import { searchIndexContract } from './search-index.contract.ts';

const config = loadConfig();
if (config.search.kind !== 'real') throw new Error('EMPORIUM_ELASTICSEARCH_URL must name the Elasticsearch server for the real suite');
const { url } = config.search;

searchIndexContract('elasticsearch', () => ({
  async open() {
    const index = new ElasticIndex({ url, index: `items-test-${randomUUID().slice(0, 8)}` });
    await index.start();
    return index;
  },
  settle: (index) => (index as ElasticIndex).refresh(),
}));
