// What the shop learns, in real Chromium: staff watch the dashboard's top sellers and revenue change as
// orders are placed, without a reload; a visitor sees what is popular right now; a shopper sees their own
// recommendations, a category's and similar items. Screenshots land in test-results/dashboard/.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteRecommendationStore } from '../../serving/recommendations/store/sqlite-recommendation-store.ts';
import { waitFor } from '../support/wait-for.ts';
import { launchBrowser, screenshot, type Browser } from './browser.ts';
import { openWebShop, PINCODE, type WebShop } from './web-shop.ts';

const SUITE = 'dashboard';
/**
 * The shop's clock starts ten minutes behind the wall clock and the test moves it on a minute at a time:
 * a report's windows end at whole minutes of event time, so each move closes the minute that holds the
 * orders just placed. (Behind, never ahead: tokens issued ahead of the wall clock are refused.)
 */
let offset = -10 * 60_000;
const clock = () => Date.now() + offset;

/** Moves event time past the next whole minute and makes an event there, so the watermark crosses it. */
async function closeTheMinute(itemId: string) {
  offset += 60_000;
  expect((await shop.api('POST', `/items/${itemId}/views`)).status).toBeLessThan(300);
}

let shop: WebShop;
let browser: Browser;

beforeAll(async () => {
  [shop, browser] = await Promise.all([
    openWebShop({ EMPORIUM_REPORTS_LATENESS_SECONDS: '0', EMPORIUM_DEMO_TRAFFIC: '0' }, { clock }),
    launchBrowser(),
  ]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

/** The first `count` items of a category that search shows for PINCODE. */
async function deliverable(category: string, count: number) {
  const answer = await shop.api('GET', `/search?pincode=${PINCODE}&category=${category}&page_size=${count}`);
  return (answer.body as { hits: { itemId: string; name: string }[] }).hits;
}

/** A shopper with an address who orders `quantity` of `itemId` and pays. */
async function order(email: string, itemId: string, quantity: number) {
  const { userId, token } = (await shop.api('POST', '/users', { email, password: 'correct horse', name: 'Buyer' }))
    .body as { userId: string; token: string };
  await shop.api(
    'POST',
    `/users/${userId}/addresses`,
    { line1: '1 River St', city: 'Hoboken', state: 'NJ', pincode: PINCODE },
    token,
  );
  expect((await shop.api('POST', `/users/${userId}/cart/items`, { itemId, quantity }, token)).status).toBe(200);
  const placed = await shop.api('POST', `/users/${userId}/orders`, { payment: { method: 'pay_success' } }, token, {
    'idempotency-key': `dashboard-${email}`,
  });
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
}

describe('the live dashboard in Chromium', { timeout: 120_000 }, () => {
  it('shows staff the top sellers and revenue, and changes when orders are placed, without a reload', async () => {
    const [first, second] = await deliverable('phones', 2);
    await order('first@example.com', first!.itemId, 1);
    await closeTheMinute(first!.itemId);

    const page = await browser.newPage();
    await page.goto(`${shop.url}/signup`);
    await page.getByLabel('Your name').fill('Staff');
    await page.getByLabel('Email').fill('staff@example.com');
    await page.getByLabel('Password (at least 8 characters)').fill('correct horse');
    await page.getByRole('button', { name: 'Create account' }).click();
    // Signed up a shopper; made staff as `emporium access staff add` would (once the account exists).
    await waitFor('the staff account', () =>
      shop.shop.access.setRole('staff@example.com', 'staff').then(
        () => true,
        () => false,
      ),
    );
    await page.goto(`${shop.url}/dashboard?window=5`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Live dashboard');
    const board = page.locator('#board');
    await board.getByRole('link', { name: first!.name }).waitFor({ timeout: 30_000 });
    await page.evaluate(() => ((globalThis as unknown as { stayed: boolean }).stayed = true));
    await screenshot(page, SUITE, '01-first-order');

    await order('second@example.com', second!.itemId, 3);
    await order('third@example.com', second!.itemId, 2);
    await closeTheMinute(first!.itemId);
    // The second item overtakes the first: 5 bought against 1, with revenue for both orders' category.
    const top = board.locator('tbody tr').first();
    // (A report may come between the two orders when the wall clock crosses a minute: wait for both.)
    await top.getByRole('link', { name: second!.name }).waitFor({ timeout: 30_000 });
    await top.locator('.tally', { hasText: /^5$/ }).waitFor({ timeout: 30_000 });
    expect(await board.locator('.revenue').textContent()).toContain('Mobile phones');
    expect(await page.evaluate(() => (globalThis as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await page.getByRole('status').textContent()).toContain('Live');
    await screenshot(page, SUITE, '02-overtaken');

    await page.getByLabel('Metric').selectOption('viewed');
    await page.waitForURL(/metric=viewed/);
    expect(await page.getByRole('heading', { name: /Most viewed, last 5 minutes/ }).count()).toBe(1);
    await page.close();
  });
});

describe('popular right now in Chromium', { timeout: 120_000 }, () => {
  it('shows a visitor with a ZIP code the items popular right now, each with its promise', async () => {
    const [book] = await deliverable('books', 1);
    await order('reader@example.com', book!.itemId, 4);
    await closeTheMinute(book!.itemId);

    // The home page shows the report it finds when asked: wait until the report counting the order is out.
    await waitFor(
      'the ordered book among the popular items',
      async () =>
        (
          (await shop.api('GET', `/recommendations/popular?pincode=${PINCODE}`)).body as { items: { itemId: string }[] }
        ).items.some((i) => i.itemId === book!.itemId),
      30_000,
    );
    const page = await browser.newPage();
    await page.goto(shop.url);
    await page.locator('#pincode').fill(PINCODE);
    await page.getByRole('button', { name: 'Use this ZIP' }).click();
    const popular = page.getByRole('list', { name: 'Popular right now' });
    const card = popular.locator('.card', { hasText: book!.name });
    expect(await card.locator('.promise').textContent()).toMatch(/^Arrives (Mon|Tue|Wed|Thu|Fri|Sat|Sun) /);
    await screenshot(page, SUITE, '03-visitor-popular');
    await page.close();
  });
});

describe("a shopper's recommendations in Chromium", { timeout: 120_000 }, () => {
  it('shows their own list, a row per category they like, the category page and similar items', async () => {
    const [shoes, toys] = [await deliverable('shoes', 3), await deliverable('toys', 3)];
    const { userId, token } = (
      await shop.api('POST', '/users', { email: 'fan@example.com', password: 'correct horse', name: 'Fan' })
    ).body as { userId: string; token: string };

    // A trained version as the training job writes it, in the shop's own store, before the shopper comes;
    // named after now, so it is newer than any the shop has.
    const store = new SqliteRecommendationStore(path.join(shop.config.dataDir, 'recommendations.db'));
    await store.start();
    const writer = await store.begin(`${new Date().toISOString().replace(/[-:.]/g, '')}-webweb`);
    const list = (hits: { itemId: string }[]) => hits.map(({ itemId }, i) => ({ itemId, score: 1 - i / 10 }));
    await writer.putShoppers([
      { userId, general: list([...shoes, ...toys]), byCategory: { shoes: list(shoes), toys: list(toys) } },
    ]);
    await writer.putSimilar([{ itemId: shoes[0]!.itemId, similar: list(shoes.slice(1)) }]);
    await writer.publish();
    await store.close();
    // The shop reuses its read of the current version for a second, so a switch reaches requests within it.
    await waitFor('the shop to serve the new version', async () => {
      const answer = await shop.api('GET', `/users/${userId}/recommendations?pincode=${PINCODE}`, undefined, token);
      return (answer.body as { version: string | null }).version === writer.version;
    });

    const page = await browser.newPage();
    await page.goto(`${shop.url}/signin`);
    await page.getByLabel('Email').fill('fan@example.com');
    await page.getByLabel('Password').fill('correct horse');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Welcome back, Fan' }).waitFor();

    if (!(await page.getByText(`Delivering to ${PINCODE}`).count())) {
      await page.locator('#pincode').fill(PINCODE);
      await page.getByRole('button', { name: 'Use this ZIP' }).click();
      // Leaving before the form's answer would drop the ZIP cookie, and with it every row.
      await page.getByText(`Delivering to ${PINCODE}`).waitFor();
    }
    await page.goto(shop.url);
    const forYou = page.getByRole('list', { name: 'Recommended for you' });
    await forYou.locator('.card-name').nth(5).waitFor();
    // The model's six first, then popular items fill the row of eight.
    const names = await forYou.locator('.card-name').allTextContents();
    expect(names.slice(0, 6)).toEqual([...shoes, ...toys].map((h) => h.name));
    expect(await page.getByRole('list', { name: 'Shoes for you' }).locator('.card').count()).toBe(shoes.length);
    expect(await page.getByRole('list', { name: 'Toys for you' }).locator('.card').count()).toBe(toys.length);
    await screenshot(page, SUITE, '04-shopper-home');

    await page.goto(`${shop.url}/c/toys`);
    const here = page.getByRole('list', { name: 'Recommended for you in Toys' });
    expect(await here.locator('.card-name').first().textContent()).toBe(toys[0]!.name);

    await page.goto(`${shop.url}/item/${shoes[0]!.itemId}`);
    const similar = page.getByRole('list', { name: 'Similar items' });
    expect(await similar.locator('.card-name').allTextContents()).toEqual(shoes.slice(1).map((h) => h.name));
    await screenshot(page, SUITE, '05-similar');
    await page.close();
  });
});
