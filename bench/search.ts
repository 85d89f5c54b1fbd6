// Search on a 100k-item catalog: our in-process index against MiniSearch and Orama in the same run, on
// a mixed query set (single word, two words, prefix, one typo, filtered): build time, memory, p50/p99.
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import MiniSearch from 'minisearch';
import { performance } from 'node:perf_hooks';
import { demoItems } from '../ingest/demo/items.ts';
import { demoNetwork } from '../ingest/demo/network.ts';
import { demoStock } from '../ingest/demo/places.ts';
import { randomFor } from '../ingest/demo/random.ts';
import { MemoryIndex } from '../serving/search/index/memory-index.ts';
import type { SearchDoc } from '../serving/search/index/search-index.ts';
import { terms } from '../serving/search/index/text.ts';
import { TableBuilder } from '../serving/serviceability/table-builder.ts';
import { megabytes, percentile } from './stats.ts';

const ITEMS = Number(process.env.ITEMS ?? 100_000);
const PER_CLASS = 300;
const PINCODE = '07030';

const docs: SearchDoc[] = [...demoItems({ seed: 1, count: ITEMS })].map((item) => ({
  ...item,
  itemClass: categoryClass(item.category),
}));
const network = demoNetwork();
const table = new TableBuilder(network).build();
const reachable = table.reachable(PINCODE)!;
const warehouses = network.warehouses.map((w) => w.id);

/** Heap growth while `build` runs, after a collection on each side when --expose-gc is on. */
async function measured<T>(build: () => T | Promise<T>): Promise<{ value: T; ms: number; heap: number }> {
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const value = await build();
  const ms = performance.now() - started;
  globalThis.gc?.();
  return { value, ms, heap: process.memoryUsage().heapUsed - heapBefore };
}

const stock = docs.flatMap((d, i) =>
  demoStock(1, i, warehouses.length).map((s) => ({
    itemId: d.itemId,
    warehouseId: warehouses[s.warehouse]!,
    inStock: s.available > 0,
  })),
);
// What the shopper at PINCODE can be sent: the others get the same filter, so all engines answer the same question.
const deliverable = new Set(
  stock
    .filter((s) => s.inStock && reachable[docs[Number(s.itemId.slice(4))]!.itemClass][s.warehouseId] !== undefined)
    .map((s) => s.itemId),
);

const ours = await measured(async () => {
  const index = new MemoryIndex();
  await index.upsert(docs);
  await index.setStock(stock);
  // As the shop's index thread does once a bulk load settles.
  index.layOut('settled');
  return index;
});
const mini = await measured(() => {
  const index = new MiniSearch<SearchDoc & { text: string }>({
    idField: 'itemId',
    fields: ['name', 'brand', 'category', 'text', 'description'],
    storeFields: ['category'],
    searchOptions: { boost: { name: 3, brand: 2, category: 2, text: 1.5 }, fuzzy: 0.2, prefix: true },
  });
  index.addAll(docs.map((d) => ({ ...d, text: Object.values(d.attributes).join(' ') })));
  return index;
});
const orama = await measured(async () => {
  const db = create({
    schema: {
      itemId: 'string',
      name: 'string',
      brand: 'string',
      category: 'enum',
      text: 'string',
      description: 'string',
    } as const,
  });
  await insertMultiple(
    db,
    docs.map((d) => ({
      itemId: d.itemId,
      name: d.name,
      brand: d.brand,
      category: d.category,
      text: Object.values(d.attributes).join(' '),
      description: d.description,
    })),
    5000,
  );
  return db;
});

