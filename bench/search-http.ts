// Search over HTTP against the embedded shop in its own process, on the demo catalog (100k items by
// default): a mixed query set arriving at a steady 1,000 searches/s (open loop), then as fast as 32
// connections asking back to back get answers.
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { demoItemId, demoItems } from '../ingest/demo/items.ts';
import { demoPincodes } from '../ingest/demo/places.ts';
import { randomFor } from '../ingest/demo/random.ts';
import { terms } from '../serving/search/index/text.ts';
import { benchShop, cpuTime, figures, settled, staffToken } from './http.ts';
import { openLoop } from './open-loop.ts';

const ITEMS = Number(process.env.ITEMS ?? 100_000);
const SECONDS = Number(process.env.SECONDS ?? 10);
const RATE = 1000;
const CONNECTIONS = 32;

// The same five classes as the in-process bench, from the catalog's own words, over many shoppers' pincodes.
const r = randomFor(7, 98, 0);
const sample = [...demoItems({ seed: 1, count: Math.min(ITEMS, 5000) })];
/** A word of the item's name (a random item's by default). */
const word = (item = r.pick(sample)) =>
  r.pick(terms(item.name).filter((t) => t.length >= 5 && /^[a-z]+$/.test(t))) ?? 'shirt';
const typo = (w: string) => {
  const i = r.int(1, w.length - 2);
  return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
};
const pincodes = demoPincodes(200).map((p) => p.code);
const paths = Array.from({ length: 2000 }, (_, i) => {
  const item = r.pick(sample);
  // The filtered class searches a word of an item in the category it filters by.
  const text = [
    () => word(),
    () => `${item.brand.split(' ')[0]} ${terms(item.name).at(-3) ?? ''}`,
    () => word().slice(0, 3),
    () => typo(word()),
    () => word(item),
  ][i % 5]!();
  const filter = i % 5 === 4 ? `&category=${item.category}` : '';
  return `/api/search?q=${encodeURIComponent(text)}&pincode=${r.pick(pincodes)}${filter}`;
});

const started = performance.now();
const shop = benchShop({ EMPORIUM_DEMO_ITEMS: String(ITEMS) });
try {
  const url = await shop.url;
  // Stock levels are staff's to read; searches are anyone's (the token is sent to both, harmlessly).
  const staff = await staffToken(url, shop.dataDir);
  const get = async (path: string) =>
    (await fetch(url + path, { headers: { authorization: `Bearer ${staff}` } })).json() as Promise<{
      total?: number;
      levels?: unknown[];
    }>;
  // Demo items, then their stock, are seeded in the background after start; the index follows both.
  const lastStocked = `/api/inventory/${demoItemId(ITEMS - 1)}`;
  while (!(await get(lastStocked)).levels?.length) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  let total = -1;
  for (let now = (await get(`/api/search?pincode=${pincodes[0]}&page_size=1`)).total ?? 0; now !== total;) {
    total = now;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    now = (await get(`/api/search?pincode=${pincodes[0]}&page_size=1`)).total ?? 0;
  }
  console.log(
    `shop seeded and indexed in ${((performance.now() - started) / 1000).toFixed(1)} s; ${total.toLocaleString('en-US')} items deliverable to ${pincodes[0]}`,
  );

  let next = 0;
  const path = () => paths[next++ % paths.length]!;
  // Flat out, also the shop's CPU time per request (see cpuTime): autocannon counts every request it sends.
  const flatOut = async () => {
    const before = cpuTime(shop.pid);
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [{ method: 'GET', setupRequest: (request: object) => ({ ...request, path: path() }) }],
    });
    const cpu = cpuTime(shop.pid, before);
    const perRequest = (us: number) => Math.round(us / result.requests.total);
    return {
      ...figures(result),
      'request thread µs/request': perRequest(cpu.requestThreadUs),
      'all threads µs/request': perRequest(cpu.allThreadsUs),
    };
  };
  for (const path of paths.slice(0, 200)) await get(path);
  const steady = (next: () => string) => openLoop({ url, rate: RATE, seconds: SECONDS, next, shopPid: shop.pid });
  // Seeding leaves work behind (its garbage, its log to checkpoint): the first row shows that, the second
  // the steady state. The last row is the floor under every request on this machine (HTTP, middleware,
  // a small answer) with no search in it, once the searches before have been worked through; the
  // client's own CPU comes out of the same two cores.
  const rows = {
    [`steady ${RATE}/s, open loop, first ${SECONDS} s`]: await steady(path),
    [`steady ${RATE}/s, open loop, next ${SECONDS} s`]: await steady(path),
    [`as fast as it goes, ${CONNECTIONS} connections`]: await flatOut(),
    [`GET /health, steady ${RATE}/s: no search`]: await settled(shop.pid).then(() => steady(() => '/health')),
  };
  console.log(
    `search over HTTP, ${ITEMS.toLocaleString('en-US')} items, embedded shop in its own process, ${SECONDS} s per row`,
  );
  console.table(rows);
} finally {
  await shop.stop();
}
