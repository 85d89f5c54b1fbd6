// Every route of the running shop × every kind of caller: who may call what, as a table, and suppliers' own items.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoItems } from '../../ingest/demo/items.ts';
import { ACCESS_EXTENSION, type AccessLevel } from '../../platform/http/access.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';

/**
 * Who may call each route. A route the shop serves that is missing here (or here and not served) fails
 * the first test, so every new route is decided on by whoever adds it.
 */
const ROUTES: Record<string, AccessLevel> = {
  'GET /items/{itemId}': 'anyone',
  'PUT /items/{itemId}': 'staff',
  'PATCH /items/{itemId}': 'staff',
  'DELETE /items/{itemId}': 'staff',
  'POST /items/batch-get': 'anyone',
  'GET /items': 'anyone',
  'POST /items/{itemId}/views': 'anyone',
  'POST /supplier/items': 'supplier',
  'POST /supplier/items/bulk': 'supplier',
  'DELETE /supplier/{supplierId}/items/{itemId}': 'supplier',
  'POST /users': 'anyone',
  'POST /sessions': 'anyone',
  'GET /users/{userId}': 'shopper',
  'PATCH /users/{userId}': 'shopper',
  'POST /users/{userId}/addresses': 'shopper',
  'DELETE /users/{userId}/addresses/{addressId}': 'shopper',
  'PUT /users/{userId}/default-address': 'shopper',
  'GET /users/{userId}/cart': 'shopper',
  'DELETE /users/{userId}/cart': 'shopper',
  'POST /users/{userId}/cart/items': 'shopper',
  'PATCH /users/{userId}/cart/items/{itemId}': 'shopper',
  'DELETE /users/{userId}/cart/items/{itemId}': 'shopper',
  'POST /users/{userId}/cart/items/{itemId}/move-to-wishlist': 'shopper',
  'GET /users/{userId}/wishlist': 'shopper',
  'DELETE /users/{userId}/wishlist': 'shopper',
  'POST /users/{userId}/wishlist/items': 'shopper',
  'DELETE /users/{userId}/wishlist/items/{itemId}': 'shopper',
  'POST /users/{userId}/wishlist/items/{itemId}/move-to-cart': 'shopper',
  'GET /inventory/{itemId}': 'staff',
  'PUT /inventory/{itemId}/warehouses/{warehouseId}': 'staff',
  'GET /serviceability': 'anyone',
  'PATCH /serviceability/routes/{routeId}': 'staff',
  'DELETE /serviceability/routes/{routeId}': 'staff',
  'GET /search/suggestions': 'anyone',
  'GET /search': 'anyone',
  'POST /users/{userId}/orders': 'shopper',
  'GET /users/{userId}/orders': 'shopper',
  'GET /users/{userId}/orders/{orderId}': 'shopper',
  'GET /sellers/{sellerId}/orders': 'supplier',
  'PUT /suppliers/{supplierId}/contact': 'supplier',
  'GET /suppliers/{supplierId}/contact': 'supplier',
  'POST /payments/callbacks': 'anyone',
  'GET /reports/top-items': 'staff',
  'GET /reports/top-searches': 'staff',
  'GET /reports/revenue-by-category': 'staff',
  'GET /reports/stream': 'staff',
  'GET /users/{userId}/recommendations': 'shopper',
  'GET /items/{itemId}/similar': 'anyone',
  'GET /recommendations/popular': 'anyone',
  // The order decides who may see and move it: its shopper, the suppliers of its items, staff.
  'GET /orders/{orderId}': 'signed-in',
  'POST /orders/{orderId}/pack': 'signed-in',
  'POST /orders/{orderId}/ship': 'signed-in',
  'POST /orders/{orderId}/deliver': 'signed-in',
  'POST /orders/{orderId}/cancel': 'signed-in',
  'POST /orders/{orderId}/return': 'signed-in',
  'POST /orders/{orderId}/return/receive': 'signed-in',
};

type Caller = 'anonymous' | 'shopper' | 'other shopper' | 'staff' | 'supplier' | 'other supplier';
const CALLERS: Caller[] = ['anonymous', 'shopper', 'other shopper', 'staff', 'supplier', 'other supplier'];

