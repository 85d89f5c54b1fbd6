// Runs the catalog store contract against the embedded SQLite store.
import { EmbeddedCatalogStore } from '../../serving/catalog/store/embedded-catalog-store.ts';
import { catalogStoreContract } from './catalog-store.contract.ts';

catalogStoreContract('embedded', async () => {
  const store = new EmbeddedCatalogStore({ file: ':memory:' });
  await store.start();
  return store;
});
