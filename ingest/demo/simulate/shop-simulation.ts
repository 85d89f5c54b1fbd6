// A simulated shop's history: shoppers with hidden tastes (tastes.ts) come in sessions of a search, a
// few product views, some cart and wishlist adds and now and then an order, at times in a span of days.
// Pure and deterministic by seed: the same options give the same events, ids and times.
import type { SupplierItem } from '../../../serving/catalog/supplier-item.ts';
import type { TypedEvent } from '../../../schemas/events.ts';
import { randomFor, type Random } from '../random.ts';
import { affinity, SIM_STREAMS, simCatalog, tasteOf, type SimCatalog, type Taste } from './tastes.ts';

export type SimEvent = TypedEvent<
  'SearchPerformed' | 'ProductViewed' | 'CartItemAdded' | 'WishlistItemAdded' | 'OrderPlaced'
>;

export interface SimulationOptions {
  seed: number;
  shoppers: number;
  /** Days of history, ending at `end`. */
  days: number;
  /** The end of the history (ms since the epoch); events fall in [end - days, end). */
  end: number;
  /** Shopper n's id; `sim-<seed>-<n>` by default. */
  userIdOf?: (index: number) => string;
  /** Chance that a viewed item goes into the cart (about 3 cart adds per 50 views, as in a real shop's logs). */
  cartChance?: number;
  wishlistChance?: number;
  /** Chance that a session with a full cart ends in an order. */
  orderChance?: number;
}

const DAY = 86_400_000;

/** The simulated events, a day at a time, each day's in time order. */
export function* simulateShop(items: readonly SupplierItem[], options: SimulationOptions): Generator<SimEvent[]> {
  const catalog = simCatalog(items, options.seed);
  const userIdOf = options.userIdOf ?? ((n: number) => `sim-${options.seed}-${n}`);
  const tastes = Array.from({ length: options.shoppers }, (_, n) => tasteOf(catalog, options.seed, n));
  const start = options.end - options.days * DAY;
  for (let day = 0; day < options.days; day++) {
    const events: SimEvent[] = [];
    for (let n = 0; n < options.shoppers; n++) {
      // One stream per (shopper, day): any day of any shopper is made without the others.
      const r = randomFor(options.seed, SIM_STREAMS.sessions, n * 100_003 + day);
      const taste = tastes[n]!;
      let sessions = Math.floor(taste.sessionsPerDay) + (r.chance(taste.sessionsPerDay % 1) ? 1 : 0);
      while (sessions-- > 0) {
        const at = start + day * DAY + Math.floor(r.next() * (DAY - 3_600_000));
        session(catalog, taste, userIdOf(n), at, r, options, events, `sim-${options.seed}-${day}-${n}-${sessions}`);
      }
    }
    yield events.sort((a, b) => a.occurredAt - b.occurredAt || (a.eventId < b.eventId ? -1 : 1));
  }
}

function session(
  catalog: SimCatalog,
  taste: Taste,
  userId: string,
  at: number,
  r: Random,
  options: SimulationOptions,
  out: SimEvent[],
  idBase: string,
) {
  let n = 0;
  let time = at;
  const base = () => ({ eventId: `${idBase}-${n++}`, occurredAt: (time += r.int(20_000, 120_000)) });
  const category = weighted(r, [...taste.categories]);
  const candidates = catalog.byCategory.get(category)!;
  const weights = candidates.map((item) => affinity(catalog, taste, item));
  const views = r.int(2, 8);
  const viewed: SupplierItem[] = [];
  for (let v = 0; v < views; v++) viewed.push(candidates[pick(r, weights)]!);
  if (r.chance(0.5)) {
    const query = r.chance(0.5) ? viewed[0]!.brand.toLowerCase() : category;
    out.push({
      type: 'SearchPerformed',
      ...base(),
      userId,
      query,
      pincode: null,
      filters: {},
      resultIds: viewed.map((i) => i.itemId).slice(0, 5),
      total: candidates.length,
    });
  }
  const cart: SupplierItem[] = [];
  for (const item of viewed) {
    out.push({ type: 'ProductViewed', ...base(), userId, itemId: item.itemId, category });
    const keen = taste.brands.has(item.brand) ? 1.5 : 1;
    if (r.chance((options.cartChance ?? 0.08) * keen) && !cart.includes(item)) {
      cart.push(item);
      out.push({
        type: 'CartItemAdded',
        ...base(),
        userId,
        itemId: item.itemId,
        quantity: 1,
        unitPriceMinor: item.priceMinor,
        category,
      });
    } else if (r.chance((options.wishlistChance ?? 0.03) * keen)) {
      out.push({ type: 'WishlistItemAdded', ...base(), userId, itemId: item.itemId, category });
    }
  }
  if (cart.length && r.chance(options.orderChance ?? 0.4)) {
    const lines = cart.map((item) => ({
      itemId: item.itemId,
      quantity: 1,
      unitPriceMinor: item.priceMinor,
      category: item.category,
      warehouseId: null,
    }));
    out.push({
      type: 'OrderPlaced',
      ...base(),
      orderId: `ord-${idBase}`,
      userId,
      lines,
      totalMinor: lines.reduce((s, l) => s + l.unitPriceMinor, 0),
      currency: 'USD',
      paymentId: `pay-${idBase}`,
    });
  }
}

function weighted(r: Random, entries: [string, number][]): string {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [key, w] of entries) if ((x -= w) < 0) return key;
  return entries.at(-1)![0];
}

function pick(r: Random, weights: number[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let x = r.next() * total;
  for (let i = 0; i < weights.length; i++) if ((x -= weights[i]!) < 0) return i;
  return weights.length - 1;
}
