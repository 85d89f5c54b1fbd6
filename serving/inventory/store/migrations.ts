// Inventory lives in the orders database, so a checkout can reserve stock and write its order in one transaction.
import { sql, type Kysely, type Migration } from 'kysely';

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
};
