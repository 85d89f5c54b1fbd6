// The list store over SQL (Kysely): SQLite embedded, MySQL/MariaDB real; one database per list.
import { sql, type Transaction } from 'kysely';
import { DomainError } from '../../../platform/errors.ts';
import { outboxWrites, type OutboxDb } from '../../../platform/outbox/outbox.ts';
import type { Database } from '../../../platform/sql/database.ts';
import { groupCommit } from '../../../platform/sql/group-commit.ts';
import { StoreDatabase } from '../../../platform/sql/store-database.ts';
import { isCheckViolation } from '../../../platform/sql/violations.ts';
import { MAX_QUANTITY, type Announce, type Line, type ListStore } from './list-store.ts';

interface LinesTable {
  user_id: string;
  item_id: string;
  quantity: number;
  added_at: number;
  updated_at: number;
}

export interface ListDb extends OutboxDb {
  lines: LinesTable;
}

type Tx = Transaction<ListDb>;
const nothing = () => [];

export class SqlListStore implements ListStore {
  private readonly database: StoreDatabase<ListDb>;
  /** Embedded, writes arriving together share one SQLite commit (see group-commit.ts). */
  private readonly write = outboxWrites({
    transaction: groupCommit(() => this.database.get()),
    dialect: () => this.database.dialect,
    onCommit: () => this.deps.onCommit?.(),
  });

  constructor(
    open: () => Promise<Database<ListDb>>,
    /** `onCommit` hears of each committed write that announced something (the shop nudges the outbox relay). */
    private readonly deps: { onCommit?: () => void } = {},
  ) {
    this.database = new StoreDatabase('list store', open);
  }

  start(): Promise<void> {
    return this.database.start();
  }

  close(): Promise<void> {
    return this.database.close();
  }

  async increment(
    userId: string,
    itemId: string,
    by: number,
    at: number,
    announce: Announce<void> = nothing,
  ): Promise<void> {
    // The sum happens inside the database, so two concurrent adds of 2 always end at 4.
    const sum = { quantity: sql<number>`quantity + ${by}`, updated_at: at };
    try {
      await this.write(async (tx) => {
        const insert = tx
          .insertInto('lines')
          .values({ user_id: userId, item_id: itemId, quantity: by, added_at: at, updated_at: at });
        await (
          this.database.dialect === 'mysql'
            ? insert.onDuplicateKeyUpdate(sum)
            : insert.onConflict((c) => c.columns(['user_id', 'item_id']).doUpdateSet(sum))
        ).execute();
        return { result: undefined, events: announce() };
      });
    } catch (error) {
      if (isCheckViolation(error))
        throw new DomainError('conflict', 'quantity', `a line holds at most ${MAX_QUANTITY} of an item`);
      throw error;
    }
  }

  keep(userId: string, itemId: string, quantity: number, at: number, announce: Announce<void> = nothing) {
    return this.write(async (tx) => {
      const insert = tx
        .insertInto('lines')
        .values({ user_id: userId, item_id: itemId, quantity, added_at: at, updated_at: at });
      const result = await (
        this.database.dialect === 'mysql' ? insert.ignore() : insert.onConflict((c) => c.doNothing())
      ).executeTakeFirst();
      const added = (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
      if (!added && quantity > 1) {
        // In the same transaction, so a line removed meanwhile is not brought back.
        await tx
          .updateTable('lines')
          .set({ quantity, updated_at: at })
          .where('user_id', '=', userId)
          .where('item_id', '=', itemId)
          .where('quantity', '<', quantity)
          .execute();
      }
      return { result: added, events: added ? announce() : [] };
    });
  }

  setQuantity(
    userId: string,
    itemId: string,
    quantity: number,
    at: number,
    announce: Announce<number> = nothing,
  ): Promise<number | undefined> {
    return this.write(async (tx) => {
      const line = await this.line(tx, userId, itemId);
      if (!line) return { result: undefined, events: [] };
      await tx
        .updateTable('lines')
        .set({ quantity, updated_at: at })
        .where('user_id', '=', userId)
        .where('item_id', '=', itemId)
        .execute();
      return { result: line.quantity, events: announce(line.quantity) };
    });
  }

  remove(userId: string, itemId: string, announce: Announce<number> = nothing): Promise<number | undefined> {
    return this.write(async (tx) => {
      const line = await this.line(tx, userId, itemId);
      if (!line) return { result: undefined, events: [] };
      await tx.deleteFrom('lines').where('user_id', '=', userId).where('item_id', '=', itemId).execute();
      return { result: line.quantity, events: announce(line.quantity) };
    });
  }

  async lines(userId: string): Promise<Line[]> {
    const rows = await this.database.db
      .selectFrom('lines')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('added_at')
      .orderBy('item_id')
      .execute();
    return rows.map(toLine);
  }

  clear(userId: string, announce: Announce<Line[]> = nothing): Promise<Line[]> {
    return this.write(async (tx) => {
      const rows = await tx
        .selectFrom('lines')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('added_at')
        .orderBy('item_id')
        .$if(this.database.dialect === 'mysql', (q) => q.forUpdate())
        .execute();
      await tx.deleteFrom('lines').where('user_id', '=', userId).execute();
      const lines = rows.map(toLine);
      return { result: lines, events: lines.length > 0 ? announce(lines) : [] };
    });
  }

  /** The line, locked until the transaction ends on MySQL (SQLite's single writer needs no lock). */
  private line(tx: Tx, userId: string, itemId: string) {
    return tx
      .selectFrom('lines')
      .select('quantity')
      .where('user_id', '=', userId)
      .where('item_id', '=', itemId)
      .$if(this.database.dialect === 'mysql', (q) => q.forUpdate())
      .executeTakeFirst();
  }
}

const toLine = (row: LinesTable): Line => ({
  itemId: row.item_id,
  quantity: row.quantity,
  addedAt: Number(row.added_at),
});