/** What each caller gets: 'through' means past the access check (whatever the route then answers, never 401/403). */
const EXPECTED: Record<AccessLevel, Record<Caller, 401 | 403 | 'through'>> = {
  anyone: {
    anonymous: 'through',
    shopper: 'through',
    'other shopper': 'through',
    staff: 'through',
    supplier: 'through',
    'other supplier': 'through',
  },
  shopper: {
    anonymous: 401,
    shopper: 'through',
    'other shopper': 403,
    staff: 403,
    supplier: 403,
    'other supplier': 403,
  },
  staff: { anonymous: 401, shopper: 403, 'other shopper': 403, staff: 'through', supplier: 403, 'other supplier': 403 },
  // Any credential reaches the route; the order then decides (a made-up order is a 404 to everyone).
  'signed-in': {
    anonymous: 401,
    shopper: 'through',
    'other shopper': 'through',
    staff: 'through',
    supplier: 'through',
    'other supplier': 'through',
  },
  // The probe names the supplier's own id (sup-acme), so the other supplier's key is refused for it.
  supplier: {
    anonymous: 401,
    shopper: 403,
    'other shopper': 403,
    staff: 'through',
    supplier: 'through',
    'other supplier': 403,
  },
};

/** The bulk route refuses another supplier's records one by one in a 200 (see 'a supplier key' below). */
const EXCEPT: Record<string, Partial<Record<Caller, 'through'>>> = {
  'POST /supplier/items/bulk': { 'other supplier': 'through' },
};

const SUPPLIER = 'sup-acme';
const OTHER_SUPPLIER = 'sup-globex';

interface OpenApiDoc {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}

let t: TestShop;
let doc: OpenApiDoc;
const credential = {} as Record<Caller, string | undefined>;
let shopperId: string;

const signUp = async (name: string) =>
  (await t.api('POST', '/users', { email: `${name}@example.com`, password: 'password of ' + name, name })).body as {
    userId: string;
    token: string;
  };

beforeAll(async () => {
  t = await openTestShop();
  doc = (await (await t.shop.http.request('/openapi.json')).json()) as OpenApiDoc;
  const ann = await signUp('ann');
  shopperId = ann.userId;
  credential.anonymous = undefined;
  credential.shopper = ann.token;
  credential['other shopper'] = (await signUp('bob')).token;
  credential.staff = await t.staff();
  credential.supplier = await t.supplierKey(SUPPLIER);
  credential['other supplier'] = await t.supplierKey(OTHER_SUPPLIER);
});

afterAll(async () => {
  await t?.close();
});

/** The documented routes as `METHOD /path`, `/api` taken off. */
const documented = () =>
  Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${p.slice(4)}`, op })),
  );

/** A request that reaches each route's access check and changes nothing a later probe depends on. */
function probe(route: string): { method: string; path: string; body?: unknown } {
  const [method, template] = route.split(' ') as [string, string];
  const path = template
    .replace('{userId}', shopperId)
    .replace('{supplierId}', SUPPLIER)
    .replace('{sellerId}', SUPPLIER)
    .replace(/\{(\w+)\}/g, (_, name: string) => `no-such-${name.toLowerCase()}`);
  if (method === 'GET' || method === 'DELETE') return { method, path };
  const body =
    route === 'POST /supplier/items'
      ? { supplierId: SUPPLIER }
      : route === 'POST /supplier/items/bulk'
        ? { items: [{ supplierId: SUPPLIER }] }
        : route === 'PUT /suppliers/{supplierId}/contact'
          ? { email: null, phone: null }
          : {};
  return { method, path, body };
}

describe('who may call each route', () => {
  it('every route the shop serves is in the table and declares the same access in its API document', () => {
    const served = documented().map(({ route }) => route);
    expect(served.sort()).toEqual(Object.keys(ROUTES).sort());
    for (const { route, op } of documented()) expect([route, op[ACCESS_EXTENSION]]).toEqual([route, ROUTES[route]]);
    // A route added to the Hono app outside the OpenAPI document would dodge the table.
    const undocumented = t.shop.http.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.slice(4).replace(/:(\w+)/g, '{$1}')}`)
      .filter((route) => !(route in ROUTES));
    expect([...new Set(undocumented)]).toEqual([]);
  });

  it('answers every route × caller as the table says', async () => {
    const answers: string[] = [];
    const wanted: string[] = [];
    for (const route of Object.keys(ROUTES)) {
      const { method, path, body } = probe(route);
      for (const caller of CALLERS) {
        const token = credential[caller];
        const res = await t.shop.http.request(`/api${path}`, {
          method,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        // The report stream never ends by itself; its status is all this needs.
        await res.body?.cancel();
        const expected = EXCEPT[route]?.[caller] ?? EXPECTED[ROUTES[route]!][caller];
        // A 503 (no report yet) is past the check too; a 500 never is.
        const got = res.status === 401 || res.status === 403 || res.status === 500 ? res.status : 'through';
        answers.push(`${route} as ${caller}: ${got}`);
        wanted.push(`${route} as ${caller}: ${expected}`);
      }
    }
    expect(answers).toEqual(wanted);
  });
});

