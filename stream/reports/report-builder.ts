// Reads a report off the aggregator's window totals: ranked lists overall and per category, revenue per category.
import type { ReportAggregator } from './aggregator.ts';
import { ITEM_METRICS, type RankedMetric } from './facts.ts';
import { PANE_MS, type CategoryRevenue, type RankedList, type Report, type WindowReport } from './report.ts';
import { TopN } from '../../serving/reports/top-n.ts';

const RANKED: readonly RankedMetric[] = [...ITEM_METRICS, 'searched'];

/** The report as of the aggregator's watermark: one pass over the live keys per window. */
export function buildReport(state: ReportAggregator): Report {
  const end = state.windows.end;
  return {
    watermark: state.watermark,
    windows: end === undefined ? [] : state.windows.minutes.map((minutes, w) => windowReport(state, w, minutes, end)),
    totals: { ...state.totals },
  };
}

function windowReport(state: ReportAggregator, w: number, minutes: number, end: number): WindowReport {
  const { keys, settings } = state;
  const totals = state.windows.totals[w]!;
  // An item's overall count sums its categories (an item that moved category has counts in both).
  const overall = new Map<RankedMetric, Map<string, number>>(RANKED.map((m) => [m, new Map()]));
  const byCategory = new Map<string, TopN>();
  const revenue = new Map<string, CategoryRevenue>();
  for (let id = 0; id < keys.size; id++) {
    const total = id < totals.length ? totals[id]! : 0;
    if (total === 0 || !keys.live(id)) continue;
    const metric = keys.metric[id]!;
    const category = keys.category[id] ?? null;
    if (metric === 'revenue' || metric === 'orders') {
      // Revenue and order keys are the category itself.
      const name = keys.key[id]!;
      const row = revenue.get(name) ?? { category: name, revenueMinor: 0, orders: 0 };
      if (metric === 'revenue') row.revenueMinor += total;
      else row.orders += total;
      revenue.set(name, row);
      continue;
    }
    const key = keys.key[id]!;
    const sums = overall.get(metric)!;
    sums.set(key, (sums.get(key) ?? 0) + total);
    if (category === null) continue;
    const name = `${metric}\u0000${category}`;
    let top = byCategory.get(name);
    if (!top) byCategory.set(name, (top = new TopN(settings.listLength)));
    top.offer(key, total);
  }
  const lists: RankedList[] = [];
  for (const metric of RANKED) {
    const top = new TopN(settings.listLength);
    for (const [key, count] of overall.get(metric)!) top.offer(key, count);
    lists.push({ metric, category: null, entries: top.list() });
  }
  for (const [name, top] of [...byCategory].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const entries = top.list();
    const [metric, category] = name.split('\u0000') as [RankedMetric, string];
    if (entries.length) lists.push({ metric, category, entries });
  }
  let late = 0;
  let dropped = 0;
  for (const pane of state.allPanes()) {
    if (pane.minute < end - minutes || pane.minute >= end) continue;
    late += pane.late;
    dropped += pane.dropped;
  }
  return {
    minutes,
    start: (end - minutes) * PANE_MS,
    end: end * PANE_MS,
    late,
    dropped,
    lists,
    revenue: [...revenue.values()]
      .filter((r) => r.revenueMinor !== 0 || r.orders !== 0)
      .sort((a, b) => b.revenueMinor - a.revenueMinor || (a.category < b.category ? -1 : 1)),
  };
}
