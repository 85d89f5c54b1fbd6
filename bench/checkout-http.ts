// Checkout over HTTP against the embedded shop in its own process: 128 buyers at once on one hot item,
// then spread over many items; after every run, an oversell check (units sold = units gone from stock,
// no count below zero).
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { demoItemId, demoItems } from '../ingest/demo/items.ts';
import { spawnShop } from '../test/support/spawn-shop.ts';
import { jsonClient } from './http.ts';

const BUYERS = Number(process.env.BUYERS ?? 128);
const SECONDS = Number(process.env.SECONDS ?? 10);
const SPREAD_ITEMS = 1000;
const STOCK = 1_000_000;
const WAREHOUSE = 'wh-01-newark';
// Items of classes the Newark warehouse sends to Hoboken (07030) by road: everything but cold goods.
const items = [...demoItems({ seed: 1, count: 3000 })].filter((i) => i.category !== 'dairy').slice(0, SPREAD_ITEMS);

const shop = spawnShop('node', [...(process.env.PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), 'bin/emporium.mjs', 'serve', '--port', '0'], { EMPORIUM_DEMO_ITEMS: '3000' });
try {
  const url = await shop.url;
  const call = jsonClient(url);
  while ((await call('GET', `/api/items/${items.at(-1)!.itemId}`)).status !== 200) await new Promise((r) => setTimeout(r, 100));
  // Demo stock is seeded after the items; wait for it so it cannot overwrite the counts set here.
  while (!((await call('GET', `/api/inventory/${demoItemId(2999)}`)).body as { levels: unknown[] }).levels.length) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const buyers = await Promise.all(
    Array.from({ length: BUYERS }, async (_, i) => {
      const { userId, token } = (await call('POST', '/api/users', { email: `buyer-${i}@example.com`, password: 'bench-password', name: `Buyer ${i}` })).body as { userId: string; token: string };
      await call('POST', `/api/users/${userId}/addresses`, { line1: '1 River St', city: 'Hoboken', state: 'NJ', pincode: '07030' }, token);
      return { userId, token };
    }),
  );

  const run = async (name: string, pool: string[]) => {
    for (const itemId of pool) await call('PUT', `/api/inventory/${itemId}/warehouses/${WAREHOUSE}`, { available: STOCK });
    const startedAt = Date.now();
    let next = 0;
    let placed = 0;
    const result = await autocannon({
      url,
      connections: BUYERS,
      duration: SECONDS,
      setupClient(client) {
        const buyer = buyers[next++ % buyers.length]!;
        let n = 0;
        client.setRequests([
          {
            method: 'POST',
            path: `/api/users/${buyer.userId}/orders`,
            setupRequest: (request) => ({
              ...request,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${buyer.token}`, 'idempotency-key': randomUUID() },
              body: JSON.stringify({ lines: [{ itemId: pool[(next * 7919 + n++) % pool.length], quantity: 1 }], payment: { method: 'pay_success' } }),
            }),
          },
        ]);
        client.on('response', (statusCode: number) => {
          if (statusCode === 201) placed++;
        });
      },
    });
    // Placed orders as the database has them: autocannon drops answers still in flight when it stops.
    const orders = new Database(path.join(shop.dataDir, 'orders.db'), { readonly: true });
    await new Promise((r) => setTimeout(r, 500));
    const { placed: placedInDb } = orders
      .prepare("select count(*) as placed from orders where status = 'PLACED' and created_at >= ?")
      .get(startedAt) as { placed: number };
    const { held } = orders
      .prepare("select coalesce(sum(r.quantity), 0) as held from reservations r join orders o on o.order_id = r.order_id where o.status = 'PLACED' and r.released = 0 and o.created_at >= ?")
      .get(startedAt) as { held: number };
    const levels = orders.prepare(`select available from stock where warehouse_id = ? and item_id in (${pool.map(() => '?').join(',')})`).all(WAREHOUSE, ...pool) as { available: number }[];
    const { negative } = orders.prepare('select count(*) as negative from stock where available < 0').get() as { negative: number };
    orders.close();
    const sold = levels.reduce((sum, l) => sum + (STOCK - l.available), 0);
    return {
      [name]: {
        'placed/s': Math.round(placed / SECONDS).toLocaleString('en-US'),
        'p50 ms': result.latency.p50,
        'p99 ms': result.latency.p99,
        'max ms': result.latency.max,
        'placed (database)': placedInDb.toLocaleString('en-US'),
        'non-2xx or errors': result.non2xx + result.errors,
        'units gone from stock': sold.toLocaleString('en-US'),
        oversold: held === sold && placedInDb === sold && negative === 0 ? 'none' : `MISMATCH: ${held} units held by placed orders, ${negative} counts below zero`,
      },
    };
  };

  const rows = { ...(await run('one hot item', [items[0]!.itemId])), ...(await run(`spread over ${SPREAD_ITEMS} items`, items.map((i) => i.itemId))) };
  console.log(`checkout over HTTP, embedded shop in its own process, ${BUYERS} concurrent buyers, ${SECONDS} s per row, simulated gateway answering at once`);
  console.table(rows);
} finally {
  await shop.stop();
}