describe('a supplier key', () => {
  const [own, theirs] = [...demoItems({ seed: 21, count: 2 })].map((item, i) => ({
    ...item,
    supplierId: i === 0 ? SUPPLIER : OTHER_SUPPLIER,
  }));

  beforeAll(async () => {
    for (const item of [own!, theirs!])
      expect(
        (await t.api('PUT', `/items/${item.itemId}`, { ...item, itemId: undefined }, await t.staff())).status,
      ).toBe(201);
  });

  it("pushes its own supplier's items, and is refused another supplier's with a 403 naming the field", async () => {
    const key = credential.supplier;
    expect((await t.api('POST', '/supplier/items', { ...own, name: `${own!.name} v2` }, key)).status).toBe(202);
    expect(await t.api('POST', '/supplier/items', { ...theirs }, key)).toMatchObject({
      status: 403,
      body: { code: 'forbidden', field: 'supplierId' },
    });
    // Claiming another supplier's item under its own supplier id is refused too.
    expect(await t.api('POST', '/supplier/items', { ...theirs, supplierId: SUPPLIER }, key)).toMatchObject({
      status: 403,
      body: { code: 'forbidden', field: 'itemId' },
    });
    const bulk = await t.api('POST', '/supplier/items/bulk', { items: [own, theirs] }, key);
    expect(bulk).toMatchObject({
      status: 200,
      body: {
        accepted: 1,
        rejected: 1,
        results: [
          { status: 'accepted', itemId: own!.itemId },
          { status: 'rejected', errors: [{ code: 'forbidden', field: 'items.1.supplierId' }] },
        ],
      },
    });
  });

  it("withdraws its own items only: another supplier's is a 403", async () => {
    const key = credential.supplier;
    expect((await t.api('DELETE', `/supplier/${OTHER_SUPPLIER}/items/${theirs!.itemId}`, undefined, key)).status).toBe(
      403,
    );
    expect((await t.api('DELETE', `/supplier/${SUPPLIER}/items/${theirs!.itemId}`, undefined, key)).status).toBe(403);
    expect((await t.api('DELETE', `/supplier/${SUPPLIER}/items/${own!.itemId}`, undefined, key)).status).toBe(202);
  });

  it('stops working once revoked; a made-up or malformed key is a 401', async () => {
    const key = await t.supplierKey(SUPPLIER);
    const push = (k: string) => t.api('POST', '/supplier/items', { ...own }, k);
    expect((await push(key)).status).toBe(202);
    await t.shop.access.revokeKey(key.slice(4, 12));
    expect(await push(key)).toMatchObject({ status: 401, body: { code: 'unauthenticated', field: 'authorization' } });
    expect((await push(key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A'))).status).toBe(401);
    expect((await push('emk_nonsense')).status).toBe(401);
  });

  it('is kept only as a hash', async () => {
    const key = await t.supplierKey(SUPPLIER);
    const listed = await t.shop.access.listKeys(SUPPLIER);
    expect(JSON.stringify(listed)).not.toContain(key.slice(13));
    expect(listed.map((k) => k.keyId)).toContain(key.slice(4, 12));
  });
});
