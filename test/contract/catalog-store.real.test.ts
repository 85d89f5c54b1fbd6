// Runs the catalog store contract against the MongoDB server named by EMPORIUM_MONGO_URL (npm run test:real).
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../platform/config.ts';
import { MongoCatalogStore } from '../../serving/catalog/store/mongo-catalog-store.ts';
import { catalogStoreContract } from './catalog-store.contract.ts';

const config = loadConfig();
if (config.catalog.kind !== 'real') throw new Error('EMPORIUM_MONGO_URL must name the MongoDB server for the real suite');
const { url } = config.catalog;

catalogStoreContract('mongodb', async () => {
  const store = new MongoCatalogStore({ url, collection: `items_test_${randomUUID().slice(0, 8)}` });
  await store.start();
  return store;
});
