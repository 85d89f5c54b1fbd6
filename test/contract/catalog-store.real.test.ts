// Runs the catalog store contract against the MongoDB server named by EMPORIUM_MONGO_URL (npm run test:real).
import { afterAll } from 'vitest';
import { MongoCatalogStore } from '../../serving/catalog/store/mongo-catalog-store.ts';
import { testNamespace } from '../support/namespace.ts';
import { catalogStoreContract } from './catalog-store.contract.ts';

const ns = testNamespace('catalog');
afterAll(() => ns.drop());
const { catalog } = ns.config;
if (catalog.kind !== 'real') throw new Error('EMPORIUM_MONGO_URL must name the MongoDB server for the real suite');

catalogStoreContract('mongodb', async () => {
  const store = new MongoCatalogStore(catalog);
  await store.start();
  return store;
});
