// The live reports' state machine: facts in, per-partition watermarks, panes per minute, exact window totals.
import type { Fact } from './facts.ts';
import { Keys } from './keys.ts';
import type { Judged } from './origin-judge.ts';
import { newPane, type HeldOrder, type Pane, type Source } from './panes.ts';
import { PANE_MS, type ReportSettings } from './report.ts';
import { WindowTotals } from './windows.ts';

export interface SavedSource {
  name: string;
  maxTime: number;
}

/** What changed since the last checkpoint: panes to write whole, panes to delete, partitions' clocks. */
export interface StateChanges {
  panes: Pane[];
  removed: { source: string; minute: number }[];
  sources: SavedSource[];
}

/**
 * Each input partition keeps its own event-time clock (its latest event time): an event more than the
 * lateness behind its partition's clock is dropped (and counted as dropped), one behind it but within
 * the lateness is counted and counted as late. Judged per partition, as Kafka Streams judges per task,
 * every decision depends only on the partition's own order, which Kafka keeps: a replay after a crash,
 * or a backlog read one partition after another, decides the same. The windows end at the last whole
 * minute before the report's watermark: the latest partition clock less the lateness.
 *
 * Redeliveries (the same event id again on its partition) are ignored while they could still be
 * counted; later they are dropped as too late like any other. Memory: one pane per partition per minute
 * for the longest window, each with the keys active in it, plus the ids of the lateness's last events.
 */
export class ReportAggregator {
  readonly keys = new Keys();
  readonly windows: WindowTotals;
  readonly sources = new Map<string, Source>();
  readonly totals = { counted: 0, late: 0, dropped: 0, duplicates: 0 };
  /** Bumped with every fact: each changes at least the running totals, which every report shows. */
  version = 0;
  private latest = -Infinity;
  /** Orders counted, by the pane holding them; orders refunded, by the pane remembering it. */
  private readonly held = new Map<string, Pane>();
  private readonly refunded = new Map<string, Pane>();
  private readonly dirty = new Set<Pane>();
  private removed: StateChanges['removed'] = [];
  private readonly movedSources = new Set<Source>();
  /** Per partition, the minutes below which redelivery ids are already let go. */
  private readonly forgotten = new Map<Source, number>();

  constructor(readonly settings: ReportSettings) {
    this.windows = new WindowTotals(settings.windowsMinutes);
  }

  /** The report's watermark: the latest event time of any partition less the lateness; null before any event. */
  get watermark(): number | null {
    return this.latest === -Infinity ? null : this.latest - this.settings.latenessMs;
  }

  /**
   * Counts a fact read from `sourceName`. A re-keyed part may carry the re-key stage's judgement of its
   * whole fact (origin-judge.ts): then its lead part alone adds to the late, dropped, duplicate and
   * counted figures, as the whole fact would on one aggregator, and the other parts only their counts.
   * The part's own clock still drops what is too late and ignores a republished part.
   */
  add(sourceName: string, fact: Fact, judged: Judged | null = null): void {
    this.version++;
    const source = this.source(sourceName);
    const minute = Math.floor(fact.time / PANE_MS);
    const end = this.windows.end;
    const expired = end !== undefined && minute < end - this.windows.longest;
    const lead = judged !== 'part';
    if (judged === 'duplicate') {
      // As a redelivery is judged here: after the lateness, before expiry.
      if (expired) this.totals.dropped++;
      else this.totals.duplicates++;
      return;
    }
    if (judged === 'dropped' || fact.time < source.maxTime - this.settings.latenessMs) {
      if (!lead) return;
      this.totals.dropped++;
      if (!expired) {
        const pane = this.pane(source, minute);
        pane.dropped++;
        this.touched(pane);
      }
      return;
    }
    if (source.panes.get(minute)?.ids?.has(fact.id)) {
      if (lead) this.totals.duplicates++;
      return;
    }
    const late = lead && (judged === null ? fact.time < source.maxTime : judged === 'late');
    if (fact.time > source.maxTime) {
      source.maxTime = fact.time;
      this.movedSources.add(source);
    }
    if (expired) {
      // Its partition lags the others by more than the longest window: no report can show it.
      if (lead) this.totals.dropped++;
    } else {
      const pane = this.pane(source, minute);
      (pane.ids ??= new Set()).add(fact.id);
      if (lead) this.totals.counted++;
      if (late) {
        this.totals.late++;
        pane.late++;
      }
      this.apply(fact, pane);
      this.touched(pane);
    }
    this.advance(source);
  }

  /** Panes and clocks changed since the last call, for a checkpoint; the next call starts afresh. */
  takeChanges(): StateChanges {
    const changes: StateChanges = {
      panes: [...this.dirty],
      removed: this.removed,
      sources: [...this.movedSources].map(({ name, maxTime }) => ({ name, maxTime })),
    };
    this.dirty.clear();
    this.movedSources.clear();
    this.removed = [];
    return changes;
  }

  /** Every pane and clock, for a full checkpoint. */
  everything(): StateChanges {
    return {
      panes: [...this.allPanes()],
      removed: [],
      sources: [...this.sources.values()].map(({ name, maxTime }) => ({ name, maxTime })),
    };
  }

