// The storefront's pages over HTTP, without a browser: the session cookie's flags, forms refused from
// another site, the API still answering JSON, compressed pages and long-cached assets.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoItems } from '../../ingest/demo/items.ts';
import { ORDERS_PAGE } from '../../serving/web/shop-api.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';

describe('storefront over HTTP', () => {
  let t: TestShop;
  const origin = 'http://localhost';
  const page = (path: string, init: RequestInit = {}) => t.shop.http.request(path, init);
  const form = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    page(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin, ...headers },
      body: new URLSearchParams(fields).toString(),
    });

  beforeAll(async () => {
    t = await openTestShop();
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs up through the form into an HttpOnly, SameSite=Lax session cookie, and signs out', async () => {
    const res = await form('/signup', { name: 'Ada', email: 'ada@example.com', password: 'analytical', next: '/cart' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/cart');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^emporium_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const cart = await page('/cart', { headers: { cookie: cookie.split(';')[0]! } });
    expect(cart.status).toBe(200);
    expect(await cart.text()).toContain('Your cart is empty');
    const out = await form('/signout', {}, { cookie: cookie.split(';')[0]! });
    expect(out.headers.get('set-cookie')).toMatch(/emporium_session=;.*Max-Age=0/);
  });

  it('refuses a form too large to be one of its own', async () => {
    const res = await form('/signin', { email: 'ada@example.com', password: 'x'.repeat(100_000) });
    expect(res.status).toBe(413);
  });

  it('refuses a form posted from another site', async () => {
    const res = await form(
      '/signin',
      { email: 'ada@example.com', password: 'analytical' },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('names the field at fault on the form, and never sends a shopper to another site after signing in', async () => {
    const wrong = await form('/signup', { name: 'Bob', email: 'not-an-email', password: 'longenough' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toMatch(/aria-invalid="true"/);
    const res = await form('/signin', { email: 'ada@example.com', password: 'analytical', next: '//evil.example/x' });
    expect(res.headers.get('location')).toBe('/');
  });

  it('sends a visitor to sign in before the cart, and back afterwards', async () => {
    const res = await page('/cart');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/signin?next=%2Fcart');
  });

  it('pages the orders list with older-orders links until every order has shown once', async () => {
    const item = { ...[...demoItems({ seed: 3, count: 30 })].find((i) => i.category === 'shirts')!, itemId: undefined };
    const { itemId } = (await t.api('PUT', '/items/orders-page-shirt', item, await t.staff())).body as {
      itemId: string;
    };
    await t.api('PUT', `/inventory/${itemId}/warehouses/wh-01-newark`, { available: 100 }, await t.staff());
    const shopper = (
      await t.api('POST', '/users', { email: 'olga@example.com', password: 'many orders', name: 'Olga' })
    ).body as { userId: string; token: string };
    await t.api(
      'POST',
      `/users/${shopper.userId}/addresses`,
      { line1: '1 River St', city: 'Hoboken', state: 'NJ', pincode: '07030' },
      shopper.token,
    );
    for (let i = 0; i < ORDERS_PAGE + 2; i++)
      await t.api(
        'POST',
        `/users/${shopper.userId}/orders`,
        { lines: [{ itemId, quantity: 1 }], payment: { method: 'pay_success' } },
        shopper.token,
        { 'idempotency-key': `orders-page-${i}` },
      );
    const cookie = `emporium_session=${shopper.userId}:${shopper.token}`;
    const shown: string[] = [];
    for (let path: string | undefined = '/orders', pages = 0; path !== undefined; pages++) {
      expect(pages).toBeLessThan(3);
      const html: string = await (await page(path, { headers: { cookie } })).text();
      shown.push(...[...html.matchAll(/href="\/orders\/([^"]+)"/g)].map((m) => m[1]!));
      const next: string | undefined = /href="(\/orders\?cursor=[^"]+)" rel="next"/.exec(html)?.[1];
      path = next?.replaceAll('&amp;', '&');
    }
    expect(shown).toHaveLength(ORDERS_PAGE + 2);
    expect(new Set(shown).size).toBe(ORDERS_PAGE + 2);
    // A cursor edited by hand starts again from the newest.
    const edited = await page('/orders?cursor=bogus', { headers: { cookie } });
    expect([edited.status, edited.headers.get('location')]).toEqual([303, '/orders']);
  });

  it('leaves the API to the API: unknown API paths still answer JSON', async () => {
    const res = await page('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'not_found' });
  });

  it('gzips pages and serves assets under hashed names, cached for a year', async () => {
    const home = await page('/', { headers: { 'accept-encoding': 'gzip' } });
    expect(home.headers.get('content-encoding')).toBe('gzip');
    // In process nothing decodes the body on the way, as a browser would.
    const html = gunzipSync(Buffer.from(await home.arrayBuffer())).toString();
    const css = /href="(\/static\/style\.[0-9a-f]{10}\.css)"/.exec(html)![1]!;
    const asset = await page(css, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect((await page('/static/style.0000000000.css')).status).toBe(404);
  });
});
