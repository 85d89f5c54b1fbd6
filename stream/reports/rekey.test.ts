// Shared counting: facts split by key over members, each member's top N merged, against one recount of the whole stream.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitionFor } from '../../platform/bus/partitioner.ts';
import { mergeSnapshots, type Snapshot } from '../../serving/reports/merge-snapshots.ts';
import { randomArrivals } from '../../test/support/report-scenarios.ts';
import { ReportAggregator } from './aggregator.ts';
import { placedFact, type Fact } from './facts.ts';
import { recount, type Arrival } from './recount.ts';
import { buildReport } from './report-builder.ts';
import type { Report, ReportSettings } from './report.ts';
import { OriginJudge } from './origin-judge.ts';
import { ownedPartitions, rekeyFact, routeKeys, sharedSource, splitFact } from './rekey.ts';

const T0 = Date.UTC(2026, 11, 2, 9);

describe('splitFact', () => {
  it('sends a count to its key, an order by item and category, and a retraction everywhere', () => {
    const partitions = 6;
    const lines = [
      { itemId: 'tv', category: 'electronics', quantity: 1, unitPriceMinor: 50_000 },
      { itemId: 'radio', category: 'electronics', quantity: 2, unitPriceMinor: 2_000 },
      { itemId: 'book', category: 'books', quantity: 1, unitPriceMinor: 1_500 },
    ];
    const parts = splitFact(placedFact('e1', T0, 'o1', lines), partitions);
    expect(parts.flatMap((p) => (p.fact.kind === 'placed' ? p.fact.lines : []))).toHaveLength(3);
    for (const { partition, fact } of parts) {
      if (fact.kind !== 'placed') throw new Error('an order splits into orders');
      expect(fact).toMatchObject({ id: 'e1', time: T0, orderId: `o1#${partition}` });
      for (const line of fact.lines) expect(partitionFor(line.itemId, partitions)).toBe(partition);
      for (const share of fact.revenue) expect(partitionFor(share.category, partitions)).toBe(partition);
    }
    expect(parts.flatMap((p) => (p.fact.kind === 'placed' ? p.fact.revenue : []))).toEqual(
      expect.arrayContaining([
        { category: 'electronics', revenueMinor: 54_000 },
        { category: 'books', revenueMinor: 1_500 },
      ]),
    );
    const retracted: Fact = { kind: 'retracted', id: 'e2', time: T0, orderId: 'o1', refund: true };
    expect(
      splitFact(retracted, partitions).map((p) => [p.partition, p.fact.kind === 'retracted' && p.fact.orderId]),
    ).toEqual([0, 1, 2, 3, 4, 5].map((p) => [p, `o1#${p}`]));
    const view: Fact = { kind: 'count', id: 'e3', time: T0, metric: 'viewed', key: 'tv', category: null, amount: 1 };
    expect(splitFact(view, partitions)).toEqual([{ partition: partitionFor('tv', partitions), fact: view }]);
  });

  it('has a route key for every partition', () => {
    for (const partitions of [1, 2, 6, 12]) {
      const keys = routeKeys(partitions);
      expect(keys.map((key) => partitionFor(key, partitions))).toEqual(keys.map((_, p) => p));
    }
  });
});

/**
 * The re-key stage judges each fact on its source's clock and splits what it lets through; each member
 * counts the parts of its partitions, each pair of facts partition and source on its own clock.
 */
function sharedReports(arrivals: Arrival[], partitions: number, members: number, settings: ReportSettings): Report[] {
  const judge = new OriginJudge(settings);
  const aggregators = Array.from({ length: members }, () => new ReportAggregator(settings));
  for (const { source, fact } of arrivals)
    for (const part of rekeyFact(judge, source, fact, partitions))
      aggregators[part.partition % members]!.add(sharedSource(part.partition, source), part.fact, part.judged);
  return aggregators.map(buildReport);
}

function merged(reports: Report[], partitions: number, listLength: number) {
  const snapshots = reports.map((report, m): Snapshot => ({
    type: 'ReportSnapshot',
    eventId: `s${m}`,
    occurredAt: 0,
    memberId: `m${m}`,
    sequence: 1,
    partitions: ownedPartitions(m, reports.length, partitions),
    partitionCount: partitions,
    ...report,
  }));
  return mergeSnapshots(snapshots, listLength);
}

describe('shared counting', () => {
  it('merges to the recount of the unsplit stream, for any split over members', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 180 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        (seed, count, sources, partitions, wantedMembers, listLength) => {
          const members = Math.min(wantedMembers, partitions);
          // Late, too late and redelivered facts: the stage's judge decides them as the single aggregator
          // does, and its verdict counts once per fact. The windows outlast the stream, so none expires
          // (expiry is each member's own). The split may then change no figure: every key counted once,
          // by its owner, and every fact's verdict once, by its lead part's owner.
          const settings: ReportSettings = { latenessMs: 30_000, windowsMinutes: [1, 5, 240], listLength };
          const arrivals = randomArrivals({
            seed,
            arrivals: count,
            sources,
            latenessMs: 30_000,
            longestMinutes: 5,
          });
          const last = Math.max(...arrivals.map((a) => a.fact.time));
          // A retraction of no order, at the latest time, reaches every partition: all members' windows end alike.
          arrivals.push({
            source: 's0',
            fact: { kind: 'retracted', id: 'tick', time: last, orderId: '-', refund: false },
          });
          const whole = recount(arrivals, settings);
          const shared = merged(sharedReports(arrivals, partitions, members, settings), partitions, listLength);
          expect(shared.watermark).toBe(whole.watermark);
          expect(JSON.parse(JSON.stringify(shared.windows))).toEqual(JSON.parse(JSON.stringify(whole.windows)));
          expect(shared.totals).toEqual(whole.totals);
        },
      ),
      { numRuns: 150 },
    );
  });
});
