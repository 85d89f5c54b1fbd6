// The dashboard's live board, pure: from a stream of whole reports and the staff member's choice of window,
// metric and category, the ranked rows with their rank change and recent counts, and revenue per category.
import type { MergedReport } from '../../reports/merge-snapshots.ts';

export const BOARD_METRICS = ['bought', 'wishlisted', 'carted', 'viewed'] as const;
export type BoardMetric = (typeof BOARD_METRICS)[number];

export interface Selection {
  minutes: number;
  metric: BoardMetric;
  /** One category, or null for every category together. */
  category: string | null;
  /** Rows shown. */
  limit: number;
}

/** Where a row stands against the report before: places gained (positive) or lost, or new to the list. */
export type RankChange = { kind: 'new' } | { kind: 'moved'; by: number };

export interface BoardRow {
  rank: number;
  key: string;
  count: number;
  change: RankChange | null;
  /** The key's count in each of the last reports seen (oldest first, this one last); 0 where it was not listed. */
  recent: number[];
}

export interface Board {
  reportId: number;
  selection: Selection;
  /** Null when the window has no report yet. */
  window: { start: number; end: number; late: number; dropped: number } | null;
  watermark: number | null;
  rows: BoardRow[];
  /** Revenue and orders per category over the longest window (the last hour by default), by revenue. */
  revenue: { minutes: number; categories: { category: string; revenueMinor: number; orders: number }[] } | null;
  /** Every category any list of the window names, for the category chooser. */
  categories: string[];
}

/** Reports kept per key for the sparkline. */
export const RECENT = 20;

/**
 * Follows the reports one connection sees, oldest first. Rank changes compare with the report before
 * (the first report has no changes to show); each row's recent counts are its counts in the last
 * RECENT reports, this one included.
 */
export class BoardHistory {
  private readonly counts: Map<string, number>[] = [];
  private previousRanks: Map<string, number> | undefined;

  constructor(readonly selection: Selection) {}

  next(reportId: number, report: MergedReport): Board {
    const { selection } = this;
    const window = report.windows.find((w) => w.minutes === selection.minutes);
    const entries =
      window?.lists.find((l) => l.metric === selection.metric && l.category === selection.category)?.entries ?? [];
    this.counts.push(new Map(entries.map((e) => [e.key, e.count])));
    if (this.counts.length > RECENT) this.counts.shift();
    const longest = report.windows.reduce<(typeof report.windows)[number] | undefined>(
      (a, w) => (a && a.minutes >= w.minutes ? a : w),
      undefined,
    );
    const ranks = new Map(entries.map((e, i) => [e.key, i + 1]));
    const before = this.previousRanks;
    this.previousRanks = ranks;
    const rows = entries.slice(0, selection.limit).map(({ key, count }, i): BoardRow => {
      const was = before?.get(key);
      const change: RankChange | null =
        before === undefined ? null : was === undefined ? { kind: 'new' } : { kind: 'moved', by: was - (i + 1) };
      return { rank: i + 1, key, count, change, recent: this.counts.map((c) => c.get(key) ?? 0) };
    });
    const categories = [
      ...new Set((window?.lists ?? []).flatMap((l) => (l.category === null ? [] : [l.category]))),
    ].sort();
    return {
      reportId,
      selection,
      window: window ? { start: window.start, end: window.end, late: window.late, dropped: window.dropped } : null,
      watermark: report.watermark,
      rows,
      revenue: longest ? { minutes: longest.minutes, categories: longest.revenue } : null,
      categories,
    };
  }
}
