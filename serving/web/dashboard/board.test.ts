import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MergedReport } from '../../reports/merge-snapshots.ts';
import { BoardHistory, RECENT, type Selection } from './board.ts';

const selection: Selection = { minutes: 30, metric: 'bought', category: null, limit: 3 };

/** A report whose 30-minute window ranks `keys` (best first) with descending counts, in two windows. */
function reportOf(keys: string[], revenue = 0): MergedReport {
  const entries = keys.map((key, i) => ({ key, count: (keys.length - i) * 10 }));
  const window = (minutes: number) => ({
    minutes,
    start: 0,
    end: minutes * 60_000,
    late: 1,
    dropped: 2,
    lists: [
      { metric: 'bought', category: null, entries },
      { metric: 'viewed', category: 'books', entries: [] },
      { metric: 'bought', category: 'toys', entries: entries.slice(0, 1) },
    ],
    revenue: [{ category: 'toys', revenueMinor: revenue * minutes, orders: 1 }],
  });
  return { watermark: 1000, windows: [window(5), window(30), window(60)], totals: {} as never, members: ['a'] };
}

describe('the dashboard board', () => {
  it('ranks the chosen list, names its categories and shows the last hour of revenue', () => {
    const board = new BoardHistory(selection).next(7, reportOf(['a', 'b', 'c', 'd'], 5));
    expect(board.rows.map((r) => [r.rank, r.key, r.count, r.change])).toEqual([
      [1, 'a', 40, null],
      [2, 'b', 30, null],
      [3, 'c', 20, null],
    ]);
    expect(board.categories).toEqual(['books', 'toys']);
    expect(board.revenue).toEqual({ minutes: 60, categories: [{ category: 'toys', revenueMinor: 300, orders: 1 }] });
    expect(board.window).toEqual({ start: 0, end: 1_800_000, late: 1, dropped: 2 });
  });

  it('is empty, not made up, before any report of the window', () => {
    const empty: MergedReport = { watermark: null, windows: [], totals: {} as never, members: [] };
    const board = new BoardHistory(selection).next(1, empty);
    expect(board).toMatchObject({ rows: [], window: null, revenue: null, categories: [] });
  });

  it('gives each row its rank change and recent counts, as a recount of the reports seen', () => {
    const keys = ['a', 'b', 'c', 'd', 'e'];
    fc.assert(
      fc.property(fc.array(fc.shuffledSubarray(keys), { minLength: 1, maxLength: 30 }), (rankings) => {
        const history = new BoardHistory({ ...selection, limit: 5 });
        rankings.forEach((ranking, n) => {
          const board = history.next(n, reportOf(ranking));
          expect(board.rows.map((r) => r.key)).toEqual(ranking);
          for (const row of board.rows) {
            const before = rankings[n - 1];
            const was = before?.indexOf(row.key) ?? -1;
            const change = n === 0 ? null : was < 0 ? { kind: 'new' } : { kind: 'moved', by: was + 1 - row.rank };
            expect(row.change).toEqual(change);
            const seen = rankings.slice(Math.max(0, n + 1 - RECENT), n + 1);
            expect(row.recent).toEqual(
              seen.map((r) => (r.includes(row.key) ? (r.length - r.indexOf(row.key)) * 10 : 0)),
            );
          }
        });
      }),
    );
  });
});
