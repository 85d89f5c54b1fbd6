// A hostile client against every family of field: NUL bytes, over-long strings, odd unicode, deep and
// huge bodies, malformed callbacks and unknown ids each get a clear 4xx naming the field, and nothing is stored.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoItems } from '../../ingest/demo/items.ts';
import type { Order } from '../../serving/orders/order.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';

interface Shopper {
  userId: string;
  token: string;
}

/** Strings no id, name or address line may hold, each with what it is. */
const HOSTILE: [string, string][] = [
  ['a NUL byte', 'ab\u0000cd'],
  ['a bell', 'ab\u0007cd'],
  ['a C1 control', 'ab\u0085cd'],
  ['a bidi override', 'ab\u202Ecd'],
  ['a lone surrogate', 'ab\uD800cd'],
  ['a byte-order mark', 'ab\uFEFFcd'],
  ['a noncharacter', 'abcd\uFFFF'],
  ['a line separator', 'ab\u2028cd'],
];
const MB = 'x'.repeat(1024 * 1024);
/** For a URL; a lone surrogate has no UTF-8 form, so it goes as the bytes a careless client would send. */
const inUrl = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
};

describe('bad input', () => {
  let t: TestShop;
  let ann: Shopper;
  const [item] = [...demoItems({ seed: 9, count: 40 })].filter((i) => i.category === 'shirts');
  const expectInvalid = (res: { status: number; body: unknown }, field: string) =>
    expect(res, field).toMatchObject({
      status: 400,
      body: { code: 'invalid', field, message: expect.any(String) as string },
    });

  beforeAll(async () => {
    t = await openTestShop();
    expect((await t.api('PUT', `/items/${item!.itemId}`, { ...item, itemId: undefined }, await t.staff())).status).toBe(
      201,
    );
    ann = (await t.api('POST', '/users', { email: 'ann@example.com', password: 'correct horse', name: 'Ann' }))
      .body as Shopper;
  });
  afterAll(() => t.close());

  it('refuses hostile and over-long ids in the path, naming the parameter', async () => {
    for (const [what, bad] of [...HOSTILE, ['65 characters', 'i'.repeat(65)], ['an accent', 'café']]) {
      const encoded = inUrl(bad!);
      expectInvalid(await t.api('GET', `/items/${encoded}`), 'itemId');
      expectInvalid(await t.api('GET', `/inventory/${encoded}`, undefined, await t.staff()), 'itemId');
      const line = await t.api('DELETE', `/users/${ann.userId}/cart/items/${encoded}`, undefined, ann.token);
      expect(line.status, what).toBe(400);
    }
  });

  it('refuses hostile query text, naming the parameter', async () => {
    // A lone surrogate has no UTF-8 form: its bytes in a query string do not decode, and stay as the ASCII sent.
    for (const [, bad] of HOSTILE.filter(([what]) => what !== 'a lone surrogate')) {
      expectInvalid(await t.api('GET', `/search?pincode=07030&q=${inUrl(bad)}`), 'q');
      expectInvalid(await t.api('GET', `/items?category=shirts&attr.size=${inUrl(bad)}`), 'attr.size');
    }
    expectInvalid(await t.api('GET', `/search?pincode=07030&q=${'q'.repeat(201)}`), 'q');
    expectInvalid(await t.api('GET', '/search?pincode=07030&category=spaceships'), 'category');
    expectInvalid(
      await t.api('GET', `/reports/top-items?category=ab${inUrl('\u0000')}`, undefined, await t.staff()),
      'category',
    );
    expectInvalid(
      await t.api('GET', `/reports/top-searches?category=${'c'.repeat(101)}`, undefined, await t.staff()),
      'category',
    );
    expectInvalid(await t.api('GET', `/serviceability?pincode=07030&itemIds=${'itm-1,'.repeat(2000)}`), 'itemIds');
    expectInvalid(await t.api('GET', `/serviceability?pincode=07030&itemIds=a${inUrl('\u0000')}`), 'itemIds');
    expectInvalid(
      await t.api('GET', '/reports/stream', undefined, await t.staff(), { 'last-event-id': '9'.repeat(4096) }),
      'last-event-id',
    );
  });

  it('refuses hostile names and address lines and stores none of them; odd but honest unicode is kept', async () => {
    const me = `/users/${ann.userId}`;
    for (const [what, bad] of [...HOSTILE, ['201 characters', 'n'.repeat(201)], ['a megabyte', MB]]) {
      expectInvalid(await t.api('PATCH', me, { name: bad }, ann.token), 'name');
      const address = { line1: bad, city: 'Hoboken', state: 'NJ', pincode: '07030' };
      expect(await t.api('POST', `${me}/addresses`, address, ann.token), what).toMatchObject({
        status: 400,
        body: { field: 'line1' },
      });
    }
    expectInvalid(
      await t.api(
        'POST',
        `${me}/addresses`,
        { line1: '1 Main', city: 'X', state: 'NJ', pincode: '0703\u0000' },
        ann.token,
      ),
      'pincode',
    );
    expect((await t.api('GET', me, undefined, ann.token)).body).toMatchObject({ name: 'Ann', addresses: [] });
    // Accents, CJK, emoji with joiners and combining marks are names people have.
    const honest = 'Zoë 李小龍 👩🏽‍💻 Ñandú';
    expect((await t.api('PATCH', me, { name: honest }, ann.token)).body).toMatchObject({ name: honest });
  });

  it('refuses hostile ids in a body and adds nothing to the cart', async () => {
    const cart = `/users/${ann.userId}/cart`;
    for (const [, bad] of [...HOSTILE, ['', 'i'.repeat(65)]])
      expectInvalid(await t.api('POST', `${cart}/items`, { itemId: bad, quantity: 1 }, ann.token), 'itemId');
    expectInvalid(await t.api('POST', `${cart}/items`, { itemId: 42 }, ann.token), 'itemId');
    expect((await t.api('GET', cart, undefined, ann.token)).body).toMatchObject({ lines: [] });
  });

  it('refuses an over-deep body with a 400 naming the body, and an over-large one with a 413', async () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    for (const path of ['/supplier/items/bulk', '/supplier/items', `/users/${ann.userId}/cart/items`]) {
      const res = await t.shop.http.request(`/api${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ann.token}` },
        body: path.endsWith('bulk') ? `{"items":${deep}}` : deep,
      });
      expect([path, res.status, await res.json()]).toEqual([
        path,
        400,
        { code: 'invalid', field: 'body', message: expect.stringContaining('nest') as string },
      ]);
    }
    const huge = await t.api('POST', `/users/${ann.userId}/cart/items`, { itemId: 'x', pad: MB.repeat(3) }, ann.token);
    expect(huge).toMatchObject({ status: 413, body: { code: 'payload_too_large', field: 'body' } });
    expect((await t.api('GET', `/users/${ann.userId}/cart`, undefined, ann.token)).body).toMatchObject({ lines: [] });
  });

  describe('checkout and the payment callback', () => {
    let order: Order;
    const orders = () => t.api('GET', `/users/${ann.userId}/orders`, undefined, ann.token);
    const callback = (fields: Record<string, unknown>, signed = true) => {
      const body = JSON.stringify(fields);
      return t.shop.http.request('/api/payments/callbacks', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-payment-signature': signed ? t.shop.orders.gateway.sign(body) : 'ab'.repeat(32),
        },
        body,
      });
    };
    const paid = (changes: Record<string, unknown>) => ({
      paymentId: `sim-${order.orderId}`,
      orderId: order.orderId,
      status: 'succeeded',
      amountMinor: order.totalMinor,
      ...changes,
    });

    beforeAll(async () => {
      await t.api(
        'POST',
        `/users/${ann.userId}/addresses`,
        { line1: '1 River St', city: 'Hoboken', state: 'NJ', pincode: '07030' },
        ann.token,
      );
      await t.api('PUT', `/inventory/${item!.itemId}/warehouses/wh-01-newark`, { available: 5 }, await t.staff());
    });

    it('refuses a hostile Idempotency-Key, line id or payment method, and creates no order', async () => {
      const buy = (key: string, line: Record<string, unknown> = {}, method = 'pay_no_answer') =>
        t.api(
          'POST',
          `/users/${ann.userId}/orders`,
          { lines: [{ itemId: item!.itemId, quantity: 1, ...line }], payment: { method } },
          ann.token,
          { 'idempotency-key': key },
        );
      for (const key of ['with a space', 'k'.repeat(129), 'short', 'clé-clé-clé'])
        expectInvalid(await buy(key), 'idempotency-key');
      expectInvalid(await buy(randomUUID(), { itemId: 'ab\u0000cd' }), 'lines.0.itemId');
      expectInvalid(await buy(randomUUID(), {}, 'pay\u202Esuccess'), 'payment.method');
      expect((await orders()).body).toEqual({ orders: [], nextCursor: null });

      const created = await buy(randomUUID());
      expect(created.status).toBe(202);
      order = (created.body as { order: Order }).order;
    });

    it('answers a signed callback with a malformed amountMinor or id with a 400 naming it, and applies none', async () => {
      for (const amountMinor of ['1000', null, 10.5, -1, undefined])
        expectInvalid(await parse(await callback(paid({ amountMinor }))), 'amountMinor');
      for (const paymentId of [MB, 'ab\u0000cd', ''])
        expectInvalid(await parse(await callback(paid({ paymentId }))), 'paymentId');
      expectInvalid(await parse(await callback(paid({ orderId: 'o'.repeat(65) }))), 'orderId');
      expectInvalid(await parse(await callback(paid({ status: 'maybe' }))), 'status');
      // Well formed but not signed by the gateway: still a 401 on the signature.
      expect(await parse(await callback(paid({}), false))).toMatchObject({
        status: 401,
        body: { field: 'x-payment-signature' },
      });
      expect(
        (await t.api('GET', `/users/${ann.userId}/orders/${order.orderId}`, undefined, ann.token)).body,
      ).toMatchObject({ order: { status: 'CREATED', paymentId: null } });
      expect(await parse(await callback(paid({})))).toMatchObject({
        status: 200,
        body: { order: { status: 'PLACED' } },
      });
    });
  });

  describe('supplier feed', () => {
    it('answers a refused item with { code, field, message }, and a bulk push with one result per item in that shape', async () => {
      const good = { ...item, itemId: 'bulk-good' };
      const single = await t.api('POST', '/supplier/items', { ...good, name: 'ab\u0000cd' }, await t.staff());
      expect(single).toEqual({
        status: 400,
        body: { code: 'invalid', field: 'name', message: expect.stringContaining('name') as string },
      });
      const bulk = await t.api(
        'POST',
        '/supplier/items/bulk',
        {
          items: [good, { ...good, itemId: 'bulk-bad', priceMinor: 9.5, brand: '' }],
        },
        await t.staff(),
      );
      expect(bulk).toEqual({
        status: 200,
        body: {
          accepted: 1,
          rejected: 1,
          results: [
            { status: 'accepted', itemId: 'bulk-good' },
            {
              status: 'rejected',
              errors: [
                { code: 'invalid', field: 'items.1.brand', message: expect.any(String) as string },
                { code: 'invalid', field: 'items.1.priceMinor', message: expect.any(String) as string },
              ],
            },
          ],
        },
      });
    });

    it('answers 404 for a withdrawal of an item that never existed, or is another supplier’s', async () => {
      expect(
        await t.api('DELETE', `/supplier/${item!.supplierId}/items/never-existed`, undefined, await t.staff()),
      ).toMatchObject({
        status: 404,
        body: { code: 'not_found', field: 'itemId' },
      });
      expect(
        (await t.api('DELETE', `/supplier/someone-else/items/${item!.itemId}`, undefined, await t.staff())).status,
      ).toBe(404);
      expect(
        (await t.api('DELETE', `/supplier/${item!.supplierId}/items/${item!.itemId}`, undefined, await t.staff()))
          .status,
      ).toBe(202);
    });
  });

  it('answers 404 for the stock of an item the catalog does not have', async () => {
    expect(await t.api('GET', '/inventory/no-such-item', undefined, await t.staff())).toMatchObject({
      status: 404,
      body: { code: 'not_found', field: 'itemId' },
    });
    expect(
      (await t.api('PUT', '/inventory/no-such-item/warehouses/wh-01-newark', { available: 3 }, await t.staff())).status,
    ).toBe(404);
  });
});

async function parse(res: Response): Promise<{ status: number; body: unknown }> {
  return { status: res.status, body: await res.json() };
}
