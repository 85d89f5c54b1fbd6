// The users database schema, one migration per change, for SQLite and MySQL alike.
import type { Kysely, Migration } from 'kysely';

export const userMigrations: Record<string, Migration> = {
  '001-users-and-addresses': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('user_id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
        .addColumn('default_address_id', 'varchar(36)')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('addresses')
        .addColumn('address_id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.user_id').onDelete('cascade'))
        .addColumn('label', 'varchar(50)', (c) => c.notNull())
        .addColumn('line1', 'varchar(200)', (c) => c.notNull())
        .addColumn('line2', 'varchar(200)')
        .addColumn('city', 'varchar(100)', (c) => c.notNull())
        .addColumn('state', 'varchar(100)', (c) => c.notNull())
        .addColumn('pincode', 'varchar(12)', (c) => c.notNull())
        .addColumn('phone', 'varchar(30)')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('addresses_by_user').on('addresses').columns(['user_id', 'created_at']).execute();
    },
  },
};
