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
  // An item's overall count sums its categories (an item that moved category has counts in both): summed
  // by overall id in a typed array, and each (metric, category) list found by its group id, so the pass
  // over the live keys builds no string and sets no map entry per key.
  const overall = new Float64Array(keys.overallSize);
  const seen = new Uint8Array(keys.overallSize);
  const touched: number[] = [];
  const byGroup: (TopN | undefined)[] = [];
  const revenue = new Map<string, CategoryRevenue>();
  for (let id = 0; id < keys.size; id++) {
    const total = id < totals.length ? totals[id]! : 0;
    if (total === 0 || !keys.live(id)) continue;
    const metric = keys.metric[id]!;
    if (metric === 'revenue' || metric === 'orders') {
      // Revenue and order keys are the category itself.
      const name = keys.key[id]!;
      const row = revenue.get(name) ?? { category: name, revenueMinor: 0, orders: 0 };
      if (metric === 'revenue') row.revenueMinor += total;
      else row.orders += total;
      revenue.set(name, row);
      continue;
    }
    const o = keys.overall[id]!;
    if (!seen[o]) {
      seen[o] = 1;
      touched.push(o);
    }
    overall[o]! += total;
    if (keys.category[id] === null) continue;
    const g = keys.group[id]!;
    (byGroup[g] ??= new TopN(settings.listLength)).offer(keys.key[id]!, total);
  }
  const tops = new Map(RANKED.map((metric) => [metric, new TopN(settings.listLength)]));
  for (const o of touched) tops.get(keys.overallMetric[o] as RankedMetric)!.offer(keys.overallKey[o]!, overall[o]!);
  const lists: RankedList[] = RANKED.map((metric) => ({ metric, category: null, entries: tops.get(metric)!.list() }));
  const groups = byGroup
    .map((top, g) => ({ top, ...keys.groups[g]! }))
    .filter((group): group is { top: TopN; metric: RankedMetric; category: string } => group.top !== undefined)
    .sort((a, b) => (a.metric !== b.metric ? (a.metric < b.metric ? -1 : 1) : a.category < b.category ? -1 : 1));
  for (const { top, metric, category } of groups) {
    const entries = top.list();
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
