// Runs the list store contract against SQLite in a temporary folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../platform/sql/database.ts';
import { listMigrations } from '../../serving/cart/store/migrations.ts';
import { SqlListStore, type ListDb } from '../../serving/cart/store/sql-list-store.ts';
import { listStoreContract } from './list-store.contract.ts';

listStoreContract('sqlite', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-cart-')), 'cart.db');
  let n = 0;
  const database = () => openDatabase<ListDb>({ kind: 'embedded', file }, listMigrations);
  return {
    database,
    async open() {
      const store = new SqlListStore(database);
      await store.start();
      return store;
    },
    unique: (name) => `${name}-${++n}`,
  };
});
