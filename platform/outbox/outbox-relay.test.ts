import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Events } from '../events/events.ts';
import { silentLogger } from '../logger.ts';
import { openDatabase, type Database } from '../sql/database.ts';
import { outboxMigration, type OutboxDb } from './outbox.ts';
import { OutboxRelay } from './outbox-relay.ts';

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-relay-')), 'outbox.db');
const open = () => openDatabase<OutboxDb>({ kind: 'embedded', file }, { '003-outbox': outboxMigration });

let database: Database<OutboxDb>;
beforeAll(async () => {
  database = await open();
});
afterAll(() => database.close());

it('publishes an outbox of interleaved topics once, each topic in commit order, and empties it', async () => {
  // A checkout's events alternate between topics: created (orders), reserved (stock), placed (orders), ...
  const rows = Array.from({ length: 300 }, (_, i) => ({
    topic: i % 3 === 1 ? 'cart' : 'wishlist',
    eventId: `evt-${String(i).padStart(3, '0')}`,
  }));
  await database.db
    .insertInto('outbox')
    .values(rows.map(({ topic, eventId }) => ({ topic, payload: JSON.stringify({ eventId }), created_at: 0 })))
    .execute();
  const published = new Map<string, string[]>();
  const events = {
    publish: async (topic: string, batch: { eventId: string }[]) => {
      // A turn of the event loop per publish, as a real bus takes, so passes could interleave if they were let.
      await new Promise((resolve) => setImmediate(resolve));
      published.set(topic, [...(published.get(topic) ?? []), ...batch.map((e) => e.eventId)]);
    },
  } as unknown as Events;
  const relay = new OutboxRelay({ open, events, logger: silentLogger, everyMs: 60_000 });
  await relay.start();
  try {
    // Starting nudges a pass of its own; asking for another at once must not publish anything twice.
    await relay.drain();
  } finally {
    await relay.close();
  }
  const inOrder = (topic: string) => rows.filter((r) => r.topic === topic).map((r) => r.eventId);
  expect(published.get('wishlist')).toEqual(inOrder('wishlist'));
  expect(published.get('cart')).toEqual(inOrder('cart'));
  expect(await database.db.selectFrom('outbox').select('id').execute()).toEqual([]);
});
