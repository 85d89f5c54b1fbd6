// The lake writer over the embedded log: every event lands once, in typed columns, and a restart resumes from the files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedEventBus } from '../../platform/bus/embedded-event-bus.ts';
import { systemClock } from '../../platform/clock.ts';
import { BusEvents } from '../../platform/events/bus-events.ts';
import { silentLogger } from '../../platform/logger.ts';
import { EmbeddedSchemaRegistry } from '../../platform/registry/embedded-schema-registry.ts';
import { eventSchema } from '../../schemas/load-schemas.ts';
import { TOPICS, type TopicName } from '../../schemas/topics.ts';
import { publishAll, randomShopEvents } from '../../test/support/report-events.ts';
import { waitFor } from '../../test/support/wait-for.ts';
import { topicColumns } from './columns.ts';
import { listLakeFiles } from './lake-files.ts';
import { LakeQuery } from './lake-query.ts';
import { LakeWriter, type LakeWriterOptions } from './lake-writer.ts';

const T0 = Date.UTC(2026, 11, 2, 23, 50, 0); // the events straddle midnight: two date folders

describe('LakeWriter', () => {
  let dir: string;
  let lakeDir: string;
  let bus: EmbeddedEventBus;
  let events: BusEvents;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-lake-'));
    lakeDir = path.join(dir, 'lake');
    bus = new EmbeddedEventBus({ file: path.join(dir, 'bus.db'), pollMs: 10 });
    events = new BusEvents(bus, new EmbeddedSchemaRegistry({ file: path.join(dir, 'schema-registry.json') }));
    await events.start();
  });
  afterEach(async () => {
    await events.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const writer = (options: Partial<LakeWriterOptions> = {}) =>
    new LakeWriter({ lakeDir, events, logger: silentLogger, clock: systemClock, flushRows: 97, ...options });

  const caughtUp = (w: LakeWriter) => () =>
    (Object.keys(TOPICS) as TopicName[]).every((topic) =>
      bus.endOffsets(topic).every((end, p) => end === 0 || (w.positions().get(`${topic}/${p}`) ?? 0) >= end),
    );

  async function writeAll(w: LakeWriter): Promise<void> {
    await w.start();
    await waitFor('the writer to read the whole log', caughtUp(w), 20_000);
    await w.close();
  }

  it('writes every event once, by topic and event date, in the columns of its schema', async () => {
    const sent = randomShopEvents(3, 1200, T0, 20);
    await publishAll(events, sent);
    await writeAll(writer());
    const lake = await LakeQuery.open(lakeDir);
    const ids = (await lake.rows('select event_id from events order by event_id')).map((r) => r.event_id);
    expect(ids).toEqual(sent.map((p) => p.event.eventId).sort());
    const dates = await lake.rows('select distinct topic, date::VARCHAR as date from events order by all');
    expect(new Set(dates.map((d) => d.date))).toEqual(new Set(['2026-12-02', '2026-12-03']));
    const [order] = await lake.rows(
      `select orderId, lines[1].itemId as item, lines[1].quantity as quantity, event_time, totalMinor from orders where event_type = 'OrderPlaced' order by kafka_offset limit 1`,
    );
    expect(order).toMatchObject({ orderId: expect.stringMatching(/^ord-/) as unknown });
    expect(typeof order!.quantity).toBe('number');
    expect(String(order!.event_time)).toMatch(/^2026-12-0[23] /);
    const [filters] = await lake.rows(
      `select count(*) as n from search_performed where filters['category'] is not null`,
    );
    expect(filters!.n).toBeGreaterThan(0);
    lake.close();

    // A second writer over the same lake and log writes nothing again.
    const before = (await listLakeFiles(lakeDir)).map((f) => f.path).sort();
    await writeAll(writer());
    expect((await listLakeFiles(lakeDir)).map((f) => f.path).sort()).toEqual(before);
    expect(fs.readdirSync(path.join(lakeDir, '_lake', 'commits'))).toEqual([]);
  });

  it('gains a column when a schema gains an optional field, and the older files still read', async () => {
    const viewed = (i: number, category?: string) => ({
      type: 'ProductViewed' as const,
      eventId: `v-${i}`,
      occurredAt: T0,
      userId: 'usr-1',
      itemId: `itm-${i}`,
      category: category ?? 'books',
    });
    // The first writer knows ProductViewed without `category`, as an older schema had it.
    const older = (topic: TopicName) => {
      const columns = topicColumns(
        topic,
        TOPICS[topic].events.map((e) => JSON.parse(eventSchema(e).text) as object),
      );
      return topic === 'product.viewed' ? columns.filter((c) => c.name !== 'category') : columns;
    };
    await events.publish('product.viewed', [viewed(1), viewed(2)]);
    await writeAll(writer({ columns: older }));
    await events.publish('product.viewed', [viewed(3, 'toys')]);
    await writeAll(writer());

    const lake = await LakeQuery.open(lakeDir);
    const rows = await lake.rows('select event_id, category from product_viewed order by event_id');
    expect(rows).toEqual([
      { event_id: 'v-1', category: null },
      { event_id: 'v-2', category: null },
      { event_id: 'v-3', category: 'toys' },
    ]);
    // DuckDB on its own, as the layout page shows it.
    const [{ n } = {}] = await lake.rows(
      `select count(*) as n from read_parquet('${lakeDir}/*/*/*.parquet', hive_partitioning = true, union_by_name = true) where topic = 'product.viewed'`,
    );
    expect(n).toBe(3);
    lake.close();
  });
});
