// The event lake: events a second from the embedded bus into Parquet end to end, and a 30-minute top-N over 10M lake events.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomFor } from '../ingest/demo/random.ts';
import { EmbeddedEventBus } from '../platform/bus/embedded-event-bus.ts';
import { systemClock } from '../platform/clock.ts';
import { BusEvents } from '../platform/events/bus-events.ts';
import { silentLogger } from '../platform/logger.ts';
import { EmbeddedSchemaRegistry } from '../platform/registry/embedded-schema-registry.ts';
import type { TopicName } from '../schemas/topics.ts';
import { listLakeFiles } from '../stream/lake/lake-files.ts';
import { LakeQuery } from '../stream/lake/lake-query.ts';
import { LakeWriter } from '../stream/lake/lake-writer.ts';
import { filePath } from '../stream/lake/layout.ts';
import { literal } from '../stream/lake/parquet-writer.ts';
import type { Published } from '../test/support/report-events.ts';
import { megabytes, percentile, perSecond, trackPeakMemory } from './stats.ts';

const EVENTS = Number(process.env.EVENTS ?? 500_000);
const QUERY_EVENTS = Number(process.env.QUERY_EVENTS ?? 10_000_000);
const ITEMS = 20_000;
const CATEGORIES = ['books', 'shoes', 'toys', 'garden', 'phones', 'televisions', 'kitchen', 'shirts'];
const START = Date.UTC(2026, 11, 2, 9);

