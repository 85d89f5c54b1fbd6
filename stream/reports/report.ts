// The shape of a live report: per window, ranked lists and revenue, stamped with what it covers.
import type { RankedMetric } from './facts.ts';
import type { Ranked } from '../../serving/reports/top-n.ts';

export interface ReportSettings {
  /** How far behind its partition's latest event time an event may arrive and still be counted. */
  latenessMs: number;
  /** The sliding windows reported, in minutes; the longest bounds the state kept. */
  windowsMinutes: readonly number[];
  /** Entries kept per ranked list (the API's largest `limit`). */
  listLength: number;
}

export const DEFAULT_SETTINGS: ReportSettings = { latenessMs: 30_000, windowsMinutes: [5, 30, 60], listLength: 20 };

export const PANE_MS = 60_000;

/** One ranked list: a metric overall (category null) or within one category. */
export interface RankedList {
  metric: RankedMetric;
  category: string | null;
  entries: Ranked[];
}

export interface CategoryRevenue {
  category: string;
  /** Sum of quantity × unit price of the category's lines, in minor units. */
  revenueMinor: number;
  /** Orders with at least one line in the category. */
  orders: number;
}

export interface WindowReport {
  minutes: number;
  /** Event time the window starts at (inclusive) and ends at (exclusive), in ms; whole minutes. */
  start: number;
  end: number;
  /** Events in the window that arrived out of order, within the lateness, and were counted. */
  late: number;
  /** Events in the window that arrived later than the lateness and were not counted. */
  dropped: number;
  lists: RankedList[];
  /** Every category with revenue or orders in the window, by revenue (then name). */
  revenue: CategoryRevenue[];
}

export interface Report {
  /** Latest event time seen on any partition, less the lateness; windows end at its last whole minute; null before any event. */
  watermark: number | null;
  windows: WindowReport[];
  /** Since the first event: facts counted, counted late, dropped (too late, or older than every window), redelivered and ignored. */
  totals: { counted: number; late: number; dropped: number; duplicates: number };
}
