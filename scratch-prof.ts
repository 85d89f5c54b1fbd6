import { performance } from 'node:perf_hooks';
import { demoItems } from './ingest/demo/items.ts';
import { demoNetwork } from './ingest/demo/network.ts';
import { demoStock, demoPincodes } from './ingest/demo/places.ts';
import { randomFor } from './ingest/demo/random.ts';
import { MemoryIndex } from './serving/search/index/memory-index.ts';
import type { SearchDoc } from './serving/search/index/search-index.ts';
import { terms } from './serving/search/index/text.ts';
import { TableBuilder } from './serving/serviceability/table-builder.ts';
import { categoryById } from './serving/catalog/taxonomy.ts';

const ITEMS = Number(process.env.ITEMS ?? 100_000);
const docs: SearchDoc[] = [...demoItems({ seed: 1, count: ITEMS })].map((item) => ({ ...item, itemClass: categoryById(item.category)!.itemClass }));
const network = demoNetwork();
const table = new TableBuilder(network).build();
const warehouses = network.warehouses.map((w) => w.id);
const stock = docs.flatMap((d, i) => demoStock(1, i, warehouses.length).map((s) => ({ itemId: d.itemId, warehouseId: warehouses[s.warehouse]!, inStock: s.available > 0 })));
const index = new MemoryIndex();
await index.upsert(docs);
await index.setStock(stock);
const t0 = performance.now(); console.log('laid out', index.layOut(), (performance.now() - t0).toFixed(0), 'ms');
const r = randomFor(7, 98, 0);
const sample = docs.slice(0, 5000);
const word = () => r.pick(terms(r.pick(sample).name).filter((t) => t.length >= 5 && /^[a-z]+$/.test(t))) ?? 'shirt';
const typo = (w: string) => { const i = r.int(1, w.length - 2); return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2); };
const pincodes = demoPincodes(200).map((p) => p.code).filter((p) => table.reachable(p));
const classes = ['word', 'two', 'prefix', 'typo', 'filtered'];
const qs = Array.from({ length: 2000 }, (_, i) => {
  const item = r.pick(sample);
  const text = [word(), `${item.brand.split(' ')[0]} ${terms(item.name).at(-3) ?? ''}`, word().slice(0, 3), typo(word()), word()][i % 5]!;
  return { cls: classes[i % 5]!, text, category: i % 5 === 4 ? item.category : undefined, reachable: table.reachable(r.pick(pincodes))! };
});
const ms: Record<string, number> = {};
const totals: Record<string, number> = {};
const rounds = Number(process.env.ROUNDS ?? 3);
for (let round = 0; round < rounds; round++) {
  for (const q of qs) {
    const t0 = performance.now();
    const res = await index.search({ text: q.text, category: q.category, attributes: {}, reachable: q.reachable, sort: 'relevance', offset: 0, limit: 20 });
    ms[q.cls] = (ms[q.cls] ?? 0) + performance.now() - t0;
    totals[q.cls] = (totals[q.cls] ?? 0) + res.total;
  }
}
const n = 400 * rounds;
if (rounds) console.log(Object.fromEntries(classes.map((c) => [c, { msPerQuery: (ms[c]! / n).toFixed(3), avgTotal: Math.round(totals[c]! / n) }])), 'mean all', (Object.values(ms).reduce((a, b) => a + b) / (n * 5)).toFixed(3));
const proto = MemoryIndex.prototype as unknown as { run: (...a: unknown[]) => unknown };
const origRun = proto.run;
let runs = 0;
proto.run = function (this: unknown, ...a: unknown[]) { runs++; return origRun.apply(this, a); };
const perClass: Record<string, number> = {};
for (const q of qs) { const before = runs; await index.search({ text: q.text, category: q.category, attributes: {}, reachable: q.reachable, sort: 'relevance', offset: 0, limit: 20 }); perClass[q.cls] = (perClass[q.cls] ?? 0) + runs - before - 1; }
console.log('reruns per class (of 400)', perClass);
