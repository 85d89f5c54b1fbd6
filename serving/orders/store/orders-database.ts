// The orders database, opened once for every store that lives in it (stock, orders, the outbox).
import type { Config } from '../../../platform/config.ts';
import { openDatabase } from '../../../platform/sql/database.ts';
import { sharedDatabase } from '../../../platform/sql/shared-database.ts';
import { ordersDatabaseMigrations } from './migrations.ts';
import type { OrdersDb } from './sql-order-store.ts';

export const ordersDatabase = (config: Config) =>
  sharedDatabase(() => openDatabase<OrdersDb>(config.sql.orders, ordersDatabaseMigrations));
