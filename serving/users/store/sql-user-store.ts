// The user store over SQL (Kysely): SQLite embedded, MySQL/MariaDB real, reads from a replica when there is one.
import type { Generated, Kysely } from 'kysely';
import { DomainError } from '../../../platform/errors.ts';
import type { Role } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/sql/database.ts';
import { isUniqueViolation } from '../../../platform/sql/violations.ts';
import type { Address, User } from '../user.ts';
import type { NewUser, UserStore } from './user-store.ts';

interface UsersTable {
  user_id: string;
  email: string;
  name: string;
  password_hash: string;
  default_address_id: string | null;
  created_at: number;
  updated_at: number;
  /** Added by migration 002-roles (defaults to shopper). */
  role: Generated<Role>;
}

interface AddressesTable {
  address_id: string;
  user_id: string;
  label: string;
  line1: string;
  line2: string | null;
  city: string;
  state: string;
  pincode: string;
  phone: string | null;
  created_at: number;
}

interface SupplierApiKeysTable {
  key_id: string;
  supplier_id: string;
  secret_hash: string;
  created_at: number;
  revoked_at: number | null;
}

interface SupplierContactsTable {
  supplier_id: string;
  email: string | null;
  phone: string | null;
  updated_at: number;
}

export interface UsersDb {
  users: UsersTable;
  addresses: AddressesTable;
  supplier_api_keys: SupplierApiKeysTable;
  supplier_contacts: SupplierContactsTable;
}

export class SqlUserStore implements UserStore {
  private primary: Database<UsersDb> | undefined;
  private replica: Database<UsersDb> | undefined;

  /** `open` opens (and migrates) the primary; `openReplica`, when given, the read replica. */
  constructor(
    private readonly open: () => Promise<Database<UsersDb>>,
    private readonly openReplica?: () => Promise<Database<UsersDb>>,
  ) {}

  async start(): Promise<void> {
    this.primary = await this.open();
    this.replica = await this.openReplica?.();
  }

  async close(): Promise<void> {
    await this.replica?.close();
    await this.primary?.close();
    this.primary = this.replica = undefined;
  }

  async get(userId: string): Promise<User | undefined> {
    const db = this.reads();
    const row = await db.selectFrom('users').selectAll().where('user_id', '=', userId).executeTakeFirst();
    if (!row) return undefined;
    const addresses = await db
      .selectFrom('addresses')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('address_id')
      .execute();
    return {
      userId: row.user_id,
      email: row.email,
      name: row.name,
      defaultAddressId: row.default_address_id,
      createdAt: Number(row.created_at),
      updatedAt: Number(row.updated_at),
      addresses: addresses.map((a) => ({
        addressId: a.address_id,
        label: a.label,
        line1: a.line1,
        line2: a.line2,
        city: a.city,
        state: a.state,
        pincode: a.pincode,
        phone: a.phone,
      })),
    };
  }

  async create(user: NewUser): Promise<void> {
    try {
      await this.writes()
        .insertInto('users')
        .values({
          user_id: user.userId,
          email: user.email,
          name: user.name,
          password_hash: user.passwordHash,
          default_address_id: null,
          created_at: user.at,
          updated_at: user.at,
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError('conflict', 'email', `an account with ${user.email} already exists`);
      throw error;
    }
  }

  async credentials(email: string) {
    const row = await this.writes()
      .selectFrom('users')
      .select(['user_id', 'password_hash'])
      .where('email', '=', email)
      .executeTakeFirst();
    return row && { userId: row.user_id, passwordHash: row.password_hash };
  }

  async rename(userId: string, name: string, at: number): Promise<boolean> {
    const result = await this.writes()
      .updateTable('users')
      .set({ name, updated_at: at })
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  addAddress(userId: string, address: Address, makeDefault: boolean, at: number): Promise<boolean> {
    return this.writes()
      .transaction()
      .execute(async (tx) => {
        const user = await tx
          .selectFrom('users')
          .select('default_address_id')
          .where('user_id', '=', userId)
          .$if(this.locks(), (q) => q.forUpdate())
          .executeTakeFirst();
        if (!user) return false;
        await tx
          .insertInto('addresses')
          .values({ ...toRow(address), user_id: userId, created_at: at })
          .execute();
        const becomesDefault = makeDefault || user.default_address_id === null;
        await tx
          .updateTable('users')
          .set(becomesDefault ? { default_address_id: address.addressId, updated_at: at } : { updated_at: at })
          .where('user_id', '=', userId)
          .execute();
        return true;
      });
  }

  removeAddress(userId: string, addressId: string, at: number): Promise<boolean> {
    return this.writes()
      .transaction()
      .execute(async (tx) => {
        const user = await tx
          .selectFrom('users')
          .select('default_address_id')
          .where('user_id', '=', userId)
          .$if(this.locks(), (q) => q.forUpdate())
          .executeTakeFirst();
        if (!user) return false;
        const removed = await tx
          .deleteFrom('addresses')
          .where('user_id', '=', userId)
          .where('address_id', '=', addressId)
          .executeTakeFirst();
        if (removed.numDeletedRows === 0n) return false;
        let defaultId = user.default_address_id;
        if (defaultId === addressId) {
          const next = await tx
            .selectFrom('addresses')
            .select('address_id')
            .where('user_id', '=', userId)
            .orderBy('created_at')
            .orderBy('address_id')
            .executeTakeFirst();
          defaultId = next?.address_id ?? null;
        }
        await tx
          .updateTable('users')
          .set({ default_address_id: defaultId, updated_at: at })
          .where('user_id', '=', userId)
          .execute();
        return true;
      });
  }

  setDefaultAddress(userId: string, addressId: string, at: number): Promise<boolean> {
    return this.writes()
      .transaction()
      .execute(async (tx) => {
        const owned = await tx
          .selectFrom('addresses')
          .select('address_id')
          .where('user_id', '=', userId)
          .where('address_id', '=', addressId)
          .executeTakeFirst();
        if (!owned) return false;
        await tx
          .updateTable('users')
          .set({ default_address_id: addressId, updated_at: at })
          .where('user_id', '=', userId)
          .execute();
        return true;
      });
  }

  private writes(): Kysely<UsersDb> {
    if (!this.primary) throw new Error('user store is not started');
    return this.primary.db;
  }

  /** SQLite has no row locks (and no FOR UPDATE): its one writer at a time already serialises these. */
  private locks(): boolean {
    return this.primary?.dialect === 'mysql';
  }

  private reads(): Kysely<UsersDb> {
    return this.replica?.db ?? this.writes();
  }
}

function toRow(address: Address) {
  const { addressId, ...rest } = address;
  return { address_id: addressId, ...rest };
}
