// Recommendations through the HTTP API: the shopper's own lists, similar items and popular ones, each cut
// to what is in stock and deliverable to the shopper, back-filled from the live reports, and counted.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoItems } from '../../ingest/demo/items.ts';
import { fakeClock } from '../../platform/clock.ts';
import { SqliteRecommendationStore } from '../../serving/recommendations/store/sqlite-recommendation-store.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';
import { waitFor } from '../support/wait-for.ts';

interface Answer {
  version: string | null;
  pincode: string | null;
  backfilled: number;
  items: { itemId: string; source: string; delivery: { warehouseId: string } | null }[];
}

describe('recommendations over HTTP', () => {
  let t: TestShop;
  const all = [...demoItems({ seed: 3, count: 400 })];
  const shirts = all.filter((i) => i.category === 'shirts').slice(0, 4);
  const [shirt, similarShirt, popularShirt, soldOut] = shirts as [
    (typeof all)[0],
    (typeof all)[0],
    (typeof all)[0],
    (typeof all)[0],
  ];
  const tv = all.find((i) => i.category === 'televisions')!;
  // Tokens are checked against the real time, so the fake one starts from it.
  const clock = fakeClock(Date.now());
  let shopper: { userId: string; token: string };
  let other: { userId: string; token: string };
  const get = async (url: string, token?: string) => {
    const res = await t.api('GET', url, undefined, token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Answer;
  };
  const ids = (a: Answer) => a.items.map((i) => `${i.itemId}:${i.source}`);

  beforeAll(async () => {
    t = await openTestShop({}, { clock });
    for (const item of [...shirts, tv])
      await t.api('PUT', `/items/${item.itemId}`, { ...item, itemId: undefined }, await t.staff());
    for (const item of [shirt, similarShirt, popularShirt])
      await t.api('PUT', `/inventory/${item.itemId}/warehouses/wh-01-newark`, { available: 5 }, await t.staff());
    await t.api('PUT', `/inventory/${tv.itemId}/warehouses/wh-01-newark`, { available: 2 }, await t.staff());
    await t.api('PUT', `/inventory/${soldOut.itemId}/warehouses/wh-01-newark`, { available: 0 }, await t.staff());
    const signUp = async (name: string) =>
      (await t.api('POST', '/users', { email: `${name}@example.com`, password: 'recommend!', name })).body as {
        userId: string;
        token: string;
      };
    shopper = await signUp('honolulu');
    other = await signUp('someone');
    // Honolulu: shirts fly there, a television does not.
    await t.api(
      'POST',
      `/users/${shopper.userId}/addresses`,
      { line1: '1 Beach Rd', city: 'Honolulu', state: 'HI', pincode: '96813' },
      shopper.token,
    );

    // A trained version as the training job writes it, in the shop's own store.
    const store = new SqliteRecommendationStore(path.join(t.config.dataDir, 'recommendations.db'));
    await store.start();
    const writer = await store.begin('20260601T000000000Z-aaaaaa');
    const list = (...items: string[]) => items.map((itemId, i) => ({ itemId, score: 1 - i / 10 }));
    await writer.putShoppers([
      {
        userId: shopper.userId,
        general: list(tv.itemId, soldOut.itemId, 'itm-gone', shirt.itemId),
        byCategory: { shirts: list(soldOut.itemId, shirt.itemId) },
      },
    ]);
    await writer.putSimilar([{ itemId: shirt.itemId, similar: list(similarShirt.itemId, tv.itemId) }]);
    await writer.publish();
    await store.close();

    // Views of one shirt now, and one a few minutes on, so the live report's window covers the first ones.
    for (let i = 0; i < 5; i++) await t.api('POST', `/items/${popularShirt.itemId}/views`);
    clock.advance(3 * 60_000);
    await t.api('POST', `/items/${tv.itemId}/views`);
    await waitFor(
      'popular items in the live report',
      async () => (await get('/recommendations/popular?category=shirts')).items.length > 0,
      20_000,
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it("answers the shopper's own list without what is sold out, unknown or undeliverable, back-filled from popular", async () => {
    const answer = await get(`/users/${shopper.userId}/recommendations?limit=3`, shopper.token);
    expect(answer).toMatchObject({ version: '20260601T000000000Z-aaaaaa', pincode: '96813', backfilled: 1 });
    expect(ids(answer)).toEqual([`${shirt.itemId}:model`, `${popularShirt.itemId}:popular`]);
    expect(answer.items[0]!.delivery).toMatchObject({ warehouseId: 'wh-01-newark' });
    // Near Newark the television can come, and is first.
    const newark = await get(`/users/${shopper.userId}/recommendations?limit=1&pincode=07030`, shopper.token);
    expect(ids(newark)).toEqual([`${tv.itemId}:model`]);
    const shirtsOnly = await get(`/users/${shopper.userId}/recommendations?category=shirts`, shopper.token);
    expect(ids(shirtsOnly)).toEqual([`${shirt.itemId}:model`, `${popularShirt.itemId}:popular`]);
  });

  it('lets only the shopper themself see their recommendations', async () => {
    expect((await t.api('GET', `/users/${shopper.userId}/recommendations`)).status).toBe(401);
    expect((await t.api('GET', `/users/${shopper.userId}/recommendations`, undefined, other.token)).status).toBe(403);
  });

  it('answers similar items and popular ones to anyone, for a pincode, and new shoppers get popular ones', async () => {
    const similar = await get(`/items/${shirt.itemId}/similar?pincode=96813`);
    expect(ids(similar)).toEqual([`${similarShirt.itemId}:model`, `${popularShirt.itemId}:popular`]);
    expect((await t.api('GET', '/items/itm-nothing/similar')).status).toBe(404);
    const fresh = await get(`/users/${other.userId}/recommendations`, other.token);
    expect(fresh.items.map((i) => i.source).every((s) => s === 'popular')).toBe(true);
    expect(fresh.items.map((i) => i.itemId)).toContain(popularShirt.itemId);
    expect((await t.api('GET', '/recommendations/popular?pincode=00000')).status).toBe(404);
  });

  it('counts the answers that needed back-fill', async () => {
    const metrics = await (await t.shop.http.request('/metrics')).text();
    const backfilled = /emporium_recommendations_backfilled_total\{list="shopper"\} (\d+)/.exec(metrics)?.[1];
    expect(Number(backfilled)).toBeGreaterThanOrEqual(2);
  });
});
