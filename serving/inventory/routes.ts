// Inventory HTTP API: stock levels per warehouse, and setting a warehouse's count.
import { createRoute, z } from '@hono/zod-openapi';
import { forStaff } from '../../platform/http/access.ts';
import { notFound } from '../../platform/errors.ts';
import { id } from '../../platform/http/fields.ts';
import { body, json, problem } from '../../platform/http/openapi.ts';
import { createRouter } from '../../platform/http/router.ts';
import type { InventoryService } from './inventory-service.ts';

const Levels = z.array(z.object({ warehouseId: z.string(), available: z.number().int() })).openapi('StockLevels');
const ItemParam = z.object({ itemId: id().openapi({ param: { name: 'itemId', in: 'path' } }) });

export function inventoryRoutes(inventory: InventoryService, itemExists: (itemId: string) => Promise<boolean>) {
  const known = async (itemId: string) => {
    if (!(await itemExists(itemId))) throw notFound('itemId', `no item with id ${itemId} in the catalog`);
    return itemId;
  };
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/inventory/{itemId}',
        ...forStaff,
        tags: ['inventory'],
        summary: "An item's stock in every warehouse that holds it",
        request: { params: ItemParam },
        responses: {
          200: json(z.object({ itemId: z.string(), levels: Levels }), 'stock levels'),
          404: problem('no such item in the catalog'),
        },
      }),
      async (c) => {
        const itemId = await known(c.req.valid('param').itemId);
        return c.json({ itemId, levels: (await inventory.levels([itemId])).get(itemId)! }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/inventory/{itemId}/warehouses/{warehouseId}',
        ...forStaff,
        tags: ['inventory'],
        summary: 'Set the units a warehouse holds (a delivery in, a stock take); announced as stock.changed',
        request: {
          params: ItemParam.extend({
            warehouseId: id().openapi({ param: { name: 'warehouseId', in: 'path' } }),
          }),
          ...body(
            z.object({
              available: z.number().int('must be a whole number').min(0, 'must not be negative').max(1_000_000),
            }),
          ),
        },
        responses: {
          200: json(z.object({ itemId: z.string(), levels: Levels }), 'levels after the change'),
          400: problem('invalid count or unknown warehouse'),
          404: problem('no such item in the catalog'),
        },
      }),
      async (c) => {
        const { itemId, warehouseId } = c.req.valid('param');
        await known(itemId);
        return c.json(
          { itemId, levels: await inventory.setStock(itemId, warehouseId, c.req.valid('json').available) },
          200,
        );
      },
    );
}
