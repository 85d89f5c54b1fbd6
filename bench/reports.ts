// Live reports throughput on one core: events read from the embedded bus, decoded, counted and checkpointed, end to end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { randomFor } from '../ingest/demo/random.ts';
import { EmbeddedEventBus } from '../platform/bus/embedded-event-bus.ts';
import { partitionFor } from '../platform/bus/partitioner.ts';
import { newUuid, systemClock } from '../platform/clock.ts';
import { BusEvents } from '../platform/events/bus-events.ts';
import { silentLogger } from '../platform/logger.ts';
import { EmbeddedSchemaRegistry } from '../platform/registry/embedded-schema-registry.ts';
import { keyOf, TOPICS } from '../schemas/topics.ts';
import { ReportAggregator } from '../stream/reports/aggregator.ts';
import { factOf, REPORTED_TOPICS } from '../stream/reports/facts.ts';
import { recount, type Arrival } from '../stream/reports/recount.ts';
import { buildReport } from '../stream/reports/report-builder.ts';
import { OriginJudge } from '../stream/reports/origin-judge.ts';
import { DEFAULT_SETTINGS } from '../stream/reports/report.ts';
import { ReportConsumer } from '../stream/reports/report-consumer.ts';
import { factOfRecord, judgedOfRecord } from '../stream/reports/fact-record.ts';
import { ownedPartitions, rekeyFact, sharedSource } from '../stream/reports/rekey.ts';
import { RekeyStage } from '../stream/reports/rekey-stage.ts';
import { mergeSnapshots } from '../serving/reports/merge-snapshots.ts';
import { SqliteReportCheckpoints } from '../stream/reports/store/sqlite-report-checkpoints.ts';
import type { Published } from '../test/support/report-events.ts';
import { megabytes, perSecond, trackPeakMemory } from './stats.ts';

const EVENTS = Number(process.env.EVENTS ?? 1_000_000);
const ITEMS = Number(process.env.ITEMS ?? 20_000);
/** Event time moves 1,000 events a second, so a million events span 17 minutes and fill the windows' panes. */
const PER_SECOND = Number(process.env.EVENTS_PER_EVENT_SECOND ?? 1000);
const CATEGORIES = ['books', 'shoes', 'toys', 'garden', 'phones', 'televisions', 'kitchen', 'shirts'];

