// The transactional outbox: a state change and the events announcing it are written in one SQL
// transaction, and the relay publishes them afterwards, so a crash can neither lose nor invent an event.
import type { Generated, Kysely, Migration, Transaction } from 'kysely';
import type { EventOf, TopicName } from '../../schemas/topics.ts';

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

/** Adds events to the outbox inside the caller's transaction; they leave only if it commits. */
async function appendOutbox(tx: Transaction<OutboxDb>, events: OutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx
    .insertInto('outbox')
    .values(events.map(({ topic, event }) => ({ topic, payload: JSON.stringify(event), created_at: event.occurredAt })))
    .execute();
}

/**
 * A store's writes: each runs through `transaction` and appends the events it returns to the outbox in
 * the same transaction; `onCommit` hears of every committed write that announced something (the shop
 * nudges the relay).
 */
export function outboxWrites<Tx extends Transaction<OutboxDb>>(transaction: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>, onCommit: () => void) {
  return async <T>(work: (tx: Tx) => Promise<{ result: T; events: OutboxEvent[] }>): Promise<T> => {
    const { result, events } = await transaction(async (tx) => {
      const done = await work(tx);
      await appendOutbox(tx, done.events);
      return done;
    });
    if (events.length > 0) onCommit();
    return result;
  };
}
