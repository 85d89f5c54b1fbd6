// Search HTTP API: text, filters, facets and sorting, for a pincode or the signed-in shopper's address.
import { createRoute, z } from '@hono/zod-openapi';
import { forAnyone } from '../../platform/http/access.ts';
import { pincode, text } from '../../platform/http/fields.ts';
import { CATEGORIES } from '../catalog/taxonomy.ts';
import { json, problem } from '../../platform/http/openapi.ts';
import { createRouter } from '../../platform/http/router.ts';
import type { SearchService } from './search-service.ts';

const Facet = z.array(z.object({ value: z.string(), count: z.number().int() }));
const Answer = z
  .object({
    pincode: z.string(),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    hits: z.array(
      z.object({
        itemId: z.string(),
        name: z.string(),
        brand: z.string(),
        category: z.string(),
        priceMinor: z.number().int(),
        currency: z.string(),
        imageUrl: z.string().nullable(),
        attributes: z.record(z.string(), z.string()),
        warehouseId: z.string(),
        tatMinutes: z.number().int(),
        deliverBy: z.string(),
        window: z.object({ from: z.string(), to: z.string() }),
      }),
    ),
    facets: z.object({ category: Facet, brand: Facet, attributes: z.record(z.string(), Facet) }),
    correctedText: z.string().nullable().openapi({
      description:
        'The text as searched when a word was read as another spelling ("smasung" as "samsung"); null if as typed',
    }),
  })
  .openapi('SearchAnswer');

const Suggestions = z
  .object({ suggestions: z.array(z.object({ itemId: z.string(), name: z.string(), category: z.string() })) })
  .openapi('Suggestions');

const Money = z.coerce.number().int('must be whole minor units (cents)').min(0, 'must not be negative');

export function searchRoutes(search: SearchService) {
  const router = createRouter();
  return router
    .openapi(
      createRoute({
        method: 'get',
        path: '/search/suggestions',
        tags: ['search'],
        summary: 'Names of deliverable items matching what the shopper has typed so far (not recorded as a search)',
        ...forAnyone,
        request: {
          query: z.object({
            q: text({ max: 200, min: 0 }).default(''),
            pincode: pincode().optional(),
          }),
        },
        responses: {
          200: json(Suggestions, 'up to 8 items, best first'),
          400: problem('invalid query'),
          404: problem('unknown pincode'),
        },
      }),
      async (c) => {
        const { q, pincode } = c.req.valid('query');
        return c.json({ suggestions: await search.suggest({ text: q, pincode, userId: c.get('userId') }) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/search',
        tags: ['search'],
        summary:
          'Search what can be delivered to a pincode (or your default address), each hit with its delivery promise',
        description:
          'Attribute filters are `attr.<name>=<value>[,<value>...]` (e.g. `attr.size=M&attr.colour=blue,navy`).',
        ...forAnyone,
        request: {
          query: z
            .object({
              q: text({ max: 200, min: 0 }).default(''),
              pincode: pincode().optional(),
              category: z
                .enum(CATEGORIES.map((c) => c.id) as [string, ...string[]], {
                  error: `must be one of ${CATEGORIES.map((c) => c.id).join(', ')}`,
                })
                .optional(),
              brand: text({ max: 1000 }).optional().openapi({ description: 'Any of these brands, comma-separated' }),
              price_min: Money.optional(),
              price_max: Money.optional(),
              sort: z.enum(['relevance', 'price_asc', 'price_desc', 'delivery']).default('relevance'),
              page: z.coerce.number().int().min(1).max(100).default(1),
              page_size: z.coerce.number().int().min(1).max(100).default(20),
            })
            .catchall(text({ max: 200 })),
        },
        responses: {
          200: json(Answer, 'one page of deliverable hits, the total and facet counts'),
          400: problem('invalid query'),
          404: problem('unknown pincode'),
        },
      }),
      async (c) => {
        const { q, pincode, category, brand, price_min, price_max, sort, page, page_size, ...rest } =
          c.req.valid('query');
        const attributes = Object.fromEntries(
          Object.entries(rest as Record<string, string>)
            .filter(([name]) => name.startsWith('attr.'))
            .map(([name, values]) => [name.slice(5), values.split(',')]),
        );
        const answer = await search.search({
          text: q,
          pincode,
          userId: c.get('userId'),
          category,
          brands: brand?.split(',').filter((b) => b !== ''),
          attributes,
          priceMinMinor: price_min,
          priceMaxMinor: price_max,
          sort,
          page,
          pageSize: page_size,
        });
        return c.json(answer, 200);
      },
    );
}
