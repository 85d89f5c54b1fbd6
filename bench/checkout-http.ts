// Checkout over HTTP against the embedded shop in its own process: 128 buyers ordering back to back on
// one hot item, then spread over many items (the throughput), then orders arriving at the target rates
// whether or not earlier ones have answered (the latency a shopper sees at that rate). After every run,
// an oversell check: units sold = units gone from stock, no count below zero; and the shop's CPU time
// per placed order (see cpuTime), on its request thread and on all its threads.
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { demoItemId, demoItems } from '../ingest/demo/items.ts';
import { benchShop, cpuTime, figures, jsonClient, settled, staffToken } from './http.ts';
import { openLoop } from './open-loop.ts';

const BUYERS = Number(process.env.BUYERS ?? 128);
const SECONDS = Number(process.env.SECONDS ?? 10);
const SPREAD_ITEMS = 1000;
// The targets: 1,000 placed orders/s on one hot item, 2,000/s spread, p99 under 50 ms.
const HOT_RATE = 1000;
const SPREAD_RATE = 2000;
const STOCK = 1_000_000;
const WAREHOUSE = 'wh-01-newark';
// Items of classes the Newark warehouse sends to Hoboken (07030) by road: everything but cold goods.
const items = [...demoItems({ seed: 1, count: 3000 })].filter((i) => i.category !== 'dairy').slice(0, SPREAD_ITEMS);

const shop = benchShop({ EMPORIUM_DEMO_ITEMS: '3000' });
try {
  const url = await shop.url;
  const call = jsonClient(url);
  const staff = await staffToken(url, shop.dataDir);
  while ((await call('GET', `/api/items/${items.at(-1)!.itemId}`)).status !== 200)
    await new Promise((r) => setTimeout(r, 100));
  // Demo stock is seeded after the items; wait for it so it cannot overwrite the counts set here.
  while (
    !((await call('GET', `/api/inventory/${demoItemId(2999)}`, undefined, staff)).body as { levels: unknown[] }).levels
      .length
  ) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const buyers = await Promise.all(
    Array.from({ length: BUYERS }, async (_, i) => {
      const { userId, token } = (
        await call('POST', '/api/users', {
          email: `buyer-${i}@example.com`,
          password: 'bench-password',
          name: `Buyer ${i}`,
        })
      ).body as { userId: string; token: string };
      await call(
        'POST',
        `/api/users/${userId}/addresses`,
        { line1: '1 River St', city: 'Hoboken', state: 'NJ', pincode: '07030' },
        token,
      );
      return { userId, token };
    }),
  );

  // Each checkout is one buyer's order of one unit from the pool, with a fresh idempotency key.
  const checkout = (pool: string[]) => {
    let n = 0;
    return () => {
      const buyer = buyers[n % buyers.length]!;
      return {
        method: 'POST' as const,
        path: `/api/users/${buyer.userId}/orders`,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${buyer.token}`,
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify({
          lines: [{ itemId: pool[(n++ * 7919) % pool.length], quantity: 1 }],
          payment: { method: 'pay_success' },
        }),
      };
    };
  };
  const flatOut = async (pool: string[]) => {
    const next = checkout(pool);
    const result = await autocannon({
      url,
      connections: BUYERS,
      duration: SECONDS,
      requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
    });
    return figures(result);
  };
  const steady = (rate: number) => (pool: string[]) => openLoop({ url, rate, seconds: SECONDS, next: checkout(pool) });

  const run = async (name: string, pool: string[], load: (pool: string[]) => Promise<Record<string, unknown>>) => {
    for (const itemId of pool)
      await call('PUT', `/api/inventory/${itemId}/warehouses/${WAREHOUSE}`, { available: STOCK }, staff);
    const startedAt = Date.now();
    const cpuBefore = cpuTime(shop.pid);
    const { 'req/s': placedPerSecond, ...latency } = await load(pool);
    const cpu = cpuTime(shop.pid, cpuBefore);
    // Placed orders as the database has them: a run stops with answers still in flight.
    const orders = new Database(path.join(shop.dataDir, 'orders.db'), { readonly: true });
    await new Promise((r) => setTimeout(r, 500));
    const { placed } = orders
      .prepare("select count(*) as placed from orders where status = 'PLACED' and created_at >= ?")
      .get(startedAt) as { placed: number };
    const { held } = orders
      .prepare(
        "select coalesce(sum(r.quantity), 0) as held from reservations r join orders o on o.order_id = r.order_id where o.status = 'PLACED' and r.released = 0 and o.created_at >= ?",
      )
      .get(startedAt) as { held: number };
    const levels = orders
      .prepare(`select available from stock where warehouse_id = ? and item_id in (${pool.map(() => '?').join(',')})`)
      .all(WAREHOUSE, ...pool) as { available: number }[];
    const { negative } = orders.prepare('select count(*) as negative from stock where available < 0').get() as {
      negative: number;
    };
    orders.close();
    const sold = levels.reduce((sum, l) => sum + (STOCK - l.available), 0);
    return {
      [name]: {
        'placed/s': placedPerSecond,
        'request thread µs/order': Math.round(cpu.requestThreadUs / placed),
        'all threads µs/order': Math.round(cpu.allThreadsUs / placed),
        ...latency,
        'placed (database)': placed.toLocaleString('en-US'),
        'units gone from stock': sold.toLocaleString('en-US'),
        oversold:
          held === sold && placed === sold && negative === 0
            ? 'none'
            : `MISMATCH: ${held} units held by placed orders, ${negative} counts below zero`,
      },
    };
  };

  const hot = [items[0]!.itemId];
  const spread = items.map((i) => i.itemId);
  const rows = {
    ...(await run(`one hot item, ${BUYERS} buyers flat out`, hot, flatOut)),
    ...(await run(`spread over ${SPREAD_ITEMS} items, ${BUYERS} buyers flat out`, spread, flatOut)),
    ...(await run(`one hot item, steady ${HOT_RATE}/s open loop`, hot, steady(HOT_RATE))),
    ...(await run(`spread over ${SPREAD_ITEMS} items, steady ${SPREAD_RATE}/s open loop`, spread, steady(SPREAD_RATE))),
    // The floor under every request on this machine (HTTP, middleware, a small answer), with no checkout
    // in it, once the orders before have been worked through.
    [`GET /health, steady ${SPREAD_RATE}/s: no checkout`]: await settled(shop.pid).then(() =>
      openLoop({ url, rate: SPREAD_RATE, seconds: SECONDS, next: () => '/health', shopPid: shop.pid }),
    ),
  };
  console.log(
    `checkout over HTTP, embedded shop in its own process, ${BUYERS} buyers, ${SECONDS} s per row, simulated gateway answering at once`,
  );
  console.table(rows);
} finally {
  await shop.stop();
}
