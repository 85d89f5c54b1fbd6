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

/** An event bound for a topic, as a store hands it to `appendOutbox`. */
export type OutboxEvent = { [T in TopicName]: { topic: T; event: EventOf<T> } }[TopicName];

/** Adds events to the outbox inside the caller's transaction; they leave only if it commits. */
export async function appendOutbox(tx: Transaction<OutboxDb>, events: OutboxEvent[], at: number): Promise<void> {
  if (events.length === 0) return;
  await tx
    .insertInto('outbox')
    .values(events.map(({ topic, event }) => ({ topic, payload: JSON.stringify(event), created_at: at })))
    .execute();
}
