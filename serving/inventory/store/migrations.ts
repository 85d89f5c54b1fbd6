// Inventory lives in the orders database, so a checkout can reserve stock and write its order in one transaction.
import { sql, type Kysely, type Migration } from 'kysely';
import { outboxMigration } from '../../../platform/outbox/outbox.ts';

export const inventoryMigrations: Record<string, Migration> = {
  '001-stock': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('stock')
        .addColumn('item_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('warehouse_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('available', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('stock_pk', ['item_id', 'warehouse_id'])
        // The last line of defence against overselling: no write can take a count below zero.
        .addCheckConstraint('available_not_negative', sql`available >= 0`)
        .execute();
    },
  },
  // A count's changes are announced through the outbox; the orders database's stores write theirs to it too.
  '003-outbox': outboxMigration,
  // Every change to a count, so reconciliation can recompute what it should be and find drift.
  '004-stock-moves': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('stock_moves')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('item_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('warehouse_id', 'varchar(64)', (c) => c.notNull())
        // count: a stock take sets the level to `quantity`; hold and release move `quantity` units out and back.
        .addColumn('kind', 'varchar(8)', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('order_id', 'varchar(64)')
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('stock_moves_by_stock')
        .on('stock_moves')
        .columns(['item_id', 'warehouse_id', 'id'])
        .execute();
      // Counts from before the ledger become its first stock takes.
      await sql`insert into stock_moves (item_id, warehouse_id, kind, quantity, order_id, at) select item_id, warehouse_id, 'count', available, null, updated_at from stock`.execute(
        db,
      );
    },
  },
};
