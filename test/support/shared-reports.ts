// Two shop instances sharing the live reports (re-key stage and a member each), against the recount of the facts topic.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { newUuid, systemClock } from '../../platform/clock.ts';
import type { Events } from '../../platform/events/events.ts';
import { silentLogger } from '../../platform/logger.ts';
import { TOPICS } from '../../schemas/topics.ts';
import { ReportView } from '../../serving/reports/report-view.ts';
import { factOfRecord, judgedOfRecord } from '../../stream/reports/fact-record.ts';
import { recount, type Arrival } from '../../stream/reports/recount.ts';
import { OriginJudge } from '../../stream/reports/origin-judge.ts';
import { ownedPartitions, rekeyFact, sharedSource } from '../../stream/reports/rekey.ts';
import { RekeyStage } from '../../stream/reports/rekey-stage.ts';
import { DEFAULT_SETTINGS, type Report, type WindowReport } from '../../stream/reports/report.ts';
import type { ReportWindowRecord } from '../../schemas/events.ts';
import { ReportConsumer } from '../../stream/reports/report-consumer.ts';
import { SqliteReportCheckpoints } from '../../stream/reports/store/sqlite-report-checkpoints.ts';
import { publishAll, randomShopEvents, readArrivals, type Published } from './report-events.ts';
import { waitFor } from './wait-for.ts';

export interface Instance {
  events: Events;
  close(): Promise<void>;
}

const PARTITIONS = TOPICS['reports.facts'].partitions;

/** How many parts the re-key stage writes for the shop's events read back, each fact judged and split. */
export function rekeyedParts(arrivals: Arrival[]): number {
  const judge = new OriginJudge(DEFAULT_SETTINGS);
  return arrivals.reduce((sum, { source, fact }) => sum + rekeyFact(judge, source, fact, PARTITIONS).length, 0);
}

/** A report's watermark, windows and totals as plain data: a merged report's must be the single aggregator's. */
export function figures(report: {
  watermark: number | null;
  windows: (WindowReport | ReportWindowRecord)[];
  totals: Report['totals'];
}) {
  const { watermark, windows, totals } = report;
  return JSON.parse(JSON.stringify({ watermark, windows, totals })) as unknown;
}

/** The re-keyed facts as the members read them: each facts partition in log order, judged per source. */
export async function readFactArrivals(events: Events, total: number): Promise<Arrival[]> {
  const byPartition = new Map<number, { offset: number; arrival: Arrival }[]>();
  let seen = 0;
  const subscription = await events.consume({
    groupId: `recount-facts-${Math.random()}`,
    topics: ['reports.facts'],
    fromBeginning: true,
    handle: (batch) => {
      for (const { event, partition, offset } of batch) {
        const list = byPartition.get(partition) ?? byPartition.set(partition, []).get(partition)!;
        const arrival = {
          source: sharedSource(partition, event.origin),
          fact: factOfRecord(event),
          judged: judgedOfRecord(event),
        };
        list.push({ offset, arrival });
        seen++;
      }
      return Promise.resolve();
    },
  });
  await waitFor(`${total} facts read back`, () => seen >= total, 60_000);
  await subscription.stop();
  return [...byPartition.values()].flatMap((list) => list.sort((a, b) => a.offset - b.offset).map((m) => m.arrival));
}

/** A cancellation of no order at the stream's latest time: broadcast to every partition, it brings all members' clocks there. */
export function tick(published: Published[], name: string): Published {
  const latest = Math.max(...published.map((p) => p.event.occurredAt));
  return {
    topic: 'orders',
    event: {
      type: 'OrderCancelled',
      eventId: `tick-${name}`,
      occurredAt: latest,
      orderId: `ord-tick-${name}`,
      userId: 'usr-0',
      reason: 'customer',
    },
  };
}

