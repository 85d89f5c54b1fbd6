// Simulated shoppers' hidden tastes: two favourite categories, a favourite brand or two in each, a price
// band, and how often they come. What they do follows from these, so a recommender can learn them.
import type { SupplierItem } from '../../../serving/catalog/supplier-item.ts';
import { randomFor, type Random } from '../random.ts';

/** Streams of randomness of the simulation, apart from the demo catalog's. */
export const SIM_STREAMS = { tastes: 101, popularity: 102, sessions: 103 } as const;

export interface Taste {
  /** Category → share of the shopper's attention (sums to 1 over every category). */
  categories: Map<string, number>;
  brands: Set<string>;
  /** Preferred price, as a position in each category's range: 0 the cheapest, 1 the dearest. */
  pricePosition: number;
  /** Sessions a day on average (heavy-tailed: a few shoppers come most days, most now and then). */
  sessionsPerDay: number;
}

export interface SimCatalog {
  items: readonly SupplierItem[];
  categories: string[];
  byCategory: Map<string, SupplierItem[]>;
  /** Zipf-skewed popularity of each item (by itemId), as a weight. */
  popularity: Map<string, number>;
  /** Each item's price as a position in its category's range, 0..1. */
  pricePosition: Map<string, number>;
}

export function simCatalog(items: readonly SupplierItem[], seed: number): SimCatalog {
  const byCategory = new Map<string, SupplierItem[]>();
  for (const item of items) byCategory.set(item.category, [...(byCategory.get(item.category) ?? []), item]);
  // A seeded shuffle gives each item a popularity rank; weight 1 / rank^0.9 (item popularity in shops is Zipf-like).
  const r = randomFor(seed, SIM_STREAMS.popularity, 0);
  const order = items.map((item) => ({ item, key: r.next() })).sort((a, b) => a.key - b.key);
  const popularity = new Map(order.map(({ item }, rank) => [item.itemId, 1 / (rank + 1) ** 0.9]));
  const pricePosition = new Map<string, number>();
  for (const list of byCategory.values()) {
    const sorted = [...list].sort((a, b) => a.priceMinor - b.priceMinor);
    sorted.forEach((item, i) => pricePosition.set(item.itemId, sorted.length > 1 ? i / (sorted.length - 1) : 0.5));
  }
  return { items, categories: [...byCategory.keys()].sort(), byCategory, popularity, pricePosition };
}

/** Shopper `index`'s taste: made from (seed, index) alone, so shopper N needs no shoppers before it. */
export function tasteOf(catalog: SimCatalog, seed: number, index: number): Taste {
  const r = randomFor(seed, SIM_STREAMS.tastes, index);
  const [first, second] = twoOf(catalog.categories, r);
  const categories = new Map(catalog.categories.map((c) => [c, 0.1 / catalog.categories.length]));
  categories.set(first, categories.get(first)! + 0.6);
  categories.set(second, categories.get(second)! + 0.3);
  const brands = new Set<string>();
  for (const category of [first, second]) {
    const names = [...new Set(catalog.byCategory.get(category)!.map((i) => i.brand))].sort();
    brands.add(r.pick(names));
    if (r.chance(0.4)) brands.add(r.pick(names));
  }
  return { categories, brands, pricePosition: r.next(), sessionsPerDay: 0.15 + 1.2 * r.next() ** 3 };
}

/** How much a shopper of `taste` is drawn to `item` (before the category's share). */
export function affinity(catalog: SimCatalog, taste: Taste, item: SupplierItem): number {
  const brand = taste.brands.has(item.brand) ? 6 : 1;
  const distance = Math.abs(catalog.pricePosition.get(item.itemId)! - taste.pricePosition);
  const price = distance < 0.25 ? 2 : distance < 0.5 ? 1 : 0.3;
  return brand * price * catalog.popularity.get(item.itemId)! ** 0.5;
}

function twoOf<T>(values: readonly T[], r: Random): [T, T] {
  const a = r.int(0, values.length - 1);
  const b = (a + r.int(1, Math.max(1, values.length - 1))) % values.length;
  return [values[a]!, values[b]!];
}
