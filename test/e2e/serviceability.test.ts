// Serviceability through the HTTP API: which warehouse can deliver an item to a pincode and by when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoItems } from '../../ingest/demo/items.ts';
import { fakeClock } from '../../platform/clock.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';

interface Reach {
  itemId: string;
  deliverable: boolean;
  reason?: string;
  warehouseId?: string;
  tatMinutes?: number;
  deliverBy?: string;
}

describe('serviceability over HTTP', () => {
  let t: TestShop;
  const items = [...demoItems({ seed: 3, count: 400 })];
  const shirt = items.find((i) => i.category === 'shirts')!;
  const tv = items.find((i) => i.category === 'televisions')!;
  const clock = fakeClock(Date.parse('2026-06-01T08:00:00Z'));
  const reach = async (pincode: string, ...ids: string[]) => {
    const res = await t.api('GET', `/serviceability?pincode=${pincode}&itemIds=${ids.join(',')}`);
    expect(res.status).toBe(200);
    return (res.body as { items: Reach[] }).items;
  };

  beforeAll(async () => {
    t = await openTestShop({}, { clock });
    for (const item of [shirt, tv])
      await t.api('PUT', `/items/${item.itemId}`, { ...item, itemId: undefined }, await t.staff());
    await t.api('PUT', `/inventory/${shirt.itemId}/warehouses/wh-01-newark`, { available: 5 }, await t.staff());
    await t.api('PUT', `/inventory/${shirt.itemId}/warehouses/wh-03-los-angeles`, { available: 5 }, await t.staff());
    await t.api('PUT', `/inventory/${tv.itemId}/warehouses/wh-01-newark`, { available: 2 }, await t.staff());
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers from the fastest stocked warehouse, with a promised day', async () => {
    const [nearNewark] = await reach('07030', shirt.itemId);
    expect(nearNewark).toMatchObject({ deliverable: true, warehouseId: 'wh-01-newark' });
    const [nearLa] = await reach('90012', shirt.itemId);
    expect(nearLa).toMatchObject({ deliverable: true, warehouseId: 'wh-03-los-angeles' });
    expect(nearLa!.deliverBy! >= '2026-06-01').toBe(true);
  });

  it('cannot send a large appliance where no route carries it, though a shirt gets there', async () => {
    const [shirtReach, tvReach] = await reach('96813', shirt.itemId, tv.itemId);
    expect(shirtReach).toMatchObject({ deliverable: true });
    expect(tvReach).toEqual({ itemId: tv.itemId, deliverable: false, reason: 'not deliverable to this pincode' });
  });

  it('says why an item cannot come: out of stock, or unknown', async () => {
    await t.api('PUT', `/inventory/${tv.itemId}/warehouses/wh-01-newark`, { available: 0 }, await t.staff());
    expect(await reach('07030', tv.itemId, 'no-such-item')).toEqual([
      { itemId: tv.itemId, deliverable: false, reason: 'out of stock' },
      { itemId: 'no-such-item', deliverable: false, reason: 'unknown item' },
    ]);
  });

  it('refuses a malformed pincode with 400 and an unknown one with 404, naming the field', async () => {
    expect(await t.api('GET', `/serviceability?pincode=7030&itemIds=${shirt.itemId}`)).toMatchObject({
      status: 400,
      body: { field: 'pincode' },
    });
    expect(await t.api('GET', `/serviceability?pincode=00000&itemIds=${shirt.itemId}`)).toMatchObject({
      status: 404,
      body: { field: 'pincode' },
    });
  });

  it('applies a route change to the live table: closing the last mile to a pincode makes it unreachable', async () => {
    const closed = await t.api(
      'DELETE',
      `/serviceability/routes/${encodeURIComponent('lastmile:hub-070>07030')}`,
      undefined,
      await t.staff(),
    );
    expect(closed.status).toBe(200);
    expect((closed.body as { changedCells: number }).changedCells).toBeGreaterThan(0);
    const [after] = await reach('07030', shirt.itemId);
    expect(after).toMatchObject({ deliverable: false, reason: 'not deliverable to this pincode' });
    expect((await t.api('DELETE', '/serviceability/routes/no-such-route', undefined, await t.staff())).status).toBe(
      404,
    );
  });
});
