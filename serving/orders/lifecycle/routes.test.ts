// The lifecycle routes over HTTP: who the caller is, what each move carries, the 409 shape, and the OpenAPI document.
import { describe, expect, it } from 'vitest';
import { Tokens } from '../../../platform/auth/tokens.ts';
import { DomainError } from '../../../platform/errors.ts';
import { authenticate } from '../../../platform/http/authenticate.ts';
import { createHttpApp } from '../../../platform/http/http-app.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { silentLogger } from '../../../platform/logger.ts';
import { createMetrics } from '../../../platform/metrics.ts';
import type { Caller } from './access.ts';
import type { OrderLifecycle } from './order-lifecycle.ts';
import { lifecycleRoutes } from './routes.ts';
import type { Move } from './transitions.ts';

const tokens = new Tokens('test-secret');
const calls: { caller: Caller; orderId: string; move: Move }[] = [];
const lifecycle = {
  move(caller: Caller, orderId: string, move: Move) {
    calls.push({ caller, orderId, move });
    if (orderId === 'shipped-1')
      return Promise.reject(
        new DomainError(
          'conflict',
          'status',
          'the order is SHIPPED: a shopper can cancel an order only while it is PLACED',
        ),
      );
    return Promise.resolve({ orderId, status: 'PACKED' });
  },
} as unknown as OrderLifecycle;

/** Beside the authenticator: an `x-test-principal` header becomes the principal (a supplier, staff). */
const principals = createRouter();
principals.use('*', async (c, next) => {
  const given = c.req.header('x-test-principal');
  if (given) c.set('principal' as never, JSON.parse(given) as never);
  await next();
});
const app = createHttpApp({
  logger: silentLogger,
  metrics: createMetrics(false),
  isReady: () => Promise.resolve(true),
  // The shop's authenticator over these tokens; every person a shopper.
  authenticate: authenticate({
    person: async (token) => ({ userId: await tokens.userIdOf(token), role: 'shopper' }),
    supplier: () => Promise.reject(new DomainError('unauthenticated', 'authorization', 'no keys here')),
  }),
  routers: [principals, lifecycleRoutes(lifecycle)],
});
const post = (path: string, headers: Record<string, string> = {}, body?: unknown) =>
  app.request(`/api${path}`, {
    method: 'POST',
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('order lifecycle routes', () => {
  it('acts for the shopper a token names, and refuses an anonymous caller with a 401', async () => {
    const token = await tokens.issue('ann');
    expect((await post('/orders/o-1/cancel', { authorization: `Bearer ${token}` })).status).toBe(200);
    expect(calls.at(-1)).toEqual({
      caller: { kind: 'person', userId: 'ann', role: 'shopper' },
      orderId: 'o-1',
      move: { kind: 'cancel' },
    });
    const anonymous = await post('/orders/o-1/cancel');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'unauthenticated', field: 'authorization' });
  });

  it('takes a supplier or staff principal as it is, and maps every path to its move', async () => {
    const supplier = JSON.stringify({ kind: 'supplier', supplierId: 'acme', keyId: 'k1' });
    for (const [path, kind] of [
      ['pack', 'pack'],
      ['deliver', 'deliver'],
      ['return', 'request_return'],
      ['return/receive', 'receive_return'],
    ] as const) {
      expect((await post(`/orders/o-2/${path}`, { 'x-test-principal': supplier })).status).toBe(200);
      expect(calls.at(-1)).toMatchObject({ caller: { kind: 'supplier', supplierId: 'acme' }, move: { kind } });
    }
  });

  it('ships with the carrier and tracking number, and names a missing one with a 400', async () => {
    const staff = { 'x-test-principal': JSON.stringify({ kind: 'person', userId: 'sam', role: 'staff' }) };
    expect((await post('/orders/o-3/ship', staff, { carrier: 'UPS', trackingId: '1Z999' })).status).toBe(200);
    expect(calls.at(-1)!.move).toEqual({ kind: 'ship', carrier: 'UPS', trackingId: '1Z999' });
    const missing = await post('/orders/o-3/ship', staff, { carrier: 'UPS' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ code: 'invalid', field: 'trackingId' });
  });

  it('answers a move the order cannot make now with a 409 {code, field, message} naming its status', async () => {
    const res = await post('/orders/shipped-1/cancel', { authorization: `Bearer ${await tokens.issue('ann')}` });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      code: 'conflict',
      field: 'status',
      message: 'the order is SHIPPED: a shopper can cancel an order only while it is PLACED',
    });
  });

  it('documents every move in the OpenAPI document', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, { post?: unknown }> };
    expect(
      Object.keys(doc.paths)
        .filter((p) => p.startsWith('/api/orders/'))
        .sort(),
    ).toEqual([
      '/api/orders/{orderId}',
      '/api/orders/{orderId}/cancel',
      '/api/orders/{orderId}/deliver',
      '/api/orders/{orderId}/pack',
      '/api/orders/{orderId}/return',
      '/api/orders/{orderId}/return/receive',
      '/api/orders/{orderId}/ship',
    ]);
  });
});