// The query set, drawn from the catalog's own words so every class has answers to find.
const r = randomFor(7, 99, 0);
/** A word of the item's name (a random item's by default). */
const word = (d = r.pick(docs)) => r.pick(terms(d.name).filter((t) => t.length >= 5 && /^[a-z]+$/.test(t))) ?? 'shirt';
const typo = (w: string) => {
  const i = r.int(1, w.length - 2);
  return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
};
const queries: Record<string, { text: string; category?: string }[]> = {
  'single word': Array.from({ length: PER_CLASS }, () => ({ text: word() })),
  'two words': Array.from({ length: PER_CLASS }, () => {
    const d = r.pick(docs);
    return { text: `${d.brand.split(' ')[0]} ${terms(d.name).at(-3) ?? ''}` };
  }),
  prefix: Array.from({ length: PER_CLASS }, () => ({ text: word().slice(0, r.int(3, 4)) })),
  'one typo': Array.from({ length: PER_CLASS }, () => ({ text: typo(word()) })),
  filtered: Array.from({ length: PER_CLASS }, () => {
    const d = r.pick(docs);
    // A word of an item in the category: a shopper who filters by category searches words that fit it.
    return { text: word(d), category: d.category };
  }),
};

const engines = {
  emporium: async (q: { text: string; category?: string }) =>
    (
      await ours.value.search({
        text: q.text,
        category: q.category,
        reachable,
        sort: 'relevance',
        offset: 0,
        limit: 20,
      })
    ).total,
  minisearch: (q: { text: string; category?: string }) =>
    Promise.resolve(
      mini.value.search(q.text, {
        filter: (hit) => deliverable.has(hit.id as string) && (!q.category || hit.category === q.category),
      }).length,
    ),
  orama: async (q: { text: string; category?: string }) =>
    (
      await oramaSearch(orama.value, {
        term: q.text,
        tolerance: 1,
        limit: 20,
        boost: { name: 3, brand: 2 },
        ...(q.category ? { where: { category: { eq: q.category } } } : {}),
      })
    ).count,
  // Orama has no callback filter: it answers without the delivery filter, so it does a little less work.
};

const rows: Record<string, Record<string, string>> = {};
const emptyWhereMiniFinds: Record<string, number> = {};
for (const [name, run] of Object.entries(engines)) {
  for (const list of Object.values(queries)) for (const q of list.slice(0, 20)) await run(q);
  const all: number[] = [];
  for (const [queryClass, list] of Object.entries(queries)) {
    const times: number[] = [];
    for (const q of list) {
      const t0 = performance.now();
      const found = await run(q);
      times.push(performance.now() - t0);
      if (name === 'emporium' && found === 0 && (await engines.minisearch(q)) > 0)
        emptyWhereMiniFinds[queryClass] = (emptyWhereMiniFinds[queryClass] ?? 0) + 1;
    }
    all.push(...times);
    rows[`${name}: ${queryClass}`] = {
      'p50 ms': percentile(times, 0.5).toFixed(3),
      'p99 ms': percentile(times, 0.99).toFixed(3),
    };
  }
  rows[`${name}: all`] = { 'p50 ms': percentile(all, 0.5).toFixed(3), 'p99 ms': percentile(all, 0.99).toFixed(3) };
}

console.log(`search, ${ITEMS.toLocaleString('en-US')} items, ${PER_CLASS} queries per class, in process, one core`);
console.table({
  emporium: { 'build ms': ours.ms.toFixed(0), heap: megabytes(ours.heap) },
  minisearch: { 'build ms': mini.ms.toFixed(0), heap: megabytes(mini.heap) },
  orama: { 'build ms': orama.ms.toFixed(0), heap: megabytes(orama.heap) },
});
console.table(rows);
const ratio = Number(rows['emporium: all']!['p99 ms']) / Number(rows['minisearch: all']!['p99 ms']);
console.log(`emporium p99 / minisearch p99 = ${ratio.toFixed(3)} (target at most 0.1)`);
console.log(`queries where emporium found nothing but MiniSearch did: ${JSON.stringify(emptyWhereMiniFinds)}`);

function categoryClass(category: string): SearchDoc['itemClass'] {
  return (
    (
      {
        televisions: 'large',
        refrigerators: 'large',
        furniture: 'large',
        dairy: 'cold',
        laptops: 'fragile',
        phones: 'fragile',
      } as Record<string, SearchDoc['itemClass']>
    )[category] ?? 'standard'
  );
}
