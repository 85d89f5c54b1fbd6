// Merges the latest snapshots of several aggregators into one report: exact, since each key is counted by one member.
import type { EventOf } from '../../schemas/topics.ts';
import type { ReportWindowRecord } from '../../schemas/events.ts';
import { topOf } from './top-n.ts';

export type Snapshot = EventOf<'reports'>;

export interface MergedReport {
  watermark: number | null;
  windows: ReportWindowRecord[];
  totals: Snapshot['totals'];
  /** The aggregators whose snapshots made it. */
  members: string[];
}

/**
 * In real mode the facts are repartitioned by key (item, query, category), so every key's whole count
 * lives on one member: the global top N of a list is the top N of the members' top Ns, and a
 * category's revenue is one member's. Only snapshots for the same window end are merged; the caller
 * picks them (see ReportView). The watermark is the lowest of the members'.
 */
export function mergeSnapshots(snapshots: Snapshot[], listLength: number): MergedReport {
  if (snapshots.length === 1) {
    const [only] = snapshots as [Snapshot];
    return { watermark: only.watermark, windows: only.windows, totals: only.totals, members: [only.memberId] };
  }
  const windows = snapshots[0]!.windows.map((first, w): ReportWindowRecord => {
    const all = snapshots.map((s) => s.windows[w]!);
    const lists = new Map<string, { metric: string; category: string | null; counts: Map<string, number> }>();
    const revenue = new Map<string, { category: string; revenueMinor: number; orders: number }>();
    for (const window of all) {
      for (const list of window.lists) {
        const name = `${list.metric}\u0000${list.category ?? ''}`;
        const merged =
          lists.get(name) ??
          lists.set(name, { metric: list.metric, category: list.category, counts: new Map() }).get(name)!;
        for (const { key, count } of list.entries) merged.counts.set(key, (merged.counts.get(key) ?? 0) + count);
      }
      for (const row of window.revenue) {
        const merged = revenue.get(row.category) ?? { category: row.category, revenueMinor: 0, orders: 0 };
        merged.revenueMinor += row.revenueMinor;
        merged.orders += row.orders;
        revenue.set(row.category, merged);
      }
    }
    const overall = [...lists.values()].filter((l) => l.category === null);
    const byCategory = [...lists.entries()]
      .filter(([, l]) => l.category !== null)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, l]) => l);
    return {
      minutes: first.minutes,
      start: first.start,
      end: first.end,
      late: all.reduce((sum, x) => sum + x.late, 0),
      dropped: all.reduce((sum, x) => sum + x.dropped, 0),
      lists: [...overall, ...byCategory].map((l) => ({
        metric: l.metric,
        category: l.category,
        entries: topOf(l.counts, listLength),
      })),
      revenue: [...revenue.values()].sort(
        (a, b) => b.revenueMinor - a.revenueMinor || (a.category < b.category ? -1 : 1),
      ),
    };
  });
  const watermarks = snapshots.map((s) => s.watermark).filter((w): w is number => w !== null);
  const sum = (field: keyof Snapshot['totals']) => snapshots.reduce((total, s) => total + s.totals[field], 0);
  return {
    watermark: watermarks.length ? Math.min(...watermarks) : null,
    windows,
    totals: { counted: sum('counted'), late: sum('late'), dropped: sum('dropped'), duplicates: sum('duplicates') },
    members: snapshots.map((s) => s.memberId).sort(),
  };
}
