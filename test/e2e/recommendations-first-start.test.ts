// A first start with demo data and no model: a simulated history is published and trained on, so a
// demo shopper signs in to recommendations of their own.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestShop, type TestShop } from '../support/shop.ts';
import { waitFor } from '../support/wait-for.ts';

let t: TestShop;
beforeAll(async () => {
  t = await openTestShop({
    EMPORIUM_DEMO_ITEMS: '300',
    EMPORIUM_DEMO_TRAFFIC: '0',
    EMPORIUM_RECS_HISTORY_DAYS: '7',
    EMPORIUM_RECS_HISTORY_SHOPPERS: '60',
  });
  await t.shop.recommendationsBootstrapped();
});
afterAll(async () => {
  await t?.close();
});

it('backfills a simulated history, trains, and serves a demo shopper their own recommendations', async () => {
  const session = await t.api('POST', '/sessions', {
    email: 'taste.1.0@demo.emporium.example',
    password: 'emporium-demo',
  });
  expect(session.status).toBe(200);
  const { userId, token } = session.body as { userId: string; token: string };
  let answer: { version: string | null; items: { source: string }[] } = { version: null, items: [] };
  // The catalog applies the demo items as it consumes the feed; recommendations name only items it holds.
  await waitFor(
    'model recommendations for the demo shopper',
    async () => {
      answer = (await t.api('GET', `/users/${userId}/recommendations?limit=10`, undefined, token))
        .body as typeof answer;
      return answer.items.some((i) => i.source === 'model');
    },
    20_000,
  );
  expect(answer.version).toMatch(/^\d{8}T/);
});
