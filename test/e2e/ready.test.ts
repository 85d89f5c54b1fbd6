// /ready on a freshly seeded shop: it says ready only once search holds the whole demo catalog.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestShop, type TestShop } from '../support/shop.ts';
import { waitFor } from '../support/wait-for.ts';

const ITEMS = 1500;
let t: TestShop;

beforeAll(async () => {
  t = await openTestShop({ EMPORIUM_DEMO_ITEMS: String(ITEMS) });
});
afterAll(() => t.close());

it('answers 503 until the search index holds every seeded item, then 200', { timeout: 90_000 }, async () => {
  // Each answer is checked the moment it comes: a 200 while the index lacks items is the bug.
  let indexedAtReady = -1;
  await waitFor(
    '/ready to answer 200',
    async () => {
      const res = await t.shop.http.request('/ready');
      if (res.status !== 200) {
        expect(res.status).toBe(503);
        expect(await res.json()).toEqual({ status: 'starting' });
        return false;
      }
      indexedAtReady = await t.shop.searchIndex.count();
      return true;
    },
    80_000,
  );
  expect(indexedAtReady).toBe(ITEMS);
  expect((await t.api('GET', '/items?limit=1')).status).toBe(200);
});
