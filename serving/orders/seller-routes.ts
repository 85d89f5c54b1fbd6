// A seller's orders: what a supplier's system (or staff) reads to fulfil, live and archived alike.
import { createRoute, z } from '@hono/zod-openapi';
import { forSupplier, principalOf } from '../../platform/http/access.ts';
import { DomainError } from '../../platform/errors.ts';
import { id } from '../../platform/http/fields.ts';
import { problem } from '../../platform/http/openapi.ts';
import { createRouter } from '../../platform/http/router.ts';
import { OrderListQuery, orderPage } from './order-list-schema.ts';
import type { OrderService } from './order-service.ts';

const SellerParam = z.object({ sellerId: id().openapi({ param: { name: 'sellerId', in: 'path' } }) });

export function sellerOrderRoutes(orders: OrderService) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/sellers/{sellerId}/orders',
      tags: ['orders'],
      summary: "A seller's orders: every order holding its items, newest first, live and archived alike",
      description:
        "A supplier's API key reads its own supplier's orders; staff read any seller's. Filter by `status` (PLACED to pack, say) and page with `cursor` as a shopper's orders page.",
      ...forSupplier,
      request: { params: SellerParam, query: OrderListQuery },
      responses: {
        200: orderPage("a page of the seller's orders"),
        400: problem('invalid field'),
        401: problem('not signed in'),
        403: problem("another supplier's orders"),
      },
    }),
    async (c) => {
      const { sellerId } = c.req.valid('param');
      const who = principalOf(c);
      if (who.kind === 'supplier' && who.supplierId !== sellerId)
        throw new DomainError('forbidden', 'sellerId', `this API key reads only ${who.supplierId}'s orders`);
      const { limit, cursor, status } = c.req.valid('query');
      const page = await orders.list({ sellerId }, limit, cursor, status);
      return c.json({ orders: page.orders, nextCursor: page.next }, 200);
    },
  );
}
