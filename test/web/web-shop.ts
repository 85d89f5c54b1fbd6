// A whole embedded shop with a small demo catalog, listening on a loopback port for a browser to visit.
import { demoItemId } from '../../ingest/demo/items.ts';
import { listen, type RunningServer } from '../../platform/http/server.ts';
import type { ShopOptions } from '../../app/shop.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';
import { waitFor } from '../support/wait-for.ts';

export const PINCODE = '07030';
const ITEMS = 300;

export interface WebShop extends TestShop {
  url: string;
}

/** Starts the shop, seeds its demo catalog and waits until search holds every item deliverable to PINCODE. */
export async function openWebShop(env: Record<string, string> = {}, options: ShopOptions = {}): Promise<WebShop> {
  const t = await openTestShop({ EMPORIUM_DEMO_ITEMS: String(ITEMS), EMPORIUM_DEMO_SEED: '1', ...env }, options);
  let server: RunningServer | undefined;
  try {
    await waitFor(
      'the catalog to hold the demo items',
      async () => ((await t.api('GET', '/items?limit=500')).body as { items: unknown[] }).items.length === ITEMS,
      60_000,
    );
    const ids = Array.from({ length: ITEMS }, (_, i) => demoItemId(i));
    let deliverable = 0;
    for (let i = 0; i < ids.length; i += 100) {
      const reach = await t.api('GET', `/serviceability?pincode=${PINCODE}&itemIds=${ids.slice(i, i + 100).join(',')}`);
      deliverable += (reach.body as { items: { deliverable: boolean }[] }).items.filter((r) => r.deliverable).length;
    }
    await waitFor(
      'the search index to hold every deliverable demo item',
      async () =>
        ((await t.api('GET', `/search?pincode=${PINCODE}&page_size=1`)).body as { total: number }).total ===
        deliverable,
      60_000,
    );
    server = await listen(t.shop.http, '127.0.0.1', 0);
  } catch (error) {
    await t.close();
    throw error;
  }
  const running = server;
  return {
    ...t,
    url: running.url,
    async close() {
      await running.close();
      await t.close();
    },
  };
}