/** Views most, then cart additions, searches and orders (with two lines each); item popularity skewed. */
function shopEvents(): Published[] {
  const r = randomFor(7, 19, 0);
  const item = () => `itm-${Math.floor(ITEMS * r.next() ** 3)}`;
  const category = (itemId: string) => CATEGORIES[Number(itemId.slice(4)) % CATEGORIES.length]!;
  const out: Published[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const base = { eventId: `e-${i}`, occurredAt: START + i };
    const itemId = item();
    const userId = `usr-${r.int(0, 50_000)}`;
    const roll = r.int(0, 99);
    if (roll < 60)
      out.push({
        topic: 'product.viewed',
        event: { type: 'ProductViewed', ...base, userId, itemId, category: category(itemId) },
      });
    else if (roll < 75)
      out.push({
        topic: 'cart',
        event: {
          type: 'CartItemAdded',
          ...base,
          userId,
          itemId,
          quantity: 1,
          unitPriceMinor: 2500,
          category: category(itemId),
        },
      });
    else if (roll < 92)
      out.push({
        topic: 'search.performed',
        event: {
          type: 'SearchPerformed',
          ...base,
          userId,
          query: `query ${r.int(0, 2000)}`,
          pincode: '07030',
          filters: {},
          resultIds: [itemId],
          total: 10,
        },
      });
    else {
      const lines = [itemId, item()].map((id) => ({
        itemId: id,
        quantity: 1,
        unitPriceMinor: 2500,
        category: category(id),
        warehouseId: null,
      }));
      out.push({
        topic: 'orders',
        event: {
          type: 'OrderPlaced',
          ...base,
          orderId: `ord-${i}`,
          userId,
          lines,
          totalMinor: 5000,
          currency: 'USD',
          paymentId: `pay-${i}`,
        },
      });
    }
  }
  return out;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-bench-lake-'));
const lakeDir = path.join(dir, 'lake');
const bus = new EmbeddedEventBus({ file: path.join(dir, 'bus.db'), batchSize: 5000 });
const events = new BusEvents(bus, new EmbeddedSchemaRegistry({ file: path.join(dir, 'schema-registry.json') }));
await events.start();
const published = shopEvents();
const topics = [...new Set(published.map((p) => p.topic))] as TopicName[];
for (let i = 0; i < published.length; i += 5000) {
  const slice = published.slice(i, i + 5000);
  for (const topic of topics) {
    const batch = slice.filter((p) => p.topic === topic).map((p) => p.event);
    if (batch.length) await events.publish(topic, batch);
  }
}

// 1. End to end: read from the embedded bus, Avro decode, rows, DuckDB to zstd Parquet, commit, until all is in files.
const memory = trackPeakMemory();
const writer = new LakeWriter({
  lakeDir,
  events,
  topics,
  logger: silentLogger,
  clock: systemClock,
  flushRows: 100_000,
});
const cpu = process.cpuUsage();
let t = performance.now();
await writer.start();
await new Promise<void>((resolve) => {
  const check = setInterval(() => {
    if (
      topics.every((topic) =>
        bus.endOffsets(topic).every((end, p) => (writer.positions().get(`${topic}/${p}`) ?? 0) >= end),
      )
    ) {
      clearInterval(check);
      resolve();
    }
  }, 5);
});
await writer.close(); // flushes what is still buffered
const writeMs = performance.now() - t;
const writeCpu = process.cpuUsage(cpu);
const peak = memory.stop();
await events.close();
const files = await listLakeFiles(lakeDir);
const bytes = files.reduce((s, f) => s + f.bytes, 0);
const check = await LakeQuery.open(lakeDir);
const [{ n } = { n: 0 }] = await check.rows('select count(*) as n from events');
check.close();
if (n !== EVENTS) throw new Error(`the lake holds ${String(n)} events, ${EVENTS} were published`);

// 2. 10M product views in the lake's layout (six partitions, one file each per date), made by DuckDB at
// 200 events a second of event time, then the top items of one 30-minute window through the topic's view.
const queryDir = path.join(dir, 'query-lake');
const { DuckDBInstance } = await import('@duckdb/node-api');
const maker = await (await DuckDBInstance.create(':memory:')).connect();
await maker.run(`SET TimeZone = 'UTC'`);
t = performance.now();
const perPartition = Math.ceil(QUERY_EVENTS / 6);
for (let p = 0; p < 6; p++) {
  const target = path.join(queryDir, filePath('product.viewed', '2026-12-02', p, 0, perPartition - 1));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await maker.run(
    `COPY (SELECT 'v-' || ${p} || '-' || o AS event_id, make_timestamptz(${START * 1000} + (o * 6 + ${p}) * 5000) AS event_time,
       'ProductViewed' AS event_type, ${p}::INTEGER AS kafka_partition, o AS kafka_offset, 'usr-' || (hash(o, ${p}) % 50000) AS userId,
       'itm-' || floor(${ITEMS} * pow((hash(o * 7 + ${p}) % 1000000) / 1e6, 3))::INTEGER AS itemId, 'books' AS category
     FROM range(${perPartition}) t(o)) TO ${literal(target)} (FORMAT parquet, COMPRESSION zstd)`,
  );
}
const makeMs = performance.now() - t;
// The middle of the views' time span (5 ms apart).
const windowStart = new Date(START + Math.floor((QUERY_EVENTS * 5) / 2 / 60_000) * 60_000).toISOString();
const query = `SELECT itemId, count(*) AS views FROM product_viewed
  WHERE event_time >= TIMESTAMPTZ '${windowStart}' AND event_time < TIMESTAMPTZ '${windowStart}' + INTERVAL 30 MINUTE
  GROUP BY itemId ORDER BY views DESC, itemId LIMIT 10`;
const lake = await LakeQuery.open(queryDir);
const [{ total } = { total: 0 }] = await lake.rows('select count(*) as total from product_viewed');
const times: number[] = [];
let top: Record<string, unknown>[] = [];
for (let i = 0; i < 7; i++) {
  t = performance.now();
  top = await lake.rows(query);
  times.push(performance.now() - t);
}
lake.close();
fs.rmSync(dir, { recursive: true, force: true });

console.log(
  JSON.stringify(
    {
      endToEnd: {
        events: EVENTS,
        eventsPerSecond: perSecond(EVENTS, writeMs),
        wallMs: Math.round(writeMs),
        cpuMs: Math.round((writeCpu.user + writeCpu.system) / 1000),
        files: files.length,
        parquetBytes: megabytes(bytes),
        bytesPerEvent: +(bytes / EVENTS).toFixed(1),
        peakRss: megabytes(peak),
      },
      topItems30m: {
        lakeEvents: total,
        madeInMs: Math.round(makeMs),
        firstMs: +times[0]!.toFixed(1),
        medianMs: +percentile(times, 0.5).toFixed(1),
        window: windowStart,
        top3: top.slice(0, 3),
      },
      load: os.loadavg().map((l) => +l.toFixed(1)),
    },
    null,
    2,
  ),
);
