// Runs the order store contract against SQLite in a temporary folder, stock and orders in one database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newUuid, systemClock } from '../../platform/clock.ts';
import { openDatabase } from '../../platform/sql/database.ts';
import { sharedDatabase } from '../../platform/sql/shared-database.ts';
import { SqlStockStore } from '../../serving/inventory/store/sql-stock-store.ts';
import { OrderEvents } from '../../serving/orders/order-events.ts';
import { ordersDatabaseMigrations } from '../../serving/orders/store/migrations.ts';
import { SqlOrderStore, type OrdersDb } from '../../serving/orders/store/sql-order-store.ts';
import { orderStoreContract } from './order-store.contract.ts';

orderStoreContract('sqlite', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-orders-')), 'orders.db');
  let n = 0;
  return {
    async open() {
      const database = sharedDatabase(() =>
        openDatabase<OrdersDb>({ kind: 'embedded', file }, ordersDatabaseMigrations),
      );
      const stock = new SqlStockStore(database, { clock: systemClock, newId: newUuid });
      const orders = new SqlOrderStore(database, { clock: systemClock, events: new OrderEvents(newUuid) });
      await stock.start();
      await orders.start();
      return { orders, stock, close: async () => void (await Promise.all([orders.close(), stock.close()])) };
    },
    unique: (name) => `${name}-${++n}`,
  };
});
