// Recommendations HTTP API: the shopper's own lists, items similar to an item, and popular right now.
import { createRoute, z } from '@hono/zod-openapi';
import { forAnyone, forShopper } from '../../platform/http/access.ts';
import { id, pincode } from '../../platform/http/fields.ts';
import { json, problem } from '../../platform/http/openapi.ts';
import { createRouter } from '../../platform/http/router.ts';
import { self } from '../../platform/http/shopper.ts';
import { CATEGORIES } from '../catalog/taxonomy.ts';
import type { RecommendationService } from './recommendation-service.ts';

/** The most a page asks for; stored lists are 20 (per category, similar) to 50 (general) long. */
const MAX_LIMIT = 50;

const Delivery = z
  .object({
    itemId: z.string(),
    deliverable: z.literal(true),
    warehouseId: z.string(),
    tatMinutes: z.number().int(),
  })
  .catchall(z.unknown())
  .openapi('RecommendedDelivery');
const RecommendationsSchema = z
  .object({
    version: z.string().nullable().openapi({ description: 'The model version; null before any training' }),
    pincode: z.string().nullable().openapi({ description: 'Where the items were checked to be deliverable' }),
    items: z.array(
      z.object({
        itemId: z.string(),
        name: z.string(),
        brand: z.string(),
        category: z.string(),
        priceMinor: z.number().int(),
        currency: z.string(),
        imageUrl: z.string().nullable(),
        source: z.enum(['model', 'popular']).openapi({ description: 'model: the trained lists; popular: back-fill' }),
        score: z.number().nullable(),
        delivery: Delivery.nullable().openapi({
          description: 'The fastest warehouse and promise; null without a pincode',
        }),
      }),
    ),
    backfilled: z.number().int().openapi({ description: 'Items taken from popular because the model ran short' }),
  })
  .openapi('Recommendations');

const query = z.object({
  category: z
    .enum(CATEGORIES.map((c) => c.id) as [string, ...string[]])
    .optional()
    .openapi({ description: 'One category (the general list when absent)' }),
  limit: z.coerce.number().int('must be a whole number').min(1).max(MAX_LIMIT).default(10),
  pincode: pincode()
    .optional()
    .openapi({ description: "Deliver here; the signed-in shopper's default address when absent" }),
});
const answer = json(RecommendationsSchema, 'items that are in stock and deliverable, best first');
const filtering =
  'Only items in stock and deliverable to the pincode (the shopper’s default address when none is given; in stock anywhere when neither) are answered, and for a signed-in shopper none they already bought, except in categories people buy again (bread, dairy); when fewer remain than asked for, popular items of the last hour fill the list.';

export function recommendationRoutes(deps: { service: RecommendationService }) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/users/{userId}/recommendations',
        tags: ['recommendations'],
        summary: 'Your recommendations, overall or in one category',
        description: `Trained nightly from what shoppers searched, viewed, wishlisted, carted and ordered; never items you had then. ${filtering}`,
        ...forShopper,
        request: { params: z.object({ userId: id().openapi({ param: { name: 'userId', in: 'path' } }) }), query },
        responses: {
          200: answer,
          400: problem('invalid parameter'),
          401: problem('not signed in'),
          403: problem('not you'),
          404: problem('unknown pincode'),
        },
      }),
      async (c) => {
        const userId = self(c, c.req.valid('param').userId);
        const { category, limit, pincode } = c.req.valid('query');
        return c.json(await deps.service.forShopper(userId, category ?? null, { limit, pincode }), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/items/{itemId}/similar',
        tags: ['recommendations'],
        summary: 'Items like this one (bought and browsed by the same shoppers)',
        description: `Back-filled from what is popular in the item’s category. ${filtering}`,
        ...forAnyone,
        request: {
          params: z.object({ itemId: id().openapi({ param: { name: 'itemId', in: 'path' } }) }),
          query: query.omit({ category: true }),
        },
        responses: { 200: answer, 400: problem('invalid parameter'), 404: problem('no such item, or unknown pincode') },
      }),
      async (c) => {
        const { limit, pincode } = c.req.valid('query');
        const userId = c.get('userId') as string | undefined;
        return c.json(await deps.service.similar(c.req.valid('param').itemId, { limit, pincode, userId }), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/recommendations/popular',
        tags: ['recommendations'],
        summary: 'Popular right now, overall or in one category (for visitors and new shoppers)',
        description: `Items by their bought, carted, wishlisted and viewed counts in the live report’s longest window, weighted 10, 4, 3 and 1. ${filtering}`,
        ...forAnyone,
        request: { query },
        responses: { 200: answer, 400: problem('invalid parameter'), 404: problem('unknown pincode') },
      }),
      async (c) => {
        const { category, limit, pincode } = c.req.valid('query');
        const userId = c.get('userId') as string | undefined;
        return c.json(await deps.service.popular(category ?? null, { limit, pincode, userId }), 200);
      },
    );
}
