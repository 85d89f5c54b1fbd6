// The storefront's pages in real Chromium on localhost: each page's weight on the wire (HTML, styles and
// scripts as sent, gzipped) and its time to first render (first contentful paint), on a first visit
// (nothing cached) and on repeat visits (the hashed assets cached, the HTML asked for again).
// Run: npm run bench bench/pages.ts
import type { Page, Response } from 'playwright-core';
import { demoItemId } from '../ingest/demo/items.ts';
import { launchBrowser } from '../test/web/browser.ts';
import { benchShop, jsonClient } from './http.ts';
import { percentile } from './stats.ts';

const ITEMS = 2000;
const PINCODE = '07030';
const REPEATS = 7;

/** Runs in the page (DOM types are not this project's): FCP is reported a frame after it happens. */
const TIMING = `new Promise((resolve) => {
  const done = (fcp) => {
    const nav = performance.getEntriesByType('navigation')[0];
    resolve({ fcp, server: nav.responseStart - nav.requestStart });
  };
  const seen = performance.getEntriesByName('first-contentful-paint')[0];
  if (seen) return done(seen.startTime);
  new PerformanceObserver((list) => done(list.getEntries()[0].startTime)).observe({ type: 'paint', buffered: true });
})`;

const shop = benchShop({ EMPORIUM_DEMO_ITEMS: String(ITEMS) });
const browser = await launchBrowser();
try {
  const url = await shop.url;
  const call = jsonClient(url);
  const wait = () => new Promise((r) => setTimeout(r, 200));
  while ((await call('GET', `/api/items/${demoItemId(ITEMS - 1)}`)).status !== 200) await wait();
  // The index has caught up once the total stops growing.
  const total = async () =>
    ((await call('GET', `/api/search?pincode=${PINCODE}&page_size=1`)).body as { total: number }).total;
  for (let last = -1, now = await total(); now !== last || now === 0; last = now, now = await total()) await wait();

  const { userId, token } = (
    await call('POST', '/api/users', { email: 'bench@example.com', password: 'bench-password', name: 'Bench' })
  ).body as { userId: string; token: string };
  await call(
    'POST',
    `/api/users/${userId}/addresses`,
    { line1: '1 River St', city: 'Hoboken', state: 'NJ', pincode: PINCODE },
    token,
  );
  const hits = (
    (await call('GET', `/api/search?q=phone&pincode=${PINCODE}&page_size=3`)).body as { hits: { itemId: string }[] }
  ).hits;
  for (const hit of hits.slice(0, 2))
    await call('POST', `/api/users/${userId}/cart/items`, { itemId: hit.itemId }, token);
  await call('POST', `/api/users/${userId}/wishlist/items`, { itemId: hits[2]!.itemId }, token);
  const order = (
    await fetch(`${url}/api/users/${userId}/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': 'bench-order-1',
      },
      body: JSON.stringify({ lines: [{ itemId: hits[0]!.itemId, quantity: 1 }], payment: { method: 'pay_success' } }),
    }).then((r) => r.json() as Promise<{ order: { orderId: string } }>)
  ).order;

  const { hostname } = new URL(url);
  await browser.context.addCookies([
    { name: 'emporium_session', value: encodeURIComponent(`${userId}:${token}`), domain: hostname, path: '/' },
    { name: 'emporium_pincode', value: PINCODE, domain: hostname, path: '/' },
  ]);
  const pages: [string, string][] = [
    ['home', '/'],
    ['search', '/search?q=phone'],
    ['search, misspelt', '/search?q=smasung'],
    ['search, filtered', '/search?q=shirt&category=shirts&attr.size=M&sort=price_asc'],
    ['category', '/c/televisions'],
    ['item', `/item/${hits[0]!.itemId}`],
    ['cart', '/cart'],
    ['wishlist', '/wishlist'],
    ['checkout', '/checkout'],
    ['orders', '/orders'],
    ['order', `/orders/${order.orderId}`],
    ['sign in', '/signin'],
  ];

  const rows = [];
  for (const [name, path] of pages) {
    const first = await visit(await browser.newPage(), url + path, true);
    const page = await browser.newPage();
    const again: Visit[] = [];
    for (let i = 0; i < REPEATS; i++) again.push(await visit(page, url + path, false));
    await page.close();
    rows.push({
      page: name,
      'HTML gz': kb(first.html),
      'CSS+JS gz': kb(first.assets),
      'first visit FCP': ms(first.fcp),
      'repeat FCP p50': ms(
        percentile(
          again.map((v) => v.fcp),
          0.5,
        ),
      ),
      'server p50': ms(
        percentile(
          again.map((v) => v.server),
          0.5,
        ),
      ),
      'repeat bytes': kb(
        percentile(
          again.map((v) => v.html + v.assets),
          0.5,
        ),
      ),
    });
  }
  console.table(rows);
} finally {
  await browser.close();
  await shop.stop();
}

interface Visit {
  /** Bytes on the wire of the document (body as sent, gzipped, plus headers). */
  html: number;
  /** Bytes on the wire of stylesheets and scripts. */
  assets: number;
  /** First contentful paint, ms from the start of navigation. */
  fcp: number;
  /** From sending the request to the first byte of the answer. */
  server: number;
}

/** Loads the page and measures it; `fresh` pages start with an empty cache (a new page in a cleared context). */
async function visit(page: Page, url: string, fresh: boolean): Promise<Visit> {
  const cdp = await page.context().newCDPSession(page);
  if (fresh) await cdp.send('Network.clearBrowserCache');
  const sizes: Promise<{ type: string; bytes: number }>[] = [];
  const onResponse = (response: Response) => {
    const type = response.request().resourceType();
    if (!['document', 'stylesheet', 'script'].includes(type)) return;
    sizes.push(
      response
        .request()
        .sizes()
        .then((s) => ({ type, bytes: s.responseBodySize + s.responseHeadersSize })),
    );
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'load' });
  const timing = await page.evaluate<{ fcp: number; server: number }>(TIMING);
  page.off('response', onResponse);
  await cdp.detach();
  const got = await Promise.all(sizes);
  if (fresh) await page.close();
  const sum = (f: (t: string) => boolean) => got.filter((g) => f(g.type)).reduce((n, g) => n + g.bytes, 0);
  return { html: sum((t) => t === 'document'), assets: sum((t) => t !== 'document'), ...timing };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}
