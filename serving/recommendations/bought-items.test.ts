// A shopper's bought items are read once per BOUGHT_TTL_MS, and an unreadable order history leaves the
// filter out for that request rather than failing it.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../platform/logger.ts';
import { BOUGHT_TTL_MS, BoughtItems } from './bought-items.ts';
import type { PastOrder } from './bought.ts';

describe('bought items', () => {
  it('reuses a read within the TTL, answers none while the orders are unreadable, and asks again after', async () => {
    let now = Date.UTC(2026, 11, 3);
    let reads = 0;
    let down = false;
    const orders: PastOrder[] = [{ status: 'PLACED', lines: [{ itemId: 'shirt', category: 'shirts' }] }];
    const bought = new BoughtItems({
      ordersOf: () => {
        reads++;
        return down ? Promise.reject(new Error('archive down')) : Promise.resolve(orders);
      },
      buysAgain: () => false,
      clock: () => now,
      logger: silentLogger,
    });
    expect([...(await bought.of('ann'))]).toEqual(['shirt']);
    await bought.of('ann');
    expect(reads).toBe(1);
    now += BOUGHT_TTL_MS + 1;
    down = true;
    expect([...(await bought.of('ann'))]).toEqual([]);
    expect([...(await bought.of('ann'))]).toEqual([]);
    expect(reads).toBe(3);
    down = false;
    expect([...(await bought.of('ann'))]).toEqual(['shirt']);
  });
});
