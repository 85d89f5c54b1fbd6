// The query and the answer of every orders list (a shopper's, a seller's): a page, a cursor, a status.
import { z } from '@hono/zod-openapi';
import { token } from '../../platform/http/fields.ts';
import { json } from '../../platform/http/openapi.ts';
import { ORDER_STATUSES } from './order.ts';
import { OrderSchema } from './order-schema.ts';

export const OrderListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  // Opaque to clients: base64url of the last order's position, so its alphabet and length bound it.
  cursor: token({ max: 128 })
    .regex(/^[A-Za-z0-9_-]+$/, 'must be the nextCursor of an earlier page')
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' }, description: 'the nextCursor of the previous page' }),
  status: z
    .enum(ORDER_STATUSES, { message: `must be one of ${ORDER_STATUSES.join(', ')}` })
    .optional()
    .openapi({ param: { name: 'status', in: 'query' }, description: 'only orders in this status' }),
});

export const orderPage = (description: string) =>
  json(
    z.object({
      orders: z.array(OrderSchema),
      nextCursor: z.string().nullable().openapi({ description: 'the `cursor` of the next page; null on the last' }),
    }),
    description,
  );
