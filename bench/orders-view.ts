// The orders view of a shopper with a long history: 10,000 archived orders and 50 live ones, against the
// shop in its own process (embedded: the SQLite archive; with EMPORIUM_CASSANDRA_URL and the other real
// servers set: Cassandra). First pages, pages deep in the archive by cursor, and a status filter at a
// steady rate (open loop), each with the shop's CPU per request, beside the /health floor.
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../platform/config.ts';
import { createOrderArchive } from '../serving/orders/archive/create-order-archive.ts';
import type { Order } from '../serving/orders/order.ts';
import { encodeCursor } from '../serving/orders/order-pages.ts';
import { testNamespace } from '../test/support/namespace.ts';
import { benchShop, jsonClient, settled, staffToken } from './http.ts';
import { openLoop } from './open-loop.ts';

const ARCHIVED = Number(process.env.ARCHIVED ?? 10_000);
const LIVE = Number(process.env.LIVE ?? 50);
const SECONDS = Number(process.env.SECONDS ?? 10);
const RATE = Number(process.env.RATE ?? 500);
const DAY = 86_400_000;

// On the real servers, under a namespace of its own that is dropped afterwards (as the real suites do).
const ns = process.env.EMPORIUM_CASSANDRA_URL ? testNamespace('bench_orders') : undefined;
const env = { ...ns?.env, EMPORIUM_DEMO_ITEMS: '200', EMPORIUM_DEMO_TRAFFIC: '0', EMPORIUM_RECS_HISTORY_SHOPPERS: '1' };
const shop = benchShop(env);
try {
  const url = await shop.url;
  const call = jsonClient(url);
  const staff = await staffToken(url, shop.dataDir);
  const { userId, token } = (
    await call('POST', '/api/users', { email: 'long-history@example.com', password: 'bench-password', name: 'Long' })
  ).body as { userId: string; token: string };
  await call(
    'POST',
    `/api/users/${userId}/addresses`,
    { line1: '1 River St', city: 'Hoboken', state: 'NJ', pincode: '07030' },
    token,
  );

  // The live orders through checkout, of an item stocked for them.
  const item = ((await call('GET', '/api/search?q=shirt&pincode=07030&limit=1')).body as { hits: { itemId: string }[] })
    .hits[0]!;
  await call('PUT', `/api/inventory/${item.itemId}/warehouses/wh-01-newark`, { available: LIVE * 2 }, staff);
  for (let i = 0; i < LIVE; i++) {
    const res = await fetch(`${url}/api/users/${userId}/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({ lines: [{ itemId: item.itemId, quantity: 1 }], payment: { method: 'pay_success' } }),
    });
    if (res.status !== 201) throw new Error(`checkout answered ${res.status}: ${await res.text()}`);
  }

  // The archived history, written into the archive the shop reads (one order a day or so, going back).
  const template = (
    (await call('GET', `/api/users/${userId}/orders?limit=1`, undefined, token)).body as { orders: Order[] }
  ).orders[0]!;
  const now = Date.now();
  const history: Order[] = Array.from({ length: ARCHIVED }, (_, i) => ({
    ...template,
    orderId: `hist-${String(i).padStart(6, '0')}`,
    clientKey: `hist-${i}`,
    status: i % 10 === 0 ? 'CANCELLED' : 'DELIVERED',
    createdAt: now - 60 * DAY - i * 3_600_000,
    updatedAt: now - 59 * DAY - i * 3_600_000,
    deliveredAt: i % 10 === 0 ? null : now - 59 * DAY - i * 3_600_000,
  }));
  const archive = createOrderArchive(loadConfig({ ...process.env, ...env, EMPORIUM_DATA_DIR: shop.dataDir }));
  await archive.start();
  for (let i = 0; i < history.length; i += 500) await archive.put(history.slice(i, i + 500));
  await archive.close();

  const auth = { authorization: `Bearer ${token}` };
  const get = (path: string) => ({ method: 'GET' as const, path, headers: auth });
  let n = 0;
  const deep = () => {
    // A cursor at a random depth of the archive: the page a shopper reaches by scrolling that far.
    const at = history[(n++ * 7919) % history.length]!;
    return get(`/api/users/${userId}/orders?limit=20&cursor=${encodeCursor(at)}`);
  };
  const steady = (next: Parameters<typeof openLoop>[0]['next']) =>
    openLoop({ url, rate: RATE, seconds: SECONDS, next, shopPid: shop.pid });
  await settled(shop.pid);
  const rows = {
    [`first page (20: live then archived) ${RATE}/s`]: await steady(() => get(`/api/users/${userId}/orders?limit=20`)),
    [`a page deep in the archive, by cursor`]: await settled(shop.pid).then(() => steady(deep)),
    [`?status=CANCELLED, first page`]: await settled(shop.pid).then(() =>
      steady(() => get(`/api/users/${userId}/orders?limit=20&status=CANCELLED`)),
    ),
    [`GET /health ${RATE}/s: the floor`]: await settled(shop.pid).then(() => steady(() => '/health')),
  };
  const where = process.env.EMPORIUM_CASSANDRA_URL ? 'Cassandra archive' : 'SQLite archive';
  console.log(
    `orders view, one shopper with ${ARCHIVED} archived and ${LIVE} live orders (${where}), ${SECONDS} s per row`,
  );
  console.table(rows);
} finally {
  await shop.stop();
  await ns?.drop();
}
