// An order as the HTTP API answers it (the OpenAPI `Order` schema).
import { z } from '@hono/zod-openapi';
import { ORDER_STATUSES } from './order.ts';

export const OrderSchema = z
  .object({
    orderId: z.string(),
    userId: z.string(),
    status: z.enum(ORDER_STATUSES),
    pincode: z.string(),
    lines: z.array(
      z.object({
        itemId: z.string(),
        category: z.string(),
        quantity: z.number().int(),
        unitPriceMinor: z.number().int(),
        warehouseId: z.string().nullable(),
      }),
    ),
    totalMinor: z.number().int(),
    currency: z.string(),
    paymentId: z.string().nullable(),
    cancelReason: z.string().nullable(),
    carrier: z.string().nullable().openapi({ description: 'Who carries it, once shipped.' }),
    trackingId: z.string().nullable().openapi({ description: "The carrier's tracking number, once shipped." }),
    deliveredAt: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'When it was delivered; returns count from here.' }),
    expiresAt: z.number().int(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi('Order');
