// The event-log source over a real embedded bus: every signal event once, up to where the log ended.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { EmbeddedEventBus } from '../../platform/bus/embedded-event-bus.ts';
import { BusEvents } from '../../platform/events/bus-events.ts';
import { EmbeddedSchemaRegistry } from '../../platform/registry/embedded-schema-registry.ts';
import { EventLogSource } from './event-log-source.ts';

let dir: string;
let bus: EmbeddedEventBus;
let events: BusEvents;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recs-source-'));
  bus = new EmbeddedEventBus({ file: path.join(dir, 'bus.db'), pollMs: 10 });
  events = new BusEvents(bus, new EmbeddedSchemaRegistry({ file: path.join(dir, 'schema-registry.json') }));
  await events.start();
});
afterEach(async () => {
  await events.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('reads every signal event of every signal topic once, and only those since the given time', async () => {
  const source = new EventLogSource(events, (topic) => bus.endOffsets(topic));
  expect(await source.readSignalEvents(null)).toEqual([]);
  const view = (id: string, t: number) => ({
    type: 'ProductViewed' as const,
    eventId: id,
    occurredAt: t,
    userId: 'u1',
    itemId: `item-${id}`,
    category: 'tea',
  });
  await events.publish('product.viewed', [view('v1', 100), view('v2', 200), view('v1', 100)]);
  await events.publish('wishlist', [
    { type: 'WishlistItemAdded', eventId: 'w1', occurredAt: 300, userId: 'u1', itemId: 'item-w', category: 'tea' },
  ]);
  await events.publish('orders', [
    { type: 'OrderPacked', eventId: 'o1', occurredAt: 400, orderId: 'order-1', userId: 'u1' },
  ]);
  const all = await source.readSignalEvents(null);
  expect(all.map((e) => e.eventId).sort()).toEqual(['v1', 'v2', 'w1']);
  const recent = await source.readSignalEvents(150);
  expect(recent.map((e) => e.eventId).sort()).toEqual(['v2', 'w1']);
});
