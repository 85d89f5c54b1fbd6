// Runs the order store contract against the orders database on MySQL/MariaDB (npm run test:real).
import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { newUuid, systemClock } from '../../platform/clock.ts';
import { openDatabase } from '../../platform/sql/database.ts';
import { sharedDatabase } from '../../platform/sql/shared-database.ts';
import { SqlStockStore } from '../../serving/inventory/store/sql-stock-store.ts';
import { OrderEvents } from '../../serving/orders/order-events.ts';
import { ordersDatabaseMigrations } from '../../serving/orders/store/migrations.ts';
import { SqlOrderStore, type OrdersDb } from '../../serving/orders/store/sql-order-store.ts';
import { testNamespace } from '../support/namespace.ts';
import { orderStoreContract } from './order-store.contract.ts';

const ns = testNamespace('orders');
afterAll(() => ns.drop());
const { orders: choice } = ns.config.sql;
if (choice.kind !== 'real') throw new Error('EMPORIUM_ORDERS_DB_URL must name the MySQL database for the real suite');

orderStoreContract('mysql', () => {
  const run = randomUUID().slice(0, 8);
  let n = 0;
  return {
    async open() {
      const database = sharedDatabase(() => openDatabase<OrdersDb>(choice, ordersDatabaseMigrations));
      const stock = new SqlStockStore(database, { clock: systemClock, newId: newUuid });
      const orders = new SqlOrderStore(database, { clock: systemClock, events: new OrderEvents(newUuid) });
      await stock.start();
      await orders.start();
      return { orders, stock, close: async () => void (await Promise.all([orders.close(), stock.close()])) };
    },
    unique: (name) => `${name}-${run}-${++n}`,
  };
});