  /** Rebuilds the state a checkpoint saved: panes, clocks and running totals. */
  restore(saved: { sources: SavedSource[]; panes: Pane[]; totals: ReportAggregator['totals'] }): void {
    for (const { name, maxTime } of saved.sources) {
      this.source(name).maxTime = maxTime;
      this.latest = Math.max(this.latest, maxTime);
    }
    for (const pane of saved.panes) {
      const source = this.source(pane.source);
      source.panes.set(pane.minute, pane);
      for (const id of pane.counts.keys()) this.keys.ref(id);
      for (const orderId of pane.held.keys()) this.held.set(orderId, pane);
      for (const orderId of pane.refunded) this.refunded.set(orderId, pane);
    }
    Object.assign(this.totals, saved.totals);
    this.windows.rebuild(this.endFor(this.latest), this.allPanes());
    for (const source of this.sources.values()) this.forget(source);
    this.takeChanges();
  }

  *allPanes(): Generator<Pane> {
    for (const source of this.sources.values()) yield* source.panes.values();
  }

  private apply(fact: Fact, pane: Pane): void {
    switch (fact.kind) {
      case 'count':
        this.addTo(pane, this.keys.idOf(fact.metric, fact.category, fact.key), fact.amount);
        return;
      case 'placed':
        if (this.held.has(fact.orderId) || this.refunded.has(fact.orderId)) return;
        pane.held.set(fact.orderId, { lines: fact.lines, revenue: fact.revenue });
        this.held.set(fact.orderId, pane);
        this.contribute(pane, fact, 1);
        return;
      case 'retracted': {
        const holder = this.held.get(fact.orderId);
        if (holder) {
          this.contribute(holder, holder.held.get(fact.orderId)!, -1);
          holder.held.delete(fact.orderId);
          this.held.delete(fact.orderId);
          this.touched(holder);
        }
        if (fact.refund && !this.refunded.has(fact.orderId)) {
          pane.refunded.add(fact.orderId);
          this.refunded.set(fact.orderId, pane);
        }
        return;
      }
    }
  }

  /** An order's lines as units bought per item, and each revenue share as revenue and one order in its category. */
  private contribute(pane: Pane, order: HeldOrder, sign: 1 | -1): void {
    for (const line of order.lines)
      this.addTo(pane, this.keys.idOf('bought', line.category, line.itemId), sign * line.quantity);
    for (const { category, revenueMinor } of order.revenue) {
      this.addTo(pane, this.keys.idOf('revenue', category, category), sign * revenueMinor);
      this.addTo(pane, this.keys.idOf('orders', category, category), sign);
    }
  }

  private addTo(pane: Pane, id: number, amount: number): void {
    const before = pane.counts.get(id);
    if (before === undefined) this.keys.ref(id);
    pane.counts.set(id, (before ?? 0) + amount);
    if (this.inAnyWindow(pane.minute)) this.windows.add(id, pane.minute, amount);
  }

  /** After a partition's clock moved: lets go of redelivery ids it no longer needs, and moves the windows. */
  private advance(source: Source): void {
    this.forget(source);
    if (source.maxTime <= this.latest) return;
    this.latest = source.maxTime;
    const end = this.endFor(this.latest);
    if (end === undefined || (this.windows.end !== undefined && end <= this.windows.end)) return;
    this.windows.roll(end, this.allPanes());
    this.expire(end - this.windows.longest);
  }

  private forget(source: Source): void {
    const below = Math.floor((source.maxTime - this.settings.latenessMs) / PANE_MS);
    if (below <= (this.forgotten.get(source) ?? -Infinity)) return;
    this.forgotten.set(source, below);
    for (const pane of source.panes.values()) {
      if (pane.minute < below && pane.ids) {
        pane.ids = undefined;
        this.touched(pane);
      }
    }
  }

  /** Drops the panes older than the longest window: their keys, held orders and refunds go with them. */
  private expire(before: number): void {
    for (const source of this.sources.values()) {
      for (const [minute, pane] of source.panes) {
        if (minute >= before) continue;
        source.panes.delete(minute);
        for (const id of pane.counts.keys()) if (this.keys.release(id)) this.windows.clear(id);
        for (const orderId of pane.held.keys()) if (this.held.get(orderId) === pane) this.held.delete(orderId);
        for (const orderId of pane.refunded) if (this.refunded.get(orderId) === pane) this.refunded.delete(orderId);
        this.dirty.delete(pane);
        this.removed.push({ source: source.name, minute });
      }
    }
  }

  private endFor(latest: number): number | undefined {
    return latest === -Infinity ? undefined : Math.floor((latest - this.settings.latenessMs) / PANE_MS);
  }

  private inAnyWindow(minute: number): boolean {
    const end = this.windows.end;
    return end !== undefined && minute < end && minute >= end - this.windows.longest;
  }

  private touched(pane: Pane): void {
    this.dirty.add(pane);
  }

  private pane(source: Source, minute: number): Pane {
    let pane = source.panes.get(minute);
    if (!pane) source.panes.set(minute, (pane = newPane(source.name, minute)));
    return pane;
  }

  private source(name: string): Source {
    let source = this.sources.get(name);
    if (!source) this.sources.set(name, (source = { name, maxTime: -Infinity, panes: new Map() }));
    return source;
  }
}
