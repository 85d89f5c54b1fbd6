// The transactional outbox: a state change and the events announcing it are written in one SQL
// transaction, and the relay publishes them afterwards, so a crash can neither lose nor invent an event.
import type { Generated, Insertable, Kysely, Migration, Transaction } from 'kysely';
import type { EventOf, TopicName } from '../../schemas/topics.ts';
import type { Dialect } from '../sql/database.ts';
import { prepared } from '../sql/prepared.ts';

export interface OutboxDb {
  outbox: { id: Generated<number>; topic: string; payload: string; created_at: number };
}

export const outboxMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('outbox')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('topic', 'varchar(64)', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};

/** An event bound for a topic, as a store hands it to `outboxWrites`. */
export type OutboxEvent = { [T in TopicName]: { topic: T; event: EventOf<T> } }[TopicName];

const insertEvent = prepared(
  ['topic', 'payload', 'created_at'],
  (db: Kysely<OutboxDb>, row: Insertable<OutboxDb['outbox']>) => db.insertInto('outbox').values(row),
);

/**
 * Adds events to the outbox inside the caller's transaction; they leave only if it commits. SQLite runs
 * in this process, where a prepared statement per event costs less than building a batch; MySQL is a
 * round trip away, where one batch costs one.
 */
async function appendOutbox(tx: Transaction<OutboxDb>, dialect: Dialect, events: OutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map(({ topic, event }) => ({
    topic,
    payload: JSON.stringify(event),
    created_at: event.occurredAt,
  }));
  if (dialect === 'mysql') await tx.insertInto('outbox').values(rows).execute();
  else for (const row of rows) await insertEvent(tx, dialect, row);
}

/**
 * A store's writes: each runs through `transaction` and appends the events it returns to the outbox in
 * the same transaction; `onCommit` hears of every committed write that announced something (the shop
 * nudges the relay).
 */
export function outboxWrites<Tx extends Transaction<OutboxDb>>(store: {
  transaction: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;
  dialect: () => Dialect;
  onCommit: () => void;
}) {
  return async <T>(work: (tx: Tx) => Promise<{ result: T; events: OutboxEvent[] }>): Promise<T> => {
    const { result, events } = await store.transaction(async (tx) => {
      const done = await work(tx);
      await appendOutbox(tx, store.dialect(), done.events);
      return done;
    });
    if (events.length > 0) store.onCommit();
    return result;
  };
}
