// Orders HTTP API: checkout (idempotent by the Idempotency-Key header), the shopper's own orders, and
// the payment gateway's signed callbacks.
import { createRoute, z } from '@hono/zod-openapi';
import { forAnyone, forShopper } from '../../platform/http/access.ts';
import { id, token } from '../../platform/http/fields.ts';
import { body, json, problem } from '../../platform/http/openapi.ts';
import { createRouter } from '../../platform/http/router.ts';
import { self } from '../../platform/http/shopper.ts';
import { MAX_QUANTITY } from '../cart/store/list-store.ts';
import { OrderListQuery, orderPage } from './order-list-schema.ts';
import { OrderSchema } from './order-schema.ts';
import type { OrderService } from './order-service.ts';
import { PaymentCallbackSchema } from './payments/simulated-gateway.ts';

const CheckoutBody = z
  .object({
    lines: z
      .array(
        z.object({
          itemId: id(),
          quantity: z
            .number()
            .int('must be a whole number')
            .min(1, 'must be at least 1')
            .max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`),
        }),
      )
      .min(1, 'must name at least one item')
      .max(100, 'at most 100 lines per order')
      .optional()
      .openapi({
        description: 'What to buy; the cart when absent (its lines leave the cart once the order is placed).',
      }),
    addressId: id().optional().openapi({ description: 'One of your addresses; your default address when absent.' }),
    payment: z.object({
      method: token({ max: 64 }).openapi({
        description: 'A payment token; the simulated gateway takes pay_success, pay_decline and pay_no_answer.',
      }),
    }),
  })
  .openapi('Checkout');

const IdempotencyKey = z.object({
  'idempotency-key': token({ min: 8, max: 128 })
    // Named as Hono hands headers to validators (lower case): a second, capitalised name conflicts in the document.
    .openapi({ param: { name: 'idempotency-key', in: 'header' } }),
});
const UserParam = z.object({ userId: id().openapi({ param: { name: 'userId', in: 'path' } }) });
const OrderParams = UserParam.extend({ orderId: id().openapi({ param: { name: 'orderId', in: 'path' } }) });
const order = (description: string) => json(z.object({ order: OrderSchema }), description);
const errors = { 400: problem('invalid field'), 401: problem('not signed in'), 403: problem('not your orders') };

export function orderRoutes(orders: OrderService) {
  const router = createRouter();

  return router
    .openapi(
      createRoute({
        method: 'post',
        path: '/users/{userId}/orders',
        tags: ['orders'],
        summary: 'Check out: create the order, hold its stock, take the payment',
        description:
          'Retrying with the same Idempotency-Key answers the first result (200). A placed order is 201; one whose payment has not answered is 202 and is cancelled, its stock released, if no payment arrives before expiresAt.',
        ...forShopper,
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
        summary: 'Your orders, newest first, live and archived alike, a page at a time',
        description:
          'Pass the `nextCursor` of one page as `cursor` for the next; it is null on the last page. Paging through shows every order exactly once, also while finished orders move to the archive.',
        ...forShopper,
        request: { params: UserParam, query: OrderListQuery },
        responses: { 200: orderPage('a page of your orders'), ...errors },
      }),
      async (c) => {
        const { limit, cursor, status } = c.req.valid('query');
        const page = await orders.list({ userId: self(c, c.req.valid('param').userId) }, limit, cursor, status);
        return c.json({ orders: page.orders, nextCursor: page.next }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/users/{userId}/orders/{orderId}',
        tags: ['orders'],
        summary: 'One of your orders',
        ...forShopper,
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
        ...forAnyone,
        tags: ['payments'],
        summary: "The payment gateway's callback for a payment it left pending (signed; applied once per payment)",
        request: {
          headers: z.object({
            'x-payment-signature': token({ max: 128 })
              .optional()
              .openapi({ param: { name: 'x-payment-signature', in: 'header' } }),
          }),
          ...body(PaymentCallbackSchema),
        },
        responses: {
          200: json(z.object({ order: OrderSchema.nullable(), duplicate: z.boolean() }), 'applied (or seen before)'),
          400: problem('a field of the callback is malformed (named)'),
          401: problem('not signed by the gateway'),
          404: problem('no such order'),
        },
      }),
      async (c) => {
        // The signature covers the exact bytes sent, so the raw body is verified, not a re-serialised one.
        const { order: updated, duplicate } = await orders.paymentCallback(
          await c.req.text(),
          c.req.header('x-payment-signature'),
        );
        return c.json({ order: updated ?? null, duplicate }, 200);
      },
    );
}
