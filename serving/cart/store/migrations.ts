// The schema of a shopper list database (cart and wishlist each have their own), SQLite and MySQL alike.
import { sql, type Kysely, type Migration } from 'kysely';
import { outboxMigration } from '../../../platform/outbox/outbox.ts';
import { MAX_QUANTITY } from './list-store.ts';

export const listMigrations: Record<string, Migration> = {
  '001-lines': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('lines')
        .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
        .addColumn('item_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('added_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('lines_pk', ['user_id', 'item_id'])
        .addCheckConstraint('quantity_in_range', sql`quantity BETWEEN 1 AND ${sql.lit(MAX_QUANTITY)}`)
        .execute();
    },
  },
  // A list's changes are announced through the outbox, in the transaction that makes them.
  '002-outbox': outboxMigration,
};
