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
  // Named as they are recorded on the CI machine's databases: keep these names.
  '002-roles': {
    async up(db: Kysely<unknown>) {
      // Everyone is a shopper until `emporium access staff add` says otherwise.
      await db.schema
        .alterTable('users')
        .addColumn('role', 'varchar(20)', (c) => c.notNull().defaultTo('shopper'))
        .execute();
    },
  },
  '003-supplier-api-keys': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('supplier_api_keys')
        .addColumn('key_id', 'varchar(16)', (c) => c.primaryKey())
        .addColumn('supplier_id', 'varchar(100)', (c) => c.notNull())
        // sha256 of the key's secret, hex; the key itself is shown once and never stored.
        .addColumn('secret_hash', 'char(64)', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('supplier_api_keys_by_supplier')
        .on('supplier_api_keys')
        .column('supplier_id')
        .execute();
    },
  },
  // Where a seller is told of new and cancelled orders.
  '004-supplier-contacts': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('supplier_contacts')
        .addColumn('supplier_id', 'varchar(100)', (c) => c.primaryKey())
        .addColumn('email', 'varchar(254)')
        .addColumn('phone', 'varchar(32)')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};
