// Order lifecycle HTTP API: GET /orders/{orderId}, and POST /orders/{orderId}/<move>, one route per move of
// transitions.ts, for whoever the order lets act.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { forSignedIn, principalOf } from '../../../platform/http/access.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { id, text, token } from '../../../platform/http/fields.ts';
import { body, json, problem } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { OrderSchema } from '../order-schema.ts';
import type { Caller } from './access.ts';
import type { OrderLifecycle } from './order-lifecycle.ts';
import type { Move, MoveKind } from './transitions.ts';

const OrderParam = z.object({ orderId: id().openapi({ param: { name: 'orderId', in: 'path' } }) });

const ShipBody = z
  .object({
    carrier: text({ max: 64 }).openapi({ example: 'UPS' }),
    trackingId: token({ max: 128 }).openapi({ example: '1Z999AA10123456784' }),
  })
  .openapi('Shipment');

/** Who is calling: the authenticator's principal (a person with their role, or a supplier's key). */
export function callerOf(c: Context<AppEnv>): Caller {
  return principalOf(c);
}

const MOVES: { kind: MoveKind; path: string; summary: string; who: string; ship?: true }[] = [
  { kind: 'pack', path: 'pack', summary: 'Pack a placed order', who: 'The seller or staff.' },
  {
    kind: 'ship',
    path: 'ship',
    summary: 'Hand a packed order to its carrier',
    who: 'The seller or staff, naming the carrier and its tracking number.',
    ship: true,
  },
  { kind: 'deliver', path: 'deliver', summary: 'Mark a shipped order delivered', who: 'The seller or staff.' },
  {
    kind: 'cancel',
    path: 'cancel',
    summary: 'Cancel an order: its payment is refunded and its stock given back',
    who: 'Its shopper until it ships; the seller or staff until it is delivered.',
  },
  {
    kind: 'request_return',
    path: 'return',
    summary: 'Return a delivered order: its payment is refunded',
    who: 'Its shopper (or staff) inside the return window after delivery; the stock comes back when the seller receives it.',
  },
  {
    kind: 'receive_return',
    path: 'return/receive',
    summary: 'Receive a returned order back: its units are in stock again',
    who: 'The seller or staff.',
  },
];

export function lifecycleRoutes(lifecycle: OrderLifecycle) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/orders/{orderId}',
      tags: ['order lifecycle'],
      summary: 'An order, live or archived: for its shopper, the sellers of its items, and staff',
      ...forSignedIn,
      request: { params: OrderParam },
      responses: {
        200: json(z.object({ order: OrderSchema }), 'the order as it now is'),
        400: problem('invalid field'),
        401: problem('not signed in'),
        404: problem('no such order of yours'),
      },
    }),
    async (c) => c.json({ order: await lifecycle.view(callerOf(c), c.req.valid('param').orderId) }, 200),
  );
  for (const move of MOVES) {
    router.openapi(
      createRoute({
        method: 'post',
        path: `/orders/{orderId}/${move.path}`,
        tags: ['order lifecycle'],
        summary: move.summary,
        description: `${move.who} Each move is one transaction with its event; two racing moves end in one, the other answered 409.`,
        // Any credential gets this far; the order itself decides what its caller may do (access.ts).
        ...forSignedIn,
        request: { params: OrderParam, ...(move.ship ? body(ShipBody) : {}) },
        responses: {
          200: json(z.object({ order: OrderSchema }), 'moved: the order as it now is'),
          400: problem('invalid field'),
          401: problem('not signed in'),
          403: problem('your role never makes this move'),
          404: problem('no such order of yours'),
          409: problem('the order is not where this move starts; the message names its status'),
        },
      }),
      async (c) => {
        const caller = callerOf(c);
        const { orderId } = c.req.valid('param');
        const made: Move =
          move.kind === 'ship'
            ? { kind: 'ship', ...(c.req.valid('json' as never) as z.infer<typeof ShipBody>) }
            : { kind: move.kind };
        return c.json({ order: await lifecycle.move(caller, orderId, made) }, 200);
      },
    );
  }
  return router;
}
