// Running totals per sliding window: each key's sum over the panes the window covers, moved a pane at a time.
import type { Pane } from './panes.ts';

/**
 * The windows all end at the same whole minute `end` (exclusive) and reach back their own length.
 * Counting a fact updates its pane and, for each window covering the pane, one array slot; when `end`
 * moves, each pane that enters a window is added to it and each that leaves is subtracted: never a
 * pass over the window's panes to answer a report.
 */
export class WindowTotals {
  /** Per window, the total per key id. */
  readonly totals: Float64Array[];
  end: number | undefined;

  constructor(readonly minutes: readonly number[]) {
    this.totals = minutes.map(() => new Float64Array(1024));
  }

  get longest(): number {
    return Math.max(...this.minutes);
  }

  covers(window: number, minute: number): boolean {
    return this.end !== undefined && minute < this.end && minute >= this.end - this.minutes[window]!;
  }

  /** Adds `amount` to the key in every window covering `minute`. */
  add(id: number, minute: number, amount: number): void {
    if (this.end === undefined || minute >= this.end) return;
    for (let w = 0; w < this.minutes.length; w++) {
      if (minute < this.end - this.minutes[w]!) continue;
      const totals = this.slot(w, id);
      totals[id]! += amount;
    }
  }

  /** Moves every window's end to `end`, adding the panes that enter and subtracting those that leave. */
  roll(end: number, panes: Iterable<Pane>): void {
    const before = this.end;
    if (before !== undefined && end <= before) return;
    for (const pane of panes) {
      for (let w = 0; w < this.minutes.length; w++) {
        const length = this.minutes[w]!;
        const was = before !== undefined && pane.minute < before && pane.minute >= before - length;
        const is = pane.minute < end && pane.minute >= end - length;
        if (was === is) continue;
        for (const [id, amount] of pane.counts) this.slot(w, id)[id]! += is ? amount : -amount;
      }
    }
    this.end = end;
  }

  /** Zeroes a freed id's slots (they are zero already when every pane's amounts were subtracted). */
  clear(id: number): void {
    for (const totals of this.totals) if (id < totals.length) totals[id] = 0;
  }

  /** Recomputes every total from the panes, for a state just restored. */
  rebuild(end: number | undefined, panes: Iterable<Pane>): void {
    for (const totals of this.totals) totals.fill(0);
    this.end = undefined;
    if (end !== undefined) this.roll(end, panes);
  }

  private slot(window: number, id: number): Float64Array {
    let totals = this.totals[window]!;
    if (id >= totals.length) {
      const grown = new Float64Array(Math.max(totals.length * 2, id + 1));
      grown.set(totals);
      this.totals[window] = totals = grown;
    }
    return totals;
  }
}
