// The access store over SQL (Kysely), in the users database: roles on the users table, keys in
// supplier_api_keys, suppliers' contact details in supplier_contacts.
import type { Kysely } from 'kysely';
import type { Role } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/sql/database.ts';
import type { AccessStore, ApiKeyRecord, SupplierContact } from './access-store.ts';
import type { UsersDb } from './sql-user-store.ts';

export class SqlAccessStore implements AccessStore {
  private database: Database<UsersDb> | undefined;

  /** `open` opens (and migrates) the users database; share it with the user store (sharedDatabase). */
  constructor(private readonly open: () => Promise<Database<UsersDb>>) {}

  async start(): Promise<void> {
    this.database = await this.open();
  }

  async close(): Promise<void> {
    await this.database?.close();
    this.database = undefined;
  }

  async roleOf(userId: string): Promise<Role | undefined> {
    const row = await this.db().selectFrom('users').select('role').where('user_id', '=', userId).executeTakeFirst();
    return row?.role;
  }

  async setRole(email: string, role: Role): Promise<string | undefined> {
    const db = this.db();
    const row = await db.selectFrom('users').select('user_id').where('email', '=', email).executeTakeFirst();
    if (!row) return undefined;
    await db.updateTable('users').set({ role }).where('user_id', '=', row.user_id).execute();
    return row.user_id;
  }

  async withRole(role: Role) {
    const rows = await this.db()
      .selectFrom('users')
      .select(['user_id', 'email'])
      .where('role', '=', role)
      .orderBy('email')
      .execute();
    return rows.map((r) => ({ userId: r.user_id, email: r.email }));
  }

  async addApiKey(key: Omit<ApiKeyRecord, 'revokedAt'>): Promise<void> {
    await this.db()
      .insertInto('supplier_api_keys')
      .values({
        key_id: key.keyId,
        supplier_id: key.supplierId,
        secret_hash: key.secretHash,
        created_at: key.createdAt,
        revoked_at: null,
      })
      .execute();
  }

  async apiKey(keyId: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.db()
      .selectFrom('supplier_api_keys')
      .selectAll()
      .where('key_id', '=', keyId)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async apiKeys(supplierId?: string): Promise<ApiKeyRecord[]> {
    const rows = await this.db()
      .selectFrom('supplier_api_keys')
      .selectAll()
      .$if(supplierId !== undefined, (q) => q.where('supplier_id', '=', supplierId!))
      .orderBy('created_at')
      .orderBy('key_id')
      .execute();
    return rows.map(toRecord);
  }

  async revokeApiKey(keyId: string, at: number): Promise<boolean> {
    const result = await this.db()
      .updateTable('supplier_api_keys')
      .set({ revoked_at: at })
      .where('key_id', '=', keyId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  private db(): Kysely<UsersDb> {
    if (!this.database) throw new Error('access store is not started');
    return this.database.db;
  }

  async setSupplierContact(supplierId: string, contact: SupplierContact, at: number): Promise<void> {
    const row = { supplier_id: supplierId, email: contact.email, phone: contact.phone, updated_at: at };
    const set = { email: contact.email, phone: contact.phone, updated_at: at };
    await this.db()
      .insertInto('supplier_contacts')
      .values(row)
      .$call((q) =>
        this.database!.dialect === 'mysql'
          ? q.onDuplicateKeyUpdate(set)
          : q.onConflict((c) => c.column('supplier_id').doUpdateSet(set)),
      )
      .execute();
  }

  async supplierContact(supplierId: string): Promise<SupplierContact | undefined> {
    const row = await this.db()
      .selectFrom('supplier_contacts')
      .select(['email', 'phone'])
      .where('supplier_id', '=', supplierId)
      .executeTakeFirst();
    return row && { email: row.email, phone: row.phone };
  }
}

function toRecord(row: UsersDb['supplier_api_keys']): ApiKeyRecord {
  return {
    keyId: row.key_id,
    supplierId: row.supplier_id,
    secretHash: row.secret_hash,
    createdAt: Number(row.created_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}
