// Random fact streams for the live reports' tests: out of order, redelivered, late, with orders placed and taken back.
import { randomFor } from '../../ingest/demo/random.ts';
import { placedFact, type Fact, type PlacedLine } from '../../stream/reports/facts.ts';
import type { Arrival } from '../../stream/reports/recount.ts';

export interface ScenarioOptions {
  seed: number;
  arrivals: number;
  sources: number;
  latenessMs: number;
  /** Longest report window: an order's story stays shorter than it (see below). */
  longestMinutes: number;
  start?: number;
}

const ITEMS = ['i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7'];
const CATEGORIES = ['books', 'shoes', 'toys'];
const QUERIES = ['tv', 'red shoes', 'lego', 'kindle'];

/**
 * Facts in the order a consumer reads them. A clock moves forward 0-40 s per arrival; each fact's
 * time is the clock less a delay that is mostly nothing, often under the lateness, sometimes up to twice
 * it, rarely many minutes (older than every window). One in ten arrivals redelivers an earlier fact on
 * its partition. Orders follow their lifecycle in read order (placed, maybe cancelled and placed again,
 * maybe refunded, a refund never earlier in event time than its placement), each within a span shorter
 * than the longest window, on a partition of the orders' own, and refunds on another, as the shop's
 * orders and payments topics are.
 */
export function randomArrivals(options: ScenarioOptions): Arrival[] {
  const r = randomFor(options.seed, 19, 0);
  const start = options.start ?? Date.UTC(2026, 11, 2, 9, 0, 0);
  const sources = Array.from({ length: options.sources }, (_, i) => `s${i}`);
  const out: Arrival[] = [];
  const stories = new Map<string, { state: 'placed' | 'cancelled' | 'refunded'; began: number; placedAt: number }>();
  let clock = start;
  let next = 0;
  const delay = () => {
    const roll = r.next();
    if (roll < 0.55) return 0;
    if (roll < 0.85) return r.int(0, options.latenessMs);
    if (roll < 0.97) return r.int(0, 2 * options.latenessMs);
    return r.int(0, 3 * options.longestMinutes * 60_000);
  };
  const line = (): PlacedLine => ({
    itemId: r.pick(ITEMS),
    category: r.pick(CATEGORIES),
    quantity: r.int(1, 3),
    unitPriceMinor: r.int(1, 50) * 100,
  });
  const orderFact = (): Arrival | undefined => {
    const open = [...stories].filter(
      ([, s]) => s.state !== 'refunded' && clock - s.began < (options.longestMinutes * 60_000) / 2,
    );
    const time = clock - r.int(0, 2 * options.latenessMs);
    if (open.length === 0 || r.chance(0.4)) {
      const orderId = `o${stories.size}`;
      stories.set(orderId, { state: 'placed', began: clock, placedAt: time });
      const lines = Array.from({ length: r.int(1, 3) }, line);
      return { source: 'orders', fact: placedFact(`e${next++}`, time, orderId, lines) };
    }
    const [orderId, story] = r.pick(open);
    if (story.state === 'cancelled') {
      story.state = 'placed';
      story.placedAt = Math.max(story.placedAt, time);
      const lines = Array.from({ length: r.int(1, 2) }, line);
      return { source: 'orders', fact: placedFact(`e${next++}`, time, orderId, lines) };
    }
    if (r.chance(0.5)) {
      story.state = 'cancelled';
      return { source: 'orders', fact: { kind: 'retracted', id: `e${next++}`, time, orderId, refund: false } };
    }
    story.state = 'refunded';
    const refundTime = Math.max(time, story.placedAt);
    return {
      source: 'payments',
      fact: { kind: 'retracted', id: `e${next++}`, time: refundTime, orderId, refund: true },
    };
  };
  while (out.length < options.arrivals) {
    clock += r.int(0, 40_000);
    if (out.length > 0 && r.chance(0.1)) {
      const again = r.pick(out);
      out.push({ source: again.source, fact: again.fact });
      continue;
    }
    if (r.chance(0.2)) {
      const arrival = orderFact();
      if (arrival) out.push(arrival);
      continue;
    }
    const time = clock - delay();
    const id = `e${next++}`;
    const kind = r.int(0, 4);
    let fact: Fact;
    if (kind === 0)
      fact = { kind: 'count', id, time, metric: 'viewed', key: r.pick(ITEMS), category: r.pick(CATEGORIES), amount: 1 };
    else if (kind === 1)
      fact = {
        kind: 'count',
        id,
        time,
        metric: 'carted',
        key: r.pick(ITEMS),
        category: r.pick(CATEGORIES),
        amount: r.int(1, 4),
      };
    else if (kind === 2) {
      const removed = r.chance(0.3);
      fact = {
        kind: 'count',
        id,
        time,
        metric: 'wishlisted',
        key: r.pick(ITEMS),
        category: removed && r.chance(0.5) ? null : r.pick(CATEGORIES),
        amount: removed ? -1 : 1,
      };
    } else
      fact = {
        kind: 'count',
        id,
        time,
        metric: 'searched',
        key: r.pick(QUERIES),
        category: r.chance(0.5) ? null : r.pick(CATEGORIES),
        amount: 1,
      };
    out.push({ source: r.pick(sources), fact });
  }
  return out;
}
