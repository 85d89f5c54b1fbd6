// The Spark jobs against the real servers, in two JVM starts: the lake job (Kafka → Parquet) over part
// of the events, killed mid-run, then again (resuming from its checkpoints) beside the embedded lake
// writer over all of them, followed in the same JVM by the ALS job from each lake into the recommendations store in
// Cassandra, read back as the shop reads it. Needs `npm run spark:build` (CI runs it first).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSpark, withDefaults } from '../../batch/spark/launcher.ts';
import { systemClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { silentLogger } from '../../platform/logger.ts';
import { CassandraRecommendationStore } from '../../serving/recommendations/store/cassandra-recommendation-store.ts';
import { listLakeFiles } from '../../stream/lake/lake-files.ts';
import { LakeWriter } from '../../stream/lake/lake-writer.ts';
import { testNamespace } from '../support/namespace.ts';
import { suiteEvents } from '../support/suite-events.ts';
import { publishAll, randomShopEvents, type Published } from '../support/report-events.ts';
import { lakeRows, sparkCommittedFiles } from '../support/spark-lake.ts';
import { waitFor } from '../support/wait-for.ts';

const ns = testNamespace('spark');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-spark-real-'));
const embeddedLake = path.join(work, 'lake');
const sparkLake = path.join(work, 'spark-lake');
const config = loadConfig({ ...ns.env, EMPORIUM_LAKE_DIR: embeddedLake, EMPORIUM_DATA_DIR: work });
if (config.bus.kind !== 'real' || config.cassandra.kind !== 'real')
  throw new Error('the Spark suite needs EMPORIUM_KAFKA_BROKERS and EMPORIUM_CASSANDRA_URL');
const cassandra = config.cassandra;

/** A taste the model must find: five shoppers bought all four of these books, a sixth only three. */
function tasteEvents(start: number): Published[] {
  const items = ['bk-0', 'bk-1', 'bk-2', 'bk-3'];
  return Array.from({ length: 6 }, (_, s) => ({
    topic: 'orders' as const,
    event: {
      type: 'OrderPlaced' as const,
      eventId: `taste-${s}`,
      occurredAt: start + s * 1000,
      orderId: `ord-taste-${s}`,
      userId: `fan-${s}`,
      lines: (s === 5 ? items.slice(0, 3) : items).map((itemId) => ({
        itemId,
        quantity: 1,
        unitPriceMinor: 1500,
        category: 'books',
        warehouseId: null,
      })),
      totalMinor: 6000,
      currency: 'USD',
      paymentId: `pay-taste-${s}`,
    },
  }));
}

describe('the Spark jobs', () => {
  const events = suiteEvents(config, ns, work);

  /** The embedded lake writer over the same Kafka topics, run until it has accepted every event sent. */
  async function embeddedWriter(sent: Published[]): Promise<void> {
    const writer = new LakeWriter({
      lakeDir: embeddedLake,
      events: await events(),
      logger: silentLogger,
      clock: systemClock,
      flushRows: 200,
    });
    await writer.start();
    const perTopic = new Map<string, number>();
    for (const p of sent) perTopic.set(p.topic, (perTopic.get(p.topic) ?? 0) + 1);
    const accepted = (topic: string) =>
      [...writer.positions()].filter(([k]) => k.startsWith(`${topic}/`)).reduce((s, [, n]) => s + n, 0);
    await waitFor('every event accepted', () => [...perTopic].every(([t, n]) => accepted(t) >= n), 60_000);
    await writer.close();
  }

  it('fills the lake as the embedded writer does and publishes ALS lists the shop can read', async () => {
    const start = Date.UTC(2026, 11, 2, 23, 40);
    const sent = [...randomShopEvents(24, 600, start, 40), ...tasteEvents(start)];
    const topics = [...new Set(sent.map((p) => p.topic))];
    const producer = await events();
    const spark = (jobs: string[][], signal?: AbortSignal) =>
      runSpark({
        signal,
        master: 'local[2]',
        // Six hundred events: a few partitions and blocks, not Spark's defaults for a cluster's data.
        conf: { 'spark.sql.shuffle.partitions': '2', 'spark.default.parallelism': '2' },
        jobs,
      });
    const lakeJob = ['lake', ...withDefaults('lake', ['--lake', sparkLake, '--topics', topics.join(',')], config)];
    const sparkRows = () => lakeRows(topics.flatMap((t) => sparkCommittedFiles(path.join(sparkLake, `topic=${t}`))));
    const expected = (published: Published[]) =>
      published
        .map((p) => `${p.topic}/${new Date(p.event.occurredAt).toISOString().slice(0, 10)}/${p.event.eventId}`)
        .sort();

    // A first run, a few messages a batch, is killed once a batch has committed; the second run resumes
    // from its checkpoints, so what the crash cut off is written once, and what it committed not again.
    await publishAll(producer, sent.slice(0, 300));
    const crash = new AbortController();
    const first = spark([[...lakeJob, '--max-offsets-per-trigger', '30']], crash.signal).then(
      () => 'finished',
      () => 'killed',
    );
    const committed = () => topics.some((t) => sparkCommittedFiles(path.join(sparkLake, `topic=${t}`)).length > 0);
    await waitFor('a first batch committed', committed, 180_000);
    crash.abort();
    expect(await first).toBe('killed');
    const before = await sparkRows();
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((id) => expected(sent.slice(0, 300)).includes(id))).toBe(true);
    await publishAll(producer, sent.slice(300));
    await embeddedWriter(sent);
    // ALS from each engine's lake: the embedded writer's files, then Spark's (read through its commit log).
    const alsJob = (from: string) => [
      'als',
      ...withDefaults(
        'als',
        ['--lake', from, '--factors', '8', '--iterations', '10', '--blocks', '2', '--general', '10', '--similar', '3'],
        config,
      ),
    ];
    type Trained = { version: string; shoppers: number; signals: number };
    const [lake, ...trained] = (await spark([lakeJob, alsJob(embeddedLake), alsJob(sparkLake)])) as [
      { topics: number },
      Trained,
      Trained,
    ];

    // Exactly the events the embedded writer holds, each in the same topic and date folder (the events
    // span midnight UTC), a message published twice held twice by both.
    expect(lake.topics).toBe(topics.length);
    const embedded = await lakeRows((await listLakeFiles(embeddedLake)).map((f) => path.join(embeddedLake, f.path)));
    expect(embedded).toEqual(expected(sent));
    expect(await sparkRows()).toEqual(embedded);
    expect(new Set(embedded.map((id) => id.split('/')[1])).size).toBe(2);

    const store = new CassandraRecommendationStore(cassandra);
    await store.start();
    try {
      // Both lakes give the same signals; the newer version is the one readers are pointed at, and the
      // older stays readable beside it.
      expect(trained[1].signals).toBe(trained[0].signals);
      expect(await store.currentVersion()).toBe(trained[1].version);
      for (const { version, shoppers } of trained) {
        // The sixth fan is recommended the book the other five bought, first, in general and among books.
        const general = await store.forShopper(version, 'fan-5', null, 10);
        expect(general[0]?.itemId).toBe('bk-3');
        expect(general.map((r) => r.itemId)).not.toContain('bk-0');
        expect((await store.forShopper(version, 'fan-5', 'books', 5))[0]?.itemId).toBe('bk-3');
        expect(general.map((r) => r.score)).toEqual([...general.map((r) => r.score)].sort((a, b) => b - a));
        // A fan who already has every book is not offered one again.
        const full = await store.forShopper(version, 'fan-0', 'books', 20);
        expect(full.map((r) => r.itemId).filter((id) => id.startsWith('bk-'))).toEqual([]);
        expect(new Set((await store.similarTo(version, 'bk-0', 3)).map((r) => r.itemId))).toEqual(
          new Set(['bk-1', 'bk-2', 'bk-3']),
        );
        expect(shoppers).toBeGreaterThan(30);
      }
    } finally {
      await store.close();
    }
  }, 600_000);
});
