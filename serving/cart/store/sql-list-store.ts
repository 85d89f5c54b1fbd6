// The list store over SQL (Kysely): SQLite embedded, MySQL/MariaDB real; one database per list.
import { sql, type Kysely } from 'kysely';
import { DomainError } from '../../../platform/errors.ts';
import type { Database } from '../../../platform/sql/database.ts';
import { isCheckViolation } from '../../../platform/sql/violations.ts';
import { MAX_QUANTITY, type Line, type ListStore } from './list-store.ts';

interface LinesTable {
  user_id: string;
  item_id: string;
  quantity: number;
  added_at: number;
  updated_at: number;
}

export interface ListDb {
  lines: LinesTable;
}

export class SqlListStore implements ListStore {
  private database: Database<ListDb> | undefined;

  constructor(private readonly open: () => Promise<Database<ListDb>>) {}

  async start(): Promise<void> {
    this.database = await this.open();
  }

  async close(): Promise<void> {
    await this.database?.close();
    this.database = undefined;
  }

  async increment(userId: string, itemId: string, by: number, at: number): Promise<void> {
    const insert = this.db().insertInto('lines').values({ user_id: userId, item_id: itemId, quantity: by, added_at: at, updated_at: at });
    // The sum happens inside the database, so two concurrent adds of 2 always end at 4.
    const sum = { quantity: sql<number>`quantity + ${by}`, updated_at: at };
    try {
      await (this.dialect() === 'mysql'
        ? insert.onDuplicateKeyUpdate(sum)
        : insert.onConflict((c) => c.columns(['user_id', 'item_id']).doUpdateSet(sum))
      ).execute();
    } catch (error) {
      if (isCheckViolation(error)) throw new DomainError('conflict', 'quantity', `a line holds at most ${MAX_QUANTITY} of an item`);
      throw error;
    }
  }

  async insertIfAbsent(userId: string, itemId: string, at: number): Promise<boolean> {
    const insert = this.db().insertInto('lines').values({ user_id: userId, item_id: itemId, quantity: 1, added_at: at, updated_at: at });
    const result = await (this.dialect() === 'mysql' ? insert.ignore() : insert.onConflict((c) => c.doNothing())).executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  setQuantity(userId: string, itemId: string, quantity: number, at: number): Promise<number | undefined> {
    return this.db()
      .transaction()
      .execute(async (tx) => {
        const line = await this.line(tx, userId, itemId);
        if (!line) return undefined;
        await tx.updateTable('lines').set({ quantity, updated_at: at }).where('user_id', '=', userId).where('item_id', '=', itemId).execute();
        return line.quantity;
      });
  }

  remove(userId: string, itemId: string): Promise<number | undefined> {
    return this.db()
      .transaction()
      .execute(async (tx) => {
        const line = await this.line(tx, userId, itemId);
        if (!line) return undefined;
        await tx.deleteFrom('lines').where('user_id', '=', userId).where('item_id', '=', itemId).execute();
        return line.quantity;
      });
  }

  async lines(userId: string): Promise<Line[]> {
    const rows = await this.db().selectFrom('lines').selectAll().where('user_id', '=', userId).orderBy('added_at').orderBy('item_id').execute();
    return rows.map(toLine);
  }

  clear(userId: string): Promise<Line[]> {
    return this.db()
      .transaction()
      .execute(async (tx) => {
        const rows = await tx
          .selectFrom('lines')
          .selectAll()
          .where('user_id', '=', userId)
          .orderBy('added_at')
          .orderBy('item_id')
          .$if(this.dialect() === 'mysql', (q) => q.forUpdate())
          .execute();
        await tx.deleteFrom('lines').where('user_id', '=', userId).execute();
        return rows.map(toLine);
      });
  }

  /** The line, locked until the transaction ends on MySQL (SQLite's single writer needs no lock). */
  private line(tx: Kysely<ListDb>, userId: string, itemId: string) {
    return tx
      .selectFrom('lines')
      .select('quantity')
      .where('user_id', '=', userId)
      .where('item_id', '=', itemId)
      .$if(this.dialect() === 'mysql', (q) => q.forUpdate())
      .executeTakeFirst();
  }

  private db(): Kysely<ListDb> {
    if (!this.database) throw new Error('list store is not started');
    return this.database.db;
  }

  private dialect() {
    return this.database?.dialect;
  }
}

const toLine = (row: LinesTable): Line => ({ itemId: row.item_id, quantity: row.quantity, addedAt: Number(row.added_at) });
