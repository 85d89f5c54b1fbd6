// Cart add+get over HTTP against the embedded shop running as its own process, many shoppers at once.
import autocannon from 'autocannon';
import { demoItemId } from '../ingest/demo/items.ts';
import { benchShop, figures, jsonClient } from './http.ts';

const SHOPPERS = Number(process.env.SHOPPERS ?? 64);
const SECONDS = Number(process.env.SECONDS ?? 5);
const ITEMS = 500;

const shop = benchShop({ EMPORIUM_DEMO_ITEMS: String(ITEMS) });
try {
  const url = await shop.url;
  const call = jsonClient(url);
  // The demo catalog is applied by the item service in the background after start.
  while ((await call('GET', `/api/items/${demoItemId(ITEMS - 1)}`)).status !== 200)
    await new Promise((r) => setTimeout(r, 100));

  const shoppers = await Promise.all(
    Array.from({ length: SHOPPERS }, async (_, i) => {
      const res = await call('POST', '/api/users', {
        email: `bench-${i}@example.com`,
        password: 'bench-password',
        name: `Bench ${i}`,
      });
      return res.body as { userId: string; token: string };
    }),
  );

  /** One autocannon run; each connection is one shopper, cycling over twenty items (a cart of a realistic size; lines stay under their quantity limit). */
  const run = async (requests: ('add' | 'get')[], connections: number) => {
    // Empty carts, so no line reaches its limit and every run reads carts of the same size.
    await Promise.all(shoppers.map((s) => call('DELETE', `/api/users/${s.userId}/cart`, undefined, s.token)));
    if (requests.length === 1 && requests[0] === 'get') {
      await Promise.all(
        shoppers.flatMap((s, i) =>
          Array.from({ length: 10 }, (_, k) =>
            call('POST', `/api/users/${s.userId}/cart/items`, { itemId: demoItemId((i * 10 + k) % ITEMS) }, s.token),
          ),
        ),
      );
    }
    let next = 0;
    const result = await autocannon({
      url,
      connections,
      duration: SECONDS,
      setupClient(client) {
        const shopper = next++;
        const { userId, token } = shoppers[shopper % shoppers.length]!;
        const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
        let adds = 0;
        const add = {
          method: 'POST' as const,
          path: `/api/users/${userId}/cart/items`,
          headers,
          setupRequest: (request: object) => ({
            ...request,
            body: JSON.stringify({ itemId: demoItemId((shopper * 10 + (adds++ % 20)) % ITEMS), quantity: 1 }),
          }),
        };
        const get = { method: 'GET' as const, path: `/api/users/${userId}/cart`, headers };
        client.setRequests(requests.map((r) => (r === 'add' ? add : get)));
      },
    });
    return figures(result);
  };

  const rows: Record<string, object> = {};
  for (const connections of [...new Set([16, 32, SHOPPERS])]) {
    rows[`add, ${connections} shoppers`] = await run(['add'], connections);
    rows[`get, ${connections} shoppers`] = await run(['get'], connections);
    rows[`add+get, ${connections} shoppers`] = await run(['add', 'get'], connections);
  }
  console.log(`cart over HTTP, embedded shop in its own process, one connection per shopper, ${SECONDS} s per row`);
  console.table(rows);
} finally {
  await shop.stop();
}
