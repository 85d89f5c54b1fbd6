// The Spark reports job against the real servers: the shop's re-key stage writes the facts, Spark's two
// members count them and publish snapshots to the reports topic, and the shop's view merges them to the
// recount of the facts, window by window, as the embedded shared members are held to it, and to the
// single embedded aggregator's recount of the shop's events: every window's lists, revenue, late and
// dropped, and the totals. A second run resumes from Spark's checkpoint over more events and equals the
// new recounts. Needs `npm run spark:build` (CI runs it first).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSpark, withDefaults } from '../../batch/spark/launcher.ts';
import { loadConfig } from '../../platform/config.ts';
import { silentLogger } from '../../platform/logger.ts';
import { ReportView } from '../../serving/reports/report-view.ts';
import { recount } from '../../stream/reports/recount.ts';
import { RekeyStage } from '../../stream/reports/rekey-stage.ts';
import { DEFAULT_SETTINGS } from '../../stream/reports/report.ts';
import { testNamespace } from '../support/namespace.ts';
import { suiteEvents } from '../support/suite-events.ts';
import { publishAll, randomShopEvents, readArrivals, type Published } from '../support/report-events.ts';
import { figures, readFactArrivals, rekeyedParts, tick } from '../support/shared-reports.ts';
import { waitFor } from '../support/wait-for.ts';

const ns = testNamespace('sparkreports');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-spark-reports-'));
const config = loadConfig({ ...ns.env, EMPORIUM_DATA_DIR: work });
if (config.bus.kind !== 'real') throw new Error('the Spark reports suite needs EMPORIUM_KAFKA_BROKERS');

describe('the Spark reports job', () => {
  const events = suiteEvents(config, ns, work);

  it('counts the re-keyed facts to the single aggregator’s report, window by window, and resumes from its checkpoint', async () => {
    const producer = await events();
    const rekey = new RekeyStage({
      events: await events(),
      logger: silentLogger,
      settings: DEFAULT_SETTINGS,
    });
    await rekey.start();
    const view = new ReportView(DEFAULT_SETTINGS.listLength);
    const viewer = await producer.consume({
      groupId: 'reports-view',
      topics: ['reports'],
      fromBeginning: true,
      handle: (batch) => {
        for (const { event, offset } of batch) view.accept(event, offset);
        return Promise.resolve();
      },
    });
    const reportsJob = [
      'reports',
      ...withDefaults('reports', ['--members', '2', '--checkpoints', path.join(work, 'spark-checkpoints')], config),
    ];
    const published: Published[] = [];
    const round = async (seed: number, start: number, name: string) => {
      const sent = randomShopEvents(seed, 800, start, 20);
      const more = [...sent, tick(sent, name)];
      published.push(...more);
      await publishAll(producer, more);
      // Every part of every fact on the facts topic before Spark reads it (available-now: what is there).
      const sources = await readArrivals(producer, published.length);
      const arrivals = await readFactArrivals(producer, rekeyedParts(sources));
      const [summary] = await runSpark({
        master: 'local[2]',
        conf: { 'spark.sql.shuffle.partitions': '2', 'spark.default.parallelism': '2' },
        jobs: [reportsJob],
      });
      expect(summary).toMatchObject({ job: 'reports', members: 2 });
      // The recount of the re-keyed facts as the members read them: what the embedded shared members
      // are held to (test/support/shared-reports.ts).
      const oracle = recount(arrivals, DEFAULT_SETTINGS);
      const expected = JSON.stringify(figures(oracle));
      const seen = () => {
        const r = view.latest()?.report;
        return r && JSON.stringify(figures(r));
      };
      await waitFor(`Spark's merged report at the recount (${name})`, () => seen() === expected, 60_000).catch(() =>
        expect(JSON.parse(seen() ?? 'null')).toEqual(JSON.parse(expected)),
      );
      const report = view.latest()!.report;
      // What the single embedded aggregator counts from the shop's events themselves.
      const single = recount(sources, DEFAULT_SETTINGS);
      expect(figures(report)).toEqual(figures(single));
      expect(report.members).toEqual(['spark-reports-0-of-2', 'spark-reports-1-of-2']);
      const thirty = report.windows.find((w) => w.minutes === 30)!;
      expect(thirty.lists.find((l) => l.metric === 'bought' && l.category === null)!.entries.length).toBeGreaterThan(0);
      expect(thirty.revenue.length).toBeGreaterThan(0);
      return single;
    };

    const start = Date.UTC(2026, 11, 2, 9);
    await round(5, start, 'first');
    // A second run over more events resumes from Spark's checkpoint: what it counted is not counted again.
    const second = await round(6, start + 20 * 60_000, 'second');
    // Redeliveries were among the events: the re-key stage let them go, as the single aggregator ignores them.
    expect(second.totals.duplicates).toBeGreaterThan(0);

    await viewer.stop();
    await rekey.close();
  }, 600_000);
});