/** A Nexmark-like mix: views most, then searches, cart and wishlist changes and orders; item popularity skewed. */
function shopEvents(): Published[] {
  const r = randomFor(5, 19, 0);
  const item = () => `itm-${Math.floor(ITEMS * r.next() ** 3)}`;
  const category = (itemId: string) => CATEGORIES[Number(itemId.slice(4)) % CATEGORIES.length]!;
  const out: Published[] = [];
  const start = Date.UTC(2026, 11, 2, 9);
  for (let i = 0; i < EVENTS; i++) {
    const late = r.chance(0.05) ? r.int(0, 45_000) : 0;
    const base = { eventId: `e-${i}`, occurredAt: start + Math.floor((i * 1000) / PER_SECOND) - late };
    const itemId = item();
    const userId = `usr-${r.int(0, 50_000)}`;
    const roll = r.int(0, 99);
    if (roll < 60)
      out.push({
        topic: 'product.viewed',
        event: { type: 'ProductViewed', ...base, userId, itemId, category: category(itemId) },
      });
    else if (roll < 72)
      out.push({
        topic: 'search.performed',
        event: {
          type: 'SearchPerformed',
          ...base,
          userId,
          query: `query ${r.int(0, 2000)}`,
          pincode: '07030',
          filters: {},
          resultIds: [],
          total: 10,
        },
      });
    else if (roll < 87)
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
    else if (roll < 95)
      out.push({
        topic: 'wishlist',
        event: { type: 'WishlistItemAdded', ...base, userId, itemId, category: category(itemId) },
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

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-bench-reports-'));
const bus = new EmbeddedEventBus({ file: path.join(dir, 'bus.db'), batchSize: 5000 });
const events = new BusEvents(bus, new EmbeddedSchemaRegistry({ file: path.join(dir, 'schema-registry.json') }));
await events.start();
const published = shopEvents();
for (let i = 0; i < published.length; i += 5000) {
  const slice = published.slice(i, i + 5000);
  for (const topic of REPORTED_TOPICS) {
    const batch = slice.filter((p) => p.topic === topic).map((p) => p.event);
    if (batch.length) await events.publish(topic, batch);
  }
}

// What a consumer reads: each partition in publish order (the bus's partitioner, as on Kafka).
const arrivals: Arrival[] = published.flatMap((p) => {
  const fact = factOf(p.event);
  const partition = partitionFor(keyOf(p.topic, p.event as never), TOPICS[p.topic].partitions);
  return fact ? [{ source: `${p.topic}/${partition}`, fact }] : [];
});

// 1. Counting alone: the facts in memory, no bus, no decode, no checkpoint. The published events stay
// referenced to the end, so collecting them cannot pass for the state shrinking.
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const alone = new ReportAggregator(DEFAULT_SETTINGS);
let cpu = process.cpuUsage();
let t = performance.now();
for (const { source, fact } of arrivals) alone.add(source, fact);
const aloneMs = performance.now() - t;
const aloneCpu = process.cpuUsage(cpu);
global.gc?.();
const stateBytes = process.memoryUsage().heapUsed - heapBefore;
t = performance.now();
const aloneReport = buildReport(alone);
const reportMs = performance.now() - t;

// 2. End to end: read from the embedded bus, Avro decode, count, checkpoint every second.
const memory = trackPeakMemory();
const checkpoints = new SqliteReportCheckpoints(path.join(dir, 'reports.db'));
const consumer = new ReportConsumer({
  events,
  checkpoints,
  settings: DEFAULT_SETTINGS,
  logger: silentLogger,
  clock: systemClock,
  newId: newUuid,
  memberId: 'bench',
  publish: () => Promise.resolve(),
});
cpu = process.cpuUsage();
t = performance.now();
await consumer.start();
await new Promise<void>((resolve) => {
  const check = setInterval(() => {
    const done = REPORTED_TOPICS.every((topic) =>
      bus.endOffsets(topic).every((end, p) => consumer.nextOffset(topic, p) >= end),
    );
    if (done) {
      clearInterval(check);
      resolve();
    }
  }, 5);
});
const endToEndMs = performance.now() - t;
const endToEndCpu = process.cpuUsage(cpu);
await consumer.close();
const peak = memory.stop();
const panes = [...alone.allPanes()].length;
let keys = 0;
for (let id = 0; id < alone.keys.size; id++) if (alone.keys.live(id)) keys++;

const exact =
  isDeepStrictEqual(consumer.report(), aloneReport) &&
  isDeepStrictEqual(aloneReport, recount(arrivals, DEFAULT_SETTINGS));

// 3. Shared by two members: the re-key stage onto reports.facts, then each member counting its half,
// one after the other on this one core, so each stage's cost per event stands apart.
const until = (done: () => boolean) =>
  new Promise<void>((resolve) => {
    const check = setInterval(() => {
      if (!done()) return;
      clearInterval(check);
      resolve();
    }, 5);
  });
const FACT_PARTITIONS = TOPICS['reports.facts'].partitions;
// What the stage writes: every fact judged on its source's clock, then split (a dropped one is one part).
const judge = new OriginJudge(DEFAULT_SETTINGS);
const parts = arrivals.reduce(
  (sum, { source, fact }) => sum + rekeyFact(judge, source, fact, FACT_PARTITIONS).length,
  0,
);
const rekey = new RekeyStage({
  events,
  logger: silentLogger,
  settings: DEFAULT_SETTINGS,
  groupId: 'bench-rekey',
});
cpu = process.cpuUsage();
t = performance.now();
await rekey.start();
await until(() => bus.endOffsets('reports.facts').reduce((a, b) => a + b, 0) >= parts);
const rekeyMs = performance.now() - t;
const rekeyCpu = process.cpuUsage(cpu);
await rekey.close();
const memberRuns = [];
for (const index of [0, 1]) {
  const owned = ownedPartitions(index, 2, FACT_PARTITIONS);
  const member = new ReportConsumer({
    events,
    checkpoints: new SqliteReportCheckpoints(path.join(dir, `reports-${index}-of-2.db`)),
    settings: DEFAULT_SETTINGS,
    logger: silentLogger,
    clock: systemClock,
    newId: newUuid,
    memberId: `bench-${index}`,
    groupId: `bench-member-${index}`,
    shared: { partitions: owned },
    publish: () => Promise.resolve(),
  });
  cpu = process.cpuUsage();
  t = performance.now();
  await member.start();
  const ends = bus.endOffsets('reports.facts');
  await until(() => owned.every((p) => member.nextOffset('reports.facts', p) >= ends[p]!));
  memberRuns.push({ ms: performance.now() - t, cpu: process.cpuUsage(cpu), report: member.report(), owned });
  await member.close();
}
// The facts as the members read them, each partition in log order, for the recount.
const factArrivals: Arrival[] = [];
const reader = await events.consume({
  groupId: 'bench-facts-recount',
  topics: ['reports.facts'],
  fromBeginning: true,
  handle: (batch) => {
    for (const { event, partition } of batch)
      factArrivals.push({
        source: sharedSource(partition, event.origin),
        fact: factOfRecord(event),
        judged: judgedOfRecord(event),
      });
    return Promise.resolve();
  },
});
await until(() => factArrivals.length >= parts);
await reader.stop();
const shared = mergeSnapshots(
  memberRuns.map(({ report, owned }, index) => ({
    type: 'ReportSnapshot' as const,
    eventId: `bench-${index}`,
    occurredAt: 0,
    memberId: `bench-${index}`,
    sequence: 1,
    partitions: owned,
    partitionCount: FACT_PARTITIONS,
    ...report,
  })),
  DEFAULT_SETTINGS.listLength,
);
const factRecount = recount(factArrivals, DEFAULT_SETTINGS);
// The merge's watermark is the lowest member's; its windows and totals must be the recount's.
const counted = (r: Pick<typeof shared, 'windows' | 'totals'>) => JSON.stringify([r.windows, r.totals]);
const sharedExact = counted(shared) === counted(factRecount) && counted(shared) === counted(aloneReport);
await events.close();
const dbBytes = fs.statSync(path.join(dir, 'reports.db')).size;
fs.rmSync(dir, { recursive: true, force: true });

if (published.length !== EVENTS) throw new Error(`published ${published.length} of ${EVENTS} events`);
const usPerEvent = (usage: NodeJS.CpuUsage) => ((usage.user + usage.system) / EVENTS).toFixed(2);
console.log(
  `live reports, ${EVENTS.toLocaleString('en-US')} events (${ITEMS.toLocaleString('en-US')} items, ${PER_SECOND} events per event-second, 5% up to 45 s late), windows ${DEFAULT_SETTINGS.windowsMinutes.join('/')} min, lateness ${DEFAULT_SETTINGS.latenessMs / 1000} s`,
);
console.table({
  'count only (facts in memory)': {
    'events/s': perSecond(EVENTS, aloneMs),
    'CPU µs/event': usPerEvent(aloneCpu),
    'elapsed ms': aloneMs.toFixed(0),
  },
  'end to end (bus, decode, count, checkpoint)': {
    'events/s': perSecond(EVENTS, endToEndMs),
    'CPU µs/event': usPerEvent(endToEndCpu),
    'elapsed ms': endToEndMs.toFixed(0),
  },
  'shared: re-key stage (decode, split, encode, publish)': {
    'events/s': perSecond(EVENTS, rekeyMs),
    'CPU µs/event': usPerEvent(rekeyCpu),
    'elapsed ms': rekeyMs.toFixed(0),
  },
  ...Object.fromEntries(
    memberRuns.map(({ ms, cpu: used }, index) => [
      `shared: member ${index} of 2 (its half of the facts)`,
      { 'events/s': perSecond(EVENTS, ms), 'CPU µs/event': usPerEvent(used), 'elapsed ms': ms.toFixed(0) },
    ]),
  ),
});
console.log(
  `shared: ${parts.toLocaleString('en-US')} facts on ${FACT_PARTITIONS} partitions for ${arrivals.length.toLocaleString('en-US')} counted events; exact: ${sharedExact ? 'yes, the merge of the two members equals the recount of the facts and the single aggregator' : 'NO: the merge differs from the recount of the facts or the single aggregator'}`,
);
console.log(
  `state: ${panes} panes, ${keys.toLocaleString('en-US')} live keys, ~${megabytes(stateBytes)} of heap (${global.gc ? 'measured after gc' : 'run with --expose-gc to measure'}); checkpoint file ${megabytes(dbBytes)}; peak RSS ${megabytes(peak)}; one report built in ${reportMs.toFixed(1)} ms`,
);
console.log(
  `exact: ${exact ? 'yes, the end-to-end report equals the recount of every event' : 'NO: reports differ from the recount'}`,
);
