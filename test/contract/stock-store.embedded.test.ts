// Runs the stock store contract against SQLite in a temporary folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newUuid, systemClock } from '../../platform/clock.ts';
import { openDatabase } from '../../platform/sql/database.ts';
import { inventoryMigrations } from '../../serving/inventory/store/migrations.ts';
import { SqlStockStore, type StockDb } from '../../serving/inventory/store/sql-stock-store.ts';
import { stockStoreContract } from './stock-store.contract.ts';

stockStoreContract('sqlite', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-stock-')), 'orders.db');
  let n = 0;
  const database = () => openDatabase<StockDb>({ kind: 'embedded', file }, inventoryMigrations);
  return {
    database,
    async open() {
      const store = new SqlStockStore(database, { clock: systemClock, newId: newUuid });
      await store.start();
      return store;
    },
    unique: (name) => `${name}-${++n}`,
  };
});
