// Orders HTTP API: checkout (idempotent by the Idempotency-Key header), the shopper's own orders, and
// the payment gateway's signed callbacks.
import { createRoute, z } from '@hono/zod-openapi';
import type { Tokens } from '../../platform/auth/tokens.ts';
import { asShopper, body, json, problem } from '../../platform/http/openapi.ts';
import { createRouter } from '../../platform/http/router.ts';
import { self, shopperOnly } from '../../platform/http/shopper.ts';
import { MAX_QUANTITY } from '../cart/store/list-store.ts';
import { ORDER_STATUSES } from './order.ts';
import type { OrderService } from './order-service.ts';

const OrderSchema = z
  .object({
    orderId: z.string(),
    userId: z.string(),
    status: z.enum(ORDER_STATUSES),
    pincode: z.string(),
    lines: z.array(
      z.object({ itemId: z.string(), category: z.string(), quantity: z.number().int(), unitPriceMinor: z.number().int(), warehouseId: z.string().nullable() }),
    ),
    totalMinor: z.number().int(),
    currency: z.string(),
    paymentId: z.string().nullable(),
    cancelReason: z.string().nullable(),
    expiresAt: z.number().int(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi('Order');

const CheckoutBody = z
  .object({
    lines: z
      .array(
        z.object({
          itemId: z.string().min(1, 'must not be empty').max(64),
          quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`),
        }),
      )
      .min(1, 'must name at least one item')
      .max(100, 'at most 100 lines per order')
      .optional()
      .openapi({ description: 'What to buy; the cart when absent (its lines leave the cart once the order is placed).' }),
    addressId: z.string().optional().openapi({ description: 'One of your addresses; your default address when absent.' }),
    payment: z.object({
      method: z.string().min(1, 'must not be empty').max(64).openapi({ description: 'A payment token; the simulated gateway takes pay_success, pay_decline and pay_no_answer.' }),
    }),
  })
  .openapi('Checkout');

const IdempotencyKey = z.object({
  'idempotency-key': z
    .string({ error: 'is required: a key of your choosing that makes retries of this checkout safe' })
    .min(8, 'must be at least 8 characters')
    .max(128, 'must be at most 128 characters')
    .openapi({ param: { name: 'Idempotency-Key', in: 'header' } }),
});
const UserParam = z.object({ userId: z.string().openapi({ param: { name: 'userId', in: 'path' } }) });
const OrderParams = UserParam.extend({ orderId: z.string().openapi({ param: { name: 'orderId', in: 'path' } }) });
const order = (description: string) => json(z.object({ order: OrderSchema }), description);
const errors = { 400: problem('invalid field'), 401: problem('not signed in'), 403: problem('not your orders') };

export function orderRoutes(orders: OrderService, tokens: Tokens) {
  const router = createRouter();
  shopperOnly(router, tokens, '/users/:userId/orders');

  return router
    .openapi(
      createRoute({
        method: 'post',
        path: '/users/{userId}/orders',
        tags: ['orders'],
        summary: 'Check out: create the order, hold its stock, take the payment',
        description:
          'Retrying with the same Idempotency-Key answers the first result (200). A placed order is 201; one whose payment has not answered is 202 and is cancelled, its stock released, if no payment arrives before expiresAt.',
        ...asShopper,
        request: { params: UserParam, headers: IdempotencyKey, ...body(CheckoutBody) },
        responses: {
          200: order('the order an earlier request with this key created'),
          201: order('placed: paid, stock held'),
          202: order('created, waiting for the payment to answer'),
          402: problem('payment declined: the order is cancelled and its stock released'),
          409: problem('out of stock (naming the line), or not deliverable to the address'),
          ...errors,
        },
      }),
      async (c) => {
        const userId = self(c, c.req.valid('param').userId);
        const input = c.req.valid('json');
        const { order: placed, created } = await orders.checkout(userId, {
          clientKey: c.req.valid('header')['idempotency-key'],
          lines: input.lines,
          addressId: input.addressId,
          paymentMethod: input.payment.method,
        });
        if (!created) return c.json({ order: placed }, 200);
        return placed.status === 'CREATED' ? c.json({ order: placed }, 202) : c.json({ order: placed }, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/users/{userId}/orders',
        tags: ['orders'],
        summary: 'Your orders, newest first',
        ...asShopper,
        request: { params: UserParam, query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }) },
        responses: { 200: json(z.object({ orders: z.array(OrderSchema) }), 'your orders'), ...errors },
      }),
      async (c) => c.json({ orders: await orders.list(self(c, c.req.valid('param').userId), c.req.valid('query').limit) }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/users/{userId}/orders/{orderId}',
        tags: ['orders'],
        summary: 'One of your orders',
        ...asShopper,
        request: { params: OrderParams },
        responses: { 200: order('the order'), 404: problem('you have no such order'), ...errors },
      }),
      async (c) => {
        const { userId, orderId } = c.req.valid('param');
        return c.json({ order: await orders.get(self(c, userId), orderId) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/payments/callbacks',
        tags: ['payments'],
        summary: "The payment gateway's callback for a payment it left pending (signed; applied once per payment)",
        request: {
          headers: z.object({ 'x-payment-signature': z.string().optional().openapi({ param: { name: 'X-Payment-Signature', in: 'header' } }) }),
          body: { content: { 'application/json': { schema: z.object({ paymentId: z.string(), orderId: z.string(), status: z.enum(['succeeded', 'failed']) }).passthrough() } }, required: true },
        },
        responses: {
          200: json(z.object({ order: OrderSchema.nullable(), duplicate: z.boolean() }), 'applied (or seen before)'),
          401: problem('not signed by the gateway'),
          404: problem('no such order'),
        },
      }),
      async (c) => {
        // The signature covers the exact bytes sent, so the raw body is verified, not a re-serialised one.
        const { order: updated, duplicate } = await orders.paymentCallback(await c.req.text(), c.req.header('x-payment-signature'));
        return c.json({ order: updated ?? null, duplicate }, 200);
      },
    );
}
