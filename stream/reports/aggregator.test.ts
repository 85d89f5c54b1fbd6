// The live reports' aggregator against a brute-force recount, on random out-of-order, redelivered and late streams.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomArrivals } from '../../test/support/report-scenarios.ts';
import { ReportAggregator } from './aggregator.ts';
import { placedFact, type Fact } from './facts.ts';
import type { Keys } from './keys.ts';
import { decodePane, encodePane } from './pane-codec.ts';
import { recount, type Arrival } from './recount.ts';
import { buildReport } from './report-builder.ts';
import type { ReportSettings } from './report.ts';

const T0 = Date.UTC(2026, 11, 2, 9, 0, 0);
const at = (minutes: number, seconds = 0) => T0 + minutes * 60_000 + seconds * 1000;
const settings: ReportSettings = { latenessMs: 30_000, windowsMinutes: [5, 30, 60], listLength: 3 };

let ids = 0;
const view = (itemId: string, time: number, category = 'shoes'): Fact => ({
  kind: 'count',
  id: `v${ids++}`,
  time,
  metric: 'viewed',
  key: itemId,
  category,
  amount: 1,
});

function run(arrivals: Arrival[], s = settings) {
  const aggregator = new ReportAggregator(s);
  for (const { source, fact } of arrivals) aggregator.add(source, fact);
  return buildReport(aggregator);
}

const list = (report: ReturnType<typeof run>, minutes: number, metric: string, category: string | null = null) =>
  report.windows.find((w) => w.minutes === minutes)?.lists.find((l) => l.metric === metric && l.category === category)
    ?.entries;

