// Two shop instances over one MySQL outbox: the relays take turns, so every event goes out once and in order.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Events } from '../../platform/events/events.ts';
import { silentLogger } from '../../platform/logger.ts';
import { outboxMigration, type OutboxDb } from '../../platform/outbox/outbox.ts';
import { OutboxRelay } from '../../platform/outbox/outbox-relay.ts';
import { openDatabase, type Database } from '../../platform/sql/database.ts';
import { testNamespace } from '../support/namespace.ts';

// A database of its own, so no other suite's outbox rows are relayed away under it (and no shop relays these).
const ns = testNamespace('relay');
const { orders } = ns.config.sql;
if (orders.kind !== 'real') throw new Error('EMPORIUM_ORDERS_DB_URL must name a MySQL database for the real suite');
const open = () => openDatabase<OutboxDb>(orders, { '003-outbox': outboxMigration });

let database: Database<OutboxDb>;
beforeAll(async () => {
  database = await open();
});
afterAll(async () => {
  await database.close();
  await ns.drop();
});

it('lets one of two instances relay a shared outbox at a time: every event goes out once, in commit order', async () => {
  const ids = Array.from({ length: 300 }, (_, i) => `evt-${String(i).padStart(3, '0')}`);
  await database.db
    .insertInto('outbox')
    .values(
      ids.map((eventId) => ({
        topic: 'wishlist',
        payload: JSON.stringify({
          type: 'WishlistItemRemoved',
          eventId,
          occurredAt: 0,
          userId: 'u',
          itemId: 'i',
          category: null,
        }),
        created_at: 0,
      })),
    )
    .execute();
  const published: string[] = [];
  // A bus that takes a moment per batch, as Kafka does, so two relays without turns would overlap.
  const events = {
    publish: async (_topic: string, batch: { eventId: string }[]) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      published.push(...batch.map((e) => e.eventId));
    },
  } as unknown as Events;
  const relays = [0, 1].map(() => new OutboxRelay({ open, events, logger: silentLogger, everyMs: 60_000 }));
  await Promise.all(relays.map((relay) => relay.start()));
  try {
    // Both drain at once, again and again, until the outbox is empty.
    for (
      let round = 0;
      round < 20 && (await database.db.selectFrom('outbox').select('id').execute()).length > 0;
      round++
    ) {
      await Promise.all(relays.map((relay) => relay.drain()));
    }
  } finally {
    await Promise.all(relays.map((relay) => relay.close()));
  }
  expect(published).toEqual(ids);
});
