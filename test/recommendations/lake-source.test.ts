// The lake source against the event-log source: the same events, published once through the embedded bus and
// written into Parquet by the real lake writer, give the same signal events and so the same signals.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lakeSource } from '../../app/recommendations-source.ts';
import { EventLogSource } from '../../batch/recommendations/event-log-source.ts';
import type { InteractionSource } from '../../batch/recommendations/interaction-source.ts';
import { signalsFromEvents, type SignalEvent } from '../../batch/recommendations/signals.ts';
import { EmbeddedEventBus } from '../../platform/bus/embedded-event-bus.ts';
import { systemClock } from '../../platform/clock.ts';
import { BusEvents } from '../../platform/events/bus-events.ts';
import { silentLogger } from '../../platform/logger.ts';
import { EmbeddedSchemaRegistry } from '../../platform/registry/embedded-schema-registry.ts';
import { TOPICS, type TopicName } from '../../schemas/topics.ts';
import { LakeWriter } from '../../stream/lake/lake-writer.ts';
import { publishAll, randomShopEvents } from '../support/report-events.ts';
import { waitFor } from '../support/wait-for.ts';

const T0 = Date.UTC(2026, 11, 2, 23, 40, 0); // across midnight: two date folders, one of them before `since`
const byId = (events: SignalEvent[]) => [...events].sort((a, b) => a.eventId.localeCompare(b.eventId));

describe('the lake as an interaction source', () => {
  let dir: string;
  let bus: EmbeddedEventBus;
  let events: BusEvents;
  let log: InteractionSource;
  let lake: InteractionSource;
  const sent = randomShopEvents(7, 1500, T0, 40);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recs-lake-source-'));
    bus = new EmbeddedEventBus({ file: path.join(dir, 'bus.db'), pollMs: 10 });
    events = new BusEvents(bus, new EmbeddedSchemaRegistry({ file: path.join(dir, 'schema-registry.json') }));
    await events.start();
    await publishAll(events, sent);
    // What randomShopEvents does not make: a visitor's view and search (no shopper), and a redelivered order.
    const visitor = { eventId: 'evt-visitor-view', occurredAt: T0 + 60_000, userId: null };
    await events.publish('product.viewed', [{ type: 'ProductViewed', ...visitor, itemId: 'itm-1', category: 'shoes' }]);
    await events.publish('search.performed', [
      {
        type: 'SearchPerformed',
        ...visitor,
        eventId: 'evt-visitor-search',
        query: 'red shoes',
        pincode: null,
        filters: {},
        resultIds: ['itm-1', 'itm-2'],
        total: 2,
      },
    ]);
    const writer = new LakeWriter({
      lakeDir: path.join(dir, 'lake'),
      events,
      logger: silentLogger,
      clock: systemClock,
      flushRows: 113,
    });
    await writer.start();
    const caughtUp = () =>
      (Object.keys(TOPICS) as TopicName[]).every((topic) =>
        bus.endOffsets(topic).every((end, p) => end === 0 || (writer.positions().get(`${topic}/${p}`) ?? 0) >= end),
      );
    await waitFor('the lake writer to read the whole log', caughtUp, 30_000);
    await writer.close();
    log = new EventLogSource(events, (topic) => bus.endOffsets(topic));
    lake = lakeSource(path.join(dir, 'lake'));
  }, 60_000);
  afterAll(async () => {
    await events.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same signal events as the event log, each once, and so the same signals', async () => {
    const fromLog = byId(await log.readSignalEvents(null));
    const fromLake = byId(await lake.readSignalEvents(null));
    const signalIds = new Set(
      sent
        .filter((p) =>
          ['OrderPlaced', 'CartItemAdded', 'WishlistItemAdded', 'ProductViewed', 'SearchPerformed'].includes(
            p.event.type,
          ),
        )
        .map((p) => p.event.eventId),
    );
    expect(fromLog.map((e) => e.eventId)).toEqual([...signalIds, 'evt-visitor-search', 'evt-visitor-view'].sort());
    expect(fromLake).toEqual(fromLog);
    expect(signalsFromEvents(fromLake)).toEqual(signalsFromEvents(fromLog));
    expect(fromLake.find((e) => e.eventId === 'evt-visitor-search')).toEqual({
      type: 'SearchPerformed',
      eventId: 'evt-visitor-search',
      occurredAt: T0 + 60_000,
      userId: null,
      query: 'red shoes',
      pincode: null,
      filters: {},
      resultIds: ['itm-1', 'itm-2'],
      total: 2,
    });
  });

  it('reads only events at or after `since`, to the millisecond, the days before it unread', async () => {
    const times = (await log.readSignalEvents(null)).map((e) => e.occurredAt).sort((a, b) => a - b);
    // An event's own time, just after midnight: it is kept, the one a millisecond earlier is not.
    const since = times.find((t) => t >= Date.UTC(2026, 11, 3))!;
    const fromLake = byId(await lake.readSignalEvents(since));
    expect(fromLake).toEqual(byId(await log.readSignalEvents(since)));
    expect(fromLake.length).toBeGreaterThan(0);
    expect(fromLake.length).toBeLessThan(times.length);
    expect(Math.min(...fromLake.map((e) => e.occurredAt))).toBe(since);
    expect(await lake.readSignalEvents(times.at(-1)! + 1)).toEqual([]);
  });

  it('reads an empty or missing lake as no signals', async () => {
    expect(await lakeSource(path.join(dir, 'no-lake-here')).readSignalEvents(null)).toEqual([]);
  });
});