describe('ReportAggregator', () => {
  it('counts the whole minutes before the watermark, ranks by count then key, and keeps categories apart', () => {
    const report = run([
      { source: 'p0', fact: view('a', at(0, 10)) },
      { source: 'p0', fact: view('b', at(0, 20), 'toys') },
      { source: 'p1', fact: view('b', at(1, 5), 'toys') },
      { source: 'p1', fact: view('c', at(1, 50)) },
      // Moves the watermark to 2:10, so the windows end at 2:00; the 1:50 and this view wait their minute.
      { source: 'p0', fact: view('a', at(2, 40)) },
    ]);
    expect(report.watermark).toBe(at(2, 10));
    const five = report.windows.find((w) => w.minutes === 5)!;
    expect([five.start, five.end]).toEqual([at(-3), at(2)]);
    expect(list(report, 5, 'viewed')).toEqual([
      { key: 'b', count: 2 },
      { key: 'a', count: 1 },
      { key: 'c', count: 1 },
    ]);
    expect(list(report, 5, 'viewed', 'toys')).toEqual([{ key: 'b', count: 2 }]);
  });

  it('counts an event within the lateness as late, drops one beyond it, and says so in the window', () => {
    const report = run([
      { source: 'p0', fact: view('a', at(3, 0)) },
      { source: 'p0', fact: view('late', at(2, 40)) },
      { source: 'p0', fact: view('dropped', at(2, 20)) },
      // Another partition's clock is its own: this one is not late at all there.
      { source: 'p1', fact: view('other', at(2, 20)) },
      { source: 'p0', fact: view('a', at(4, 0)) },
    ]);
    const five = report.windows.find((w) => w.minutes === 5)!;
    expect(five.late).toBe(1);
    expect(five.dropped).toBe(1);
    expect(list(report, 5, 'viewed')!.map((e) => e.key)).toEqual(['late', 'other']);
    expect(report.totals).toEqual({ counted: 4, late: 1, dropped: 1, duplicates: 0 });
  });

  it('ignores a redelivered event and counts an order until it is cancelled, and a refunded one never', () => {
    const placed = (id: string, orderId: string, time: number): Fact =>
      placedFact(id, time, orderId, [
        { itemId: 'tv', category: 'electronics', quantity: 2, unitPriceMinor: 50_000 },
        { itemId: 'book', category: 'books', quantity: 1, unitPriceMinor: 1_500 },
      ]);
    const report = run([
      { source: 'orders', fact: placed('e1', 'o1', at(0, 5)) },
      { source: 'orders', fact: placed('e1', 'o1', at(0, 5)) },
      { source: 'orders', fact: placed('e2', 'o2', at(0, 10)) },
      { source: 'orders', fact: { kind: 'retracted', id: 'e3', time: at(0, 30), orderId: 'o2', refund: false } },
      // Refunded before its placement is read (payments and orders are different partitions).
      { source: 'payments', fact: { kind: 'retracted', id: 'e4', time: at(0, 40), orderId: 'o3', refund: true } },
      { source: 'orders', fact: placed('e5', 'o3', at(0, 35)) },
      { source: 'orders', fact: view('x', at(2, 0)) },
    ]);
    expect(list(report, 5, 'bought')).toEqual([
      { key: 'tv', count: 2 },
      { key: 'book', count: 1 },
    ]);
    expect(report.windows[0]!.revenue).toEqual([
      { category: 'electronics', revenueMinor: 100_000, orders: 1 },
      { category: 'books', revenueMinor: 1_500, orders: 1 },
    ]);
    expect(report.totals.duplicates).toBe(1);
  });

  it('keeps state for the longest window only: old panes and their keys go', () => {
    const aggregator = new ReportAggregator(settings);
    for (let minute = 0; minute < 600; minute++) aggregator.add('p0', view(`item-${minute}`, at(minute)));
    const panes = [...aggregator.allPanes()].length;
    expect(panes).toBeLessThanOrEqual(62);
    let live = 0;
    for (let id = 0; id < aggregator.keys.size; id++) if (aggregator.keys.live(id)) live++;
    expect(live).toBeLessThanOrEqual(62);
    expect(aggregator.keys.size).toBeLessThanOrEqual(64);
  });

  it('equals the recount after every arrival of random out-of-order, redelivered and late streams', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(0, 5_000, 30_000, 45_000),
        fc.constantFrom([5], [1, 5], [2, 3, 5]),
        fc.integer({ min: 1, max: 4 }),
        (seed, arrivals, sources, latenessMs, windowsMinutes, listLength) => {
          const s: ReportSettings = { latenessMs, windowsMinutes, listLength };
          const stream = randomArrivals({ seed, arrivals, sources, latenessMs, longestMinutes: 5 });
          const aggregator = new ReportAggregator(s);
          stream.forEach(({ source, fact }, i) => {
            aggregator.add(source, fact);
            expect(buildReport(aggregator)).toEqual(recount(stream.slice(0, i + 1), s));
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('restored from its checkpoints at random points, goes on to the same reports as the recount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 2, max: 300 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        (seed, arrivals, cuts) => {
          const s: ReportSettings = { latenessMs: 20_000, windowsMinutes: [1, 5], listLength: 3 };
          const stream = randomArrivals({ seed, arrivals, sources: 3, latenessMs: 20_000, longestMinutes: 5 });
          const restartAt = new Set(cuts.map((c) => Math.floor(c * arrivals)));
          // The store: pane bytes by partition and minute, clocks by partition, as a checkpoint table holds them.
          const panes = new Map<string, { source: string; minute: number; body: Buffer }>();
          const clocks = new Map<string, number>();
          let aggregator = new ReportAggregator(s);
          const checkpoint = () => {
            const changes = aggregator.takeChanges();
            for (const pane of changes.panes)
              panes.set(`${pane.source}/${pane.minute}`, {
                source: pane.source,
                minute: pane.minute,
                body: encodePane(pane, aggregator.keys),
              });
            for (const { source, minute } of changes.removed) panes.delete(`${source}/${minute}`);
            for (const { name, maxTime } of changes.sources) clocks.set(name, maxTime);
            return { ...aggregator.totals };
          };
          stream.forEach(({ source, fact }, i) => {
            aggregator.add(source, fact);
            if (!restartAt.has(i)) return;
            const totals = checkpoint();
            const restored = new ReportAggregator(s);
            const keys: Keys = restored.keys;
            restored.restore({
              sources: [...clocks].map(([name, maxTime]) => ({ name, maxTime })),
              panes: [...panes.values()].map((p) => decodePane(p.source, p.minute, p.body, keys)),
              totals,
            });
            expect(buildReport(restored)).toEqual(buildReport(aggregator));
            aggregator = restored;
          });
          expect(buildReport(aggregator)).toEqual(recount(stream, s));
        },
      ),
      { numRuns: 100 },
    );
  });
});
