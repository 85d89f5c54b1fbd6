// The brute-force recount every live report must equal: the raw facts, judged one by one, counted window by window.
import { ITEM_METRICS, type Fact, type PlacedFact, type RankedMetric } from './facts.ts';
import type { Judged } from './origin-judge.ts';
import { PANE_MS, type RankedList, type Report, type ReportSettings, type WindowReport } from './report.ts';
import type { Ranked } from '../../serving/reports/top-n.ts';

export interface Arrival {
  /** The partition the fact was read from. */
  source: string;
  fact: Fact;
  /** A re-keyed part's judgement by the re-key stage; absent or null, it is judged here alone. */
  judged?: Judged | null;
}

/**
 * Recounts the facts in the order they were read, with none of the aggregator's machinery: no panes,
 * no running totals, nothing forgotten. Each fact is judged by the same rules (its partition's clock,
 * the lateness, its id seen before, older than every window), then each window sums the kept facts
 * whose time falls inside it and sorts every key. Used by the property tests and by `emporium reports
 * verify`, which feeds it the lake's events up to a checkpoint's positions.
 */
export function recount(arrivals: Iterable<Arrival>, settings: ReportSettings): Report {
  const clocks = new Map<string, number>();
  const seen = new Map<string, Set<string>>();
  const kept: { fact: Fact; late: boolean }[] = [];
  const dropped: Fact[] = [];
  const placed = new Map<string, PlacedFact>();
  const refunded = new Set<string>();
  const totals = { counted: 0, late: 0, dropped: 0, duplicates: 0 };
  const longest = Math.max(...settings.windowsMinutes);
  let latest = -Infinity;
  for (const { source, fact, judged = null } of arrivals) {
    const clock = clocks.get(source) ?? -Infinity;
    const ids = seen.get(source) ?? seen.set(source, new Set()).get(source)!;
    const end = latest === -Infinity ? undefined : Math.floor((latest - settings.latenessMs) / PANE_MS);
    const expired = end !== undefined && Math.floor(fact.time / PANE_MS) < end - longest;
    // A judged part: only the lead adds to the figures, by its verdict; every part adds its counts.
    const lead = judged !== 'part';
    if (judged === 'duplicate') {
      if (expired) totals.dropped++;
      else totals.duplicates++;
      continue;
    }
    if (judged === 'dropped' || fact.time < clock - settings.latenessMs) {
      if (!lead) continue;
      totals.dropped++;
      if (!expired) dropped.push(fact);
      continue;
    }
    if (!expired && ids.has(fact.id)) {
      if (lead) totals.duplicates++;
      continue;
    }
    clocks.set(source, Math.max(clock, fact.time));
    latest = Math.max(latest, fact.time);
    if (expired) {
      if (lead) totals.dropped++;
      continue;
    }
    ids.add(fact.id);
    if (lead) totals.counted++;
    const late = lead && (judged === null ? fact.time < clock : judged === 'late');
    if (late) totals.late++;
    kept.push({ fact, late });
    if (fact.kind === 'placed' && !placed.has(fact.orderId) && !refunded.has(fact.orderId))
      placed.set(fact.orderId, fact);
    if (fact.kind === 'retracted') {
      placed.delete(fact.orderId);
      if (fact.refund) refunded.add(fact.orderId);
    }
  }
  if (latest === -Infinity) return { watermark: null, windows: [], totals };
  const end = Math.floor((latest - settings.latenessMs) / PANE_MS) * PANE_MS;
  return {
    watermark: latest - settings.latenessMs,
    windows: settings.windowsMinutes.map((minutes) =>
      windowOf(minutes, end, kept, dropped, [...placed.values()], settings.listLength),
    ),
    totals,
  };
}

function windowOf(
  minutes: number,
  end: number,
  kept: { fact: Fact; late: boolean }[],
  dropped: Fact[],
  orders: PlacedFact[],
  length: number,
): WindowReport {
  const start = end - minutes * PANE_MS;
  const inside = (time: number) => time >= start && time < end;
  const sums = new Map<string, number>();
  const add = (metric: RankedMetric, category: string | null, key: string, amount: number) => {
    for (const c of category === null ? [null] : [null, category]) {
      const name = JSON.stringify([metric, c, key]);
      sums.set(name, (sums.get(name) ?? 0) + amount);
    }
  };
  const revenue = new Map<string, { category: string; revenueMinor: number; orders: number }>();
  for (const { fact } of kept)
    if (fact.kind === 'count' && inside(fact.time)) add(fact.metric, fact.category, fact.key, fact.amount);
  for (const order of orders) {
    if (!inside(order.time)) continue;
    for (const line of order.lines) add('bought', line.category, line.itemId, line.quantity);
    for (const share of order.revenue) {
      const row = revenue.get(share.category) ?? { category: share.category, revenueMinor: 0, orders: 0 };
      row.revenueMinor += share.revenueMinor;
      row.orders++;
      revenue.set(share.category, row);
    }
  }
  const lists = new Map<string, { metric: RankedMetric; category: string | null; entries: Ranked[] }>();
  for (const [name, count] of sums) {
    const [metric, category, key] = JSON.parse(name) as [RankedMetric, string | null, string];
    const listName = JSON.stringify([metric, category]);
    const list = lists.get(listName) ?? lists.set(listName, { metric, category, entries: [] }).get(listName)!;
    if (count > 0) list.entries.push({ key, count });
  }
  const sorted = (entries: Ranked[]) =>
    entries.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, length);
  const overall: RankedList[] = [...ITEM_METRICS, 'searched' as const].map((metric) => ({
    metric,
    category: null,
    entries: sorted(lists.get(JSON.stringify([metric, null]))?.entries ?? []),
  }));
  const byCategory = [...lists.values()]
    .filter((l) => l.category !== null && l.entries.length > 0)
    .sort((a, b) => (`${a.metric}\u0000${a.category}` < `${b.metric}\u0000${b.category}` ? -1 : 1))
    .map((l) => ({ ...l, entries: sorted(l.entries) }));
  return {
    minutes,
    start,
    end,
    late: kept.filter(({ fact, late }) => late && inside(fact.time)).length,
    dropped: dropped.filter((f) => inside(f.time)).length,
    lists: [...overall, ...byCategory],
    revenue: [...revenue.values()]
      .filter((r) => r.revenueMinor !== 0 || r.orders !== 0)
      .sort((a, b) => b.revenueMinor - a.revenueMinor || (a.category < b.category ? -1 : 1)),
  };
}
