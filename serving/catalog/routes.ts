// Catalog HTTP API: get, bulk get, list by category and attributes, add, partial update, remove.
import { createRoute, z } from '@hono/zod-openapi';
import { forAnyone, forStaff } from '../../platform/http/access.ts';
import { supplierItemSchema } from './validate-item.ts';
import { id, text, url } from '../../platform/http/fields.ts';
import { json, Problem } from '../../platform/http/openapi.ts';
import { createRouter } from '../../platform/http/router.ts';
import { ITEM_CLASSES } from './taxonomy.ts';
import type { CatalogService } from './catalog-service.ts';

export const ItemSchema = supplierItemSchema
  .extend({ itemClass: z.enum(ITEM_CLASSES), updatedAt: z.number().int() })
  .openapi('Item');

const ItemIdParam = z.object({
  itemId: id().openapi({ param: { name: 'itemId', in: 'path' }, example: 'itm-0000042' }),
});

const PatchSchema = z
  .object({
    name: supplierItemSchema.shape.name,
    description: text({ max: 5000, min: 0, multiline: true }),
    brand: supplierItemSchema.shape.brand,
    priceMinor: supplierItemSchema.shape.priceMinor,
    currency: supplierItemSchema.shape.currency.removeDefault(),
    imageUrl: url().nullable(),
    attributes: z.record(id(), text({ max: 100 }).nullable()),
  })
  .partial()
  .strict()
  .openapi('ItemPatch');

/** Attribute filters arrive as `attr.<name>=<value>` query parameters (e.g. `attr.size=M&attr.colour=blue`). */
function attributeFilters(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([k]) => k.startsWith('attr.'))
      .map(([k, v]) => [k.slice(5), v]),
  );
}

export function catalogRoutes(catalog: CatalogService) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/items/{itemId}',
        ...forAnyone,
        tags: ['catalog'],
        summary: 'One item by id',
        request: { params: ItemIdParam },
        responses: { 200: json(ItemSchema, 'the item'), 404: json(Problem, 'no such item') },
      }),
      async (c) => c.json(await catalog.get(c.req.valid('param').itemId), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/items/batch-get',
        ...forAnyone,
        tags: ['catalog'],
        summary: 'Many items by id, in the order asked, with the ids that do not exist',
        request: {
          body: {
            content: { 'application/json': { schema: z.object({ ids: z.array(id()).min(1).max(500) }) } },
            required: true,
          },
        },
        responses: {
          200: json(
            z.object({ items: z.array(ItemSchema), missing: z.array(z.string()) }),
            'found items and missing ids',
          ),
        },
      }),
      async (c) => {
        const { ids } = c.req.valid('json');
        const found = await catalog.getMany(ids);
        return c.json({ items: found.filter((i) => i !== undefined), missing: ids.filter((_, i) => !found[i]) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/items',
        ...forAnyone,
        tags: ['catalog'],
        summary: 'Items of a category, filtered by attribute values (attr.<name>=<value>), paged by cursor',
        request: {
          query: z
            .object({
              category: supplierItemSchema.shape.category.optional(),
              limit: z.coerce.number().int().min(1).max(500).default(50),
              after: id().optional().openapi({ description: 'the `next` cursor of the previous page' }),
            })
            .catchall(text({ max: 200 })),
        },
        responses: {
          200: json(z.object({ items: z.array(ItemSchema), next: z.string().nullable() }), 'one page of items'),
        },
      }),
      async (c) => {
        const { category, limit, after, ...rest } = c.req.valid('query');
        return c.json(
          await catalog.list({ category, limit, after, attributes: attributeFilters(rest as Record<string, string>) }),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/items/{itemId}',
        ...forStaff,
        tags: ['catalog'],
        summary: 'Add or replace an item',
        request: {
          params: ItemIdParam,
          body: {
            content: { 'application/json': { schema: supplierItemSchema.omit({ itemId: true }) } },
            required: true,
          },
        },
        responses: {
          200: json(ItemSchema, 'replaced'),
          201: json(ItemSchema, 'created'),
          400: json(Problem, 'invalid item'),
        },
      }),
      async (c) => {
        const { item, created } = await catalog.put({ ...c.req.valid('json'), itemId: c.req.valid('param').itemId });
        return c.json(item, created ? 201 : 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/items/{itemId}',
        ...forStaff,
        tags: ['catalog'],
        summary: 'Change some fields of an item; attributes merge by name, null removes one',
        request: {
          params: ItemIdParam,
          body: { content: { 'application/json': { schema: PatchSchema } }, required: true },
        },
        responses: {
          200: json(ItemSchema, 'the updated item'),
          400: json(Problem, 'invalid change'),
          404: json(Problem, 'no such item'),
        },
      }),
      async (c) => c.json(await catalog.patch(c.req.valid('param').itemId, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/items/{itemId}',
        ...forStaff,
        tags: ['catalog'],
        summary: 'Remove an item',
        request: { params: ItemIdParam },
        responses: { 204: { description: 'removed' }, 404: json(Problem, 'no such item') },
      }),
      async (c) => {
        await catalog.remove(c.req.valid('param').itemId);
        return c.body(null, 204);
      },
    );
}
