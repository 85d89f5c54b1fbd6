// Runs the stock store contract against the orders database on MySQL/MariaDB (npm run test:real), whose schema is the orders database's.
import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { newUuid, systemClock } from '../../platform/clock.ts';
import { openDatabase } from '../../platform/sql/database.ts';
import { ordersDatabaseMigrations } from '../../serving/orders/store/migrations.ts';
import { SqlStockStore, type StockDb } from '../../serving/inventory/store/sql-stock-store.ts';
import { testNamespace } from '../support/namespace.ts';
import { stockStoreContract } from './stock-store.contract.ts';

const ns = testNamespace('stock');
afterAll(() => ns.drop());
const { orders } = ns.config.sql;
if (orders.kind !== 'real') throw new Error('EMPORIUM_ORDERS_DB_URL must name the MySQL database for the real suite');

stockStoreContract('mysql', () => {
  const run = randomUUID().slice(0, 8);
  let n = 0;
  const database = () => openDatabase<StockDb>(orders, ordersDatabaseMigrations);
  return {
    database,
    async open() {
      const store = new SqlStockStore(database, { clock: systemClock, newId: newUuid });
      await store.start();
      return store;
    },
    unique: (name) => `${name}-${run}-${++n}`,
  };
});
