// Recommendations leave out what the shopper already bought, except in categories people buy again (dairy),
// and fill the page from popular items instead, counted as back-fill.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoItems } from '../../ingest/demo/items.ts';
import { fakeClock } from '../../platform/clock.ts';
import { BOUGHT_TTL_MS } from '../../serving/recommendations/bought-items.ts';
import { SqliteRecommendationStore } from '../../serving/recommendations/store/sqlite-recommendation-store.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';
import { waitFor } from '../support/wait-for.ts';

interface Answer {
  backfilled: number;
  items: { itemId: string; source: string }[];
}

let t: TestShop;
const all = [...demoItems({ seed: 5, count: 400 })];
const [shirt, otherShirt, popularShirt] = all.filter((i) => i.category === 'shirts');
const milk = all.find((i) => i.category === 'dairy')!;
// Tokens are checked against the real time, so the fake one starts from it.
const clock = fakeClock(Date.now());
let shopper: { userId: string; token: string };
const recommended = async (url: string) => {
  const res = await t.api('GET', url, undefined, shopper.token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const answer = res.body as Answer;
  return { ids: answer.items.map((i) => `${i.itemId}:${i.source}`), backfilled: answer.backfilled };
};
const metric = async (name: string) =>
  Number(
    new RegExp(`${name}\\{list="shopper"\\} (\\d+)`).exec(await (await t.shop.http.request('/metrics')).text())?.[1] ??
      0,
  );

beforeAll(async () => {
  t = await openTestShop({}, { clock });
  for (const item of [shirt!, otherShirt!, popularShirt!, milk]) await t.stock(item, 5);
  shopper = await t.shopper('buyer');
  const store = new SqliteRecommendationStore(path.join(t.config.dataDir, 'recommendations.db'));
  await store.start();
  const writer = await store.begin('20260601T000000000Z-bought');
  const list = (...items: string[]) => items.map((itemId, i) => ({ itemId, score: 1 - i / 10 }));
  await writer.putShoppers([
    { userId: shopper.userId, general: list(shirt!.itemId, milk.itemId, otherShirt!.itemId), byCategory: {} },
  ]);
  await writer.putSimilar([{ itemId: otherShirt!.itemId, similar: list(shirt!.itemId, popularShirt!.itemId) }]);
  await writer.publish();
  await store.close();
  // Views of one shirt now, and one a few minutes on, so the live report's window covers the first ones.
  for (let i = 0; i < 5; i++) await t.api('POST', `/items/${popularShirt!.itemId}/views`);
  clock.advance(3 * 60_000);
  await t.api('POST', `/items/${popularShirt!.itemId}/views`);
  const popular = async () =>
    ((await t.api('GET', '/recommendations/popular?category=shirts')).body as Answer).items.length > 0;
  await waitFor('popular items in the live report', popular, 20_000);
});
afterAll(async () => {
  await t.close();
});

it('drops a bought shirt but keeps bought milk, back-filling from popular, once the bought items are read again', async () => {
  const url = `/users/${shopper.userId}/recommendations?limit=3`;
  const before = await recommended(url);
  expect(before).toEqual({
    ids: [`${shirt!.itemId}:model`, `${milk.itemId}:model`, `${otherShirt!.itemId}:model`],
    backfilled: 0,
  });
  const backfills = await metric('emporium_recommendations_backfilled_total');

  const placed = await t.api(
    'POST',
    `/users/${shopper.userId}/orders`,
    {
      lines: [
        { itemId: shirt!.itemId, quantity: 1 },
        { itemId: milk.itemId, quantity: 2 },
      ],
      payment: { method: 'pay_success' },
    },
    shopper.token,
    { 'idempotency-key': 'bought-shirt-and-milk' },
  );
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);

  // The shopper's bought items are reused for a few seconds, then read again.
  expect((await recommended(url)).ids).toEqual(before.ids);
  clock.advance(BOUGHT_TTL_MS + 1);
  const after = await recommended(url);
  expect(after).toEqual({
    ids: [`${milk.itemId}:model`, `${otherShirt!.itemId}:model`, `${popularShirt!.itemId}:popular`],
    backfilled: 1,
  });
  expect(await metric('emporium_recommendations_backfilled_total')).toBe(backfills + 1);
  expect(await metric('emporium_recommendations_dropped_bought_total')).toBe(1);

  // Items like another shirt leave the bought one out too, for this shopper only.
  const similar = await recommended(`/items/${otherShirt!.itemId}/similar?limit=2`);
  expect(similar.ids[0]).toBe(`${popularShirt!.itemId}:model`);
  expect(similar.ids.join()).not.toContain(shirt!.itemId);
  const visitor = await t.api('GET', `/items/${otherShirt!.itemId}/similar?limit=2`);
  expect((visitor.body as Answer).items[0]!.itemId).toBe(shirt!.itemId);
});