/**
 * Publishes random shop events; two instances each run the re-key stage (one group) and one member
 * (half the facts partitions each); the view's merged report must equal the recount of the facts topic,
 * window by window, and the single aggregator's recount of the shop's events.
 * Then member 0 stops, more events come, and it comes back from its checkpoint.
 */
export async function runSharedReports(options: {
  producer: Events;
  openInstance(): Promise<Instance>;
  start: number;
  count: number;
  timeoutMs: number;
}): Promise<void> {
  const { producer, start, count, timeoutMs } = options;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-shared-reports-'));
  const member = (events: Events, index: number) =>
    new ReportConsumer({
      events,
      checkpoints: new SqliteReportCheckpoints(path.join(dir, `member-${index}.db`)),
      settings: DEFAULT_SETTINGS,
      logger: silentLogger,
      clock: systemClock,
      newId: newUuid,
      memberId: `reports-${index}-of-2`,
      groupId: `reports-shared-${index}-of-2`,
      checkpointEveryMs: 50,
      publishEveryMs: 50,
      shared: { partitions: ownedPartitions(index, 2, PARTITIONS) },
    });
  const view = new ReportView(DEFAULT_SETTINGS.listLength);
  const viewer = await producer.consume({
    groupId: `reports-view-${Math.random()}`,
    topics: ['reports'],
    fromBeginning: true,
    handle: (batch) => {
      for (const { event, offset } of batch) view.accept(event, offset);
      return Promise.resolve();
    },
  });
  const instances = [await options.openInstance(), await options.openInstance()];
  const stages = instances.map(
    ({ events }) => new RekeyStage({ events, logger: silentLogger, settings: DEFAULT_SETTINGS }),
  );
  // At once, as two instances may come up: the re-key stage's group rebalances while both join.
  await Promise.all(stages.map((s) => s.start()));
  const members = instances.map(({ events }, index) => member(events, index));
  await Promise.all(members.map((m) => m.start()));

  const published: Published[] = [];
  const expectAtRecount = async (what: string) => {
    const sources = await readArrivals(producer, published.length);
    const expected: Report = recount(await readFactArrivals(producer, rekeyedParts(sources)), DEFAULT_SETTINGS);
    // Decoded Avro records are instances of avsc's record classes: compared as JSON.
    const whole = JSON.stringify(figures(expected));
    await waitFor(
      what,
      () => {
        const report = view.latest()?.report;
        return report !== undefined && JSON.stringify(figures(report)) === whole;
      },
      timeoutMs,
    );
    expect(view.latest()!.report.members).toEqual(['reports-0-of-2', 'reports-1-of-2']);
    // And the single aggregator's counts, which it would have from the shop's events themselves.
    const single = recount(sources, DEFAULT_SETTINGS);
    expect(figures(view.latest()!.report)).toEqual(figures(single));
    expect(expected.windows.find((w) => w.minutes === 30)!.lists[0]!.entries.length).toBeGreaterThan(0);
    return single;
  };

  const first = randomShopEvents(3, count, start, 20);
  published.push(...first, tick(first, 'first'));
  await publishAll(producer, published);
  await expectAtRecount('the merged report at the recount');

  // Member 0 goes away; more events come; it comes back from its own checkpoint and positions.
  await members[0]!.close();
  const second = randomShopEvents(4, count, start + 20 * 60_000, 20);
  const more = [...second, tick(second, 'second')];
  published.push(...more);
  await publishAll(producer, more);
  members[0] = member(instances[0]!.events, 0);
  await members[0].start();
  const single = await expectAtRecount('the merged report at the new recount');
  // Redeliveries were among the events: the re-key stage let them go, as the single aggregator ignores them.
  expect(single.totals.duplicates).toBeGreaterThan(0);

  await Promise.all(members.map((m) => m.close()));
  await Promise.all(stages.map((s) => s.close()));
  await viewer.stop();
  await Promise.all(instances.map((i) => i.close()));
  fs.rmSync(dir, { recursive: true, force: true });
}
