// A pane as bytes for the checkpoint: keys spelled out (ids are this process's own), V8's serializer for speed.
import v8 from 'node:v8';
import { placedFact, type PlacedLine } from './facts.ts';
import type { KeyMetric, Keys } from './keys.ts';
import type { HeldOrder, Pane } from './panes.ts';

interface Stored {
  counts: [KeyMetric, string | null, string, number][];
  late: number;
  dropped: number;
  /** Checkpoints before revenue shares held an order's lines alone (the whole order). */
  held: [string, HeldOrder | PlacedLine[]][];
  refunded: string[];
  ids: string[] | null;
}

export function encodePane(pane: Pane, keys: Keys): Buffer {
  const stored: Stored = {
    counts: [...pane.counts].map(([id, amount]) => [keys.metric[id]!, keys.category[id]!, keys.key[id]!, amount]),
    late: pane.late,
    dropped: pane.dropped,
    held: [...pane.held],
    refunded: [...pane.refunded],
    ids: pane.ids ? [...pane.ids] : null,
  };
  return v8.serialize(stored);
}

/** The pane, its keys interned in `keys` (not yet referenced: restoring references them). */
export function decodePane(source: string, minute: number, body: Buffer, keys: Keys): Pane {
  const stored = v8.deserialize(body) as Stored;
  return {
    source,
    minute,
    counts: new Map(stored.counts.map(([metric, category, key, amount]) => [keys.idOf(metric, category, key), amount])),
    late: stored.late,
    dropped: stored.dropped,
    held: new Map(
      stored.held.map(([orderId, held]) => [
        orderId,
        Array.isArray(held) ? { lines: held, revenue: placedFact('', 0, orderId, held).revenue } : held,
      ]),
    ),
    refunded: new Set(stored.refunded),
    ids: stored.ids ? new Set(stored.ids) : undefined,
  };
}
