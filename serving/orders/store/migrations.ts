// The orders database: stock and the outbox (inventory's tables), orders, the stock they hold, payments,
// so one transaction can move an order, its stock and its events together.
import { sql, type Kysely, type Migration } from 'kysely';
import { inventoryMigrations } from '../../inventory/store/migrations.ts';

const orderMigrations: Record<string, Migration> = {
  '002-orders': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('orders')
        .addColumn('order_id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('user_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('client_key', 'varchar(128)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('pincode', 'varchar(16)', (c) => c.notNull())
        // Lines never change after the warehouse is chosen; they travel with the order as one document.
        .addColumn('lines', 'text', (c) => c.notNull())
        .addColumn('total_minor', 'bigint', (c) => c.notNull())
        .addColumn('currency', 'varchar(3)', (c) => c.notNull())
        .addColumn('payment_id', 'varchar(64)')
        .addColumn('cancel_reason', 'varchar(32)')
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('orders_client_key', ['user_id', 'client_key'])
        .addCheckConstraint('orders_total_not_negative', sql`total_minor >= 0`)
        .execute();
      await db.schema.createIndex('orders_by_status_expiry').on('orders').columns(['status', 'expires_at']).execute();
      await db.schema.createIndex('orders_by_user').on('orders').columns(['user_id', 'created_at']).execute();
      await db.schema
        .createTable('reservations')
        .addColumn('order_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('item_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('warehouse_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        // 1 once the units went back to stock; a hold is released at most once.
        .addColumn('released', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('reservations_pk', ['order_id', 'item_id', 'warehouse_id'])
        .addCheckConstraint('reservation_quantity_positive', sql`quantity > 0`)
        .execute();
      await db.schema.createIndex('reservations_held').on('reservations').columns(['released', 'order_id']).execute();
      await db.schema
        .createTable('payments')
        .addColumn('payment_id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('order_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
        .addColumn('amount_minor', 'bigint', (c) => c.notNull())
        // none, due (captured but its order could not be placed) or done.
        .addColumn('refund', 'varchar(8)', (c) => c.notNull().defaultTo('none'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('payments_refund').on('payments').columns(['refund']).execute();
    },
  },
  // Fulfilment: who carries a shipped order and its tracking number, and when it was delivered (returns count from there).
  '005-order-lifecycle': {
    async up(db: Kysely<unknown>) {
      // One column per statement: SQLite's ALTER TABLE adds one at a time.
      await db.schema.alterTable('orders').addColumn('carrier', 'varchar(64)').execute();
      await db.schema.alterTable('orders').addColumn('tracking_id', 'varchar(128)').execute();
      await db.schema.alterTable('orders').addColumn('delivered_at', 'bigint').execute();
    },
  },
  // A seller's orders: one row per seller of an order, written with it, so "orders holding my items" is one index range.
  '006-order-sellers': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('order_sellers')
        .addColumn('seller_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('order_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('order_sellers_pk', ['seller_id', 'order_id'])
        .execute();
      await db.schema
        .createIndex('order_sellers_newest')
        .on('order_sellers')
        .columns(['seller_id', 'created_at', 'order_id'])
        .execute();
    },
  },
};

export const ordersDatabaseMigrations: Record<string, Migration> = { ...inventoryMigrations, ...orderMigrations };
