// Deterministic demo catalog: item N of seed S is the same on every machine, and made in O(1).
import { CATEGORIES, type CategorySpec } from '../../serving/catalog/taxonomy.ts';
import type { SupplierItem } from '../../serving/catalog/supplier-item.ts';
import { randomFor, STREAMS, type Random } from './random.ts';
import { VOCABULARY } from './vocabulary.ts';

export const DEMO_SUPPLIERS = ['sup-northwind', 'sup-acme', 'sup-globex', 'sup-initech'] as const;

// Cumulative category weights, so a draw picks a category in proportion to its share of the catalog.
const weighted = CATEGORIES.map((c) => ({ category: c, weight: VOCABULARY[c.id]!.weight }));
const totalWeight = weighted.reduce((sum, w) => sum + w.weight, 0);

function pickCategory(r: Random): CategorySpec {
  let draw = r.next() * totalWeight;
  for (const w of weighted) if ((draw -= w.weight) < 0) return w.category;
  return weighted.at(-1)!.category;
}

/** The item id for an index: stable, sortable, and readable in logs. */
export const demoItemId = (index: number) => `itm-${String(index).padStart(7, '0')}`;

/** Item `index` of the demo catalog for `seed`: every required attribute set, values from the taxonomy. */
export function demoItem(seed: number, index: number): SupplierItem {
  const r = randomFor(seed, STREAMS.items, index);
  const category = pickCategory(r);
  const words = VOCABULARY[category.id]!;
  const brand = r.pick(words.brands);
  const product = r.pick(words.products);
  const adjective = r.pick(words.adjectives);

  const attributes: Record<string, string> = {};
  for (const spec of category.attributes) {
    if (!spec.required && !r.chance(0.6)) continue;
    attributes[spec.name] = spec.values ? r.pick(spec.values) : freeText(spec.name, r);
  }
  const highlights = Object.entries(attributes)
    .slice(0, 2)
    .map(([name, value]) => `${value} ${name.replaceAll('_', ' ')}`);
  const [low, high] = words.price;
  // Prices end in 99 like a shop's, not in random cents.
  const priceMinor = Math.max(99, Math.round(r.int(low, high) / 100) * 100 - 1);

  return {
    supplierId: r.pick(DEMO_SUPPLIERS),
    itemId: demoItemId(index),
    name: `${brand} ${capitalize(adjective)} ${product}${highlights[0] ? ` (${highlights[0]})` : ''}`,
    description:
      `${/^[aeiou]/i.test(adjective) ? 'An' : 'A'} ${adjective} ${product.toLowerCase()} from ${brand}, with ${highlights.join(' and ') || 'a design people love'}. ` +
      `Made for ${twoUses(words.uses, r)}. ${category.name} you can count on.`,
    brand,
    category: category.id,
    priceMinor,
    currency: 'USD',
    attributes,
    imageUrl: r.chance(0.8) ? `https://img.emporium.example/${demoItemId(index)}.jpg` : null,
  };
}

/** Items [start, start + count) as a stream: a million items never sit in memory at once. */
export function* demoItems(options: { seed: number; count: number; start?: number }): Generator<SupplierItem> {
  const start = options.start ?? 0;
  for (let i = start; i < start + options.count; i++) yield demoItem(options.seed, i);
}

const AUTHORS = [
  'Toni Morrison',
  'Haruki Murakami',
  'Agatha Christie',
  'Yuval Noah Harari',
  'Chimamanda Adichie',
  'Stephen King',
];
const PROCESSORS = ['Intel Core i5', 'Intel Core i7', 'AMD Ryzen 5', 'AMD Ryzen 7', 'Apple M3'];

function freeText(attribute: string, r: Random): string {
  if (attribute === 'author') return r.pick(AUTHORS);
  if (attribute === 'processor') return r.pick(PROCESSORS);
  return 'standard';
}

/** Two different uses, so a description never says the same thing twice. */
function twoUses(uses: readonly string[], r: Random): string {
  const first = r.int(0, uses.length - 1);
  const second = (first + r.int(1, uses.length - 1)) % uses.length;
  return `${uses[first]} and ${uses[second]}`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
