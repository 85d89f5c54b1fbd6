// Archiving across kill -9: an archive run is killed after a seeded random step (a batch copied but not yet
// deleted, or deleted), and between runs every order reads exactly once, by id and through the paged
// lists of its shopper and its seller; the next run finishes the move.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { randomFor } from '../../ingest/demo/random.ts';
import { pageOrders } from '../../serving/orders/order-pages.ts';
import type { OrdersOf } from '../../serving/orders/order-query.ts';
import type { NewOrder } from '../../serving/orders/order.ts';
import { openArchiveStores } from '../support/archive-stores.ts';

const child = path.join(import.meta.dirname, '../support/archive-child.ts');
const SHOPPERS = ['ann', 'bob', 'cem'];
const SELLER = 'sup-acme';
const ORDERS = 600;
const BATCH = 50;

function runChild(dir: string, crashAt: number): Promise<'killed' | number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dir, String(crashAt), String(BATCH)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.once('error', reject);
    proc.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0 && out.startsWith('done ')) resolve(Number(out.slice(5)));
      else reject(new Error(`archive child exited with ${code}: ${out}`));
    });
  });
}

/** Every order id a paged list shows, page by page, in order. */
async function pagedIds(stores: Awaited<ReturnType<typeof openArchiveStores>>, of: OrdersOf): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await pageOrders({ live: stores.orders, archive: stores.archive }, of, { limit: 37, cursor });
    ids.push(...page.orders.map((o) => o.orderId));
    cursor = page.next ?? undefined;
  } while (cursor);
  return ids;
}

describe('archiving across kill -9', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-archive-kill-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads every order exactly once after each kill, and the next run finishes the move', async () => {
    const made = new Map<string, string[]>(SHOPPERS.map((s) => [s, []]));
    const setup = await openArchiveStores(dir);
    await setup.stock.set('itm-mug', 'wh-a', ORDERS, 'stock take');
    const base = Date.now() - 86_400_000;
    for (let i = 0; i < ORDERS; i++) {
      const userId = SHOPPERS[i % SHOPPERS.length]!;
      const order: NewOrder = {
        orderId: `order-${String(i).padStart(4, '0')}`,
        userId,
        clientKey: `key-${i}`,
        pincode: '07030',
        lines: [
          {
            itemId: 'itm-mug',
            category: 'kitchen',
            quantity: 1,
            unitPriceMinor: 900,
            warehouseId: null,
            sellerId: SELLER,
          },
        ],
        totalMinor: 900,
        currency: 'USD',
        expiresAt: base + 1000,
        // Some share a millisecond, so paging breaks ties by id while orders move.
        createdAt: base + Math.floor(i / 3),
      };
      await setup.orders.create(order, new Map([['itm-mug', ['wh-a']]]));
      await setup.orders.cancel(order.orderId, 'expired', order.expiresAt);
      made.get(userId)!.push(order.orderId);
    }
    await setup.close();
    const all = [...made.values()].flat().sort();

    const r = randomFor(2026, 12, 3);
    const outcomes: (string | number)[] = [];
    for (let round = 0; round < 6; round++) {
      // Two steps per batch: an odd one dies with a batch copied and not yet deleted, an even one after.
      const crashAt = r.int(1, 4);
      const outcome = await runChild(dir, crashAt);
      outcomes.push(outcome);
      const stores = await openArchiveStores(dir);
      try {
        if (outcome === 'killed' && crashAt % 2 === 1) {
          const live = await stores.orders.finished(Date.now() + 1000, ORDERS);
          const inBoth = await Promise.all(live.map(async (o) => (await stores.archive.get(o.orderId)) !== undefined));
          expect(inBoth.filter(Boolean)).toHaveLength(BATCH);
        }
        for (const [userId, ids] of made) expect((await pagedIds(stores, { userId })).sort()).toEqual([...ids].sort());
        expect((await pagedIds(stores, { sellerId: SELLER })).sort()).toEqual(all);
        for (const orderId of Array.from({ length: 20 }, () => r.pick(all))) {
          const found = (await stores.orders.get(orderId)) ?? (await stores.archive.get(orderId));
          expect(found?.status).toBe('CANCELLED');
        }
      } finally {
        await stores.close();
      }
      if (outcome !== 'killed') break;
    }
    expect(outcomes).toContain('killed');
    // Whatever the kills left, one more run ends with every order archived and none live.
    await runChild(dir, 0);
    const stores = await openArchiveStores(dir);
    try {
      expect(await stores.orders.finished(Date.now() + 1000, 10)).toEqual([]);
      expect((await stores.archive.list({ sellerId: SELLER }, { limit: ORDERS + 1 })).length).toBe(ORDERS);
      expect((await pagedIds(stores, { sellerId: SELLER })).sort()).toEqual(all);
    } finally {
      await stores.close();
    }
  });
});
