// The report state's unit: one pane per partition per minute of event time, holding that minute's counts.
import type { PlacedFact } from './facts.ts';

/** What an order added to a pane, to be taken back out if it is retracted. */
export type HeldOrder = Pick<PlacedFact, 'lines' | 'revenue'>;

export interface Pane {
  source: string;
  /** Minutes since the epoch (event time / 60,000, floored). */
  minute: number;
  /** Amount per key id (see keys.ts), summed over the minute's counted facts. */
  counts: Map<number, number>;
  /** Counted facts that arrived out of order, and facts dropped as too late, of this minute. */
  late: number;
  dropped: number;
  /** Orders placed in this minute and still counted, so a cancellation can take their lines back out. */
  held: Map<string, HeldOrder>;
  /** Orders refunded in this minute before their placement was read: it will not count when it comes. */
  refunded: Set<string>;
  /**
   * Event ids counted in this minute, to spot redeliveries; let go once the partition's watermark has
   * passed the minute, since a redelivery is then dropped as too late anyway.
   */
  ids: Set<string> | undefined;
}

/** One input partition (a topic's partition, or a repartition topic's): its own event-time clock. */
export interface Source {
  name: string;
  /** Latest event time seen on the partition (-Infinity before the first). */
  maxTime: number;
  panes: Map<number, Pane>;
}

export function newPane(source: string, minute: number): Pane {
  return {
    source,
    minute,
    counts: new Map(),
    late: 0,
    dropped: 0,
    held: new Map(),
    refunded: new Set(),
    ids: new Set(),
  };
}
