// Serviceability HTTP API: delivery checks for a pincode, and route changes applied to the live table.
import { createRoute, z } from '@hono/zod-openapi';
import { forAnyone, forStaff } from '../../platform/http/access.ts';
import { id, pincode } from '../../platform/http/fields.ts';
import { body, json, problem } from '../../platform/http/openapi.ts';
import { createRouter } from '../../platform/http/router.ts';
import { ITEM_CLASSES } from '../catalog/taxonomy.ts';
import type { ServiceabilityService } from './serviceability-service.ts';

const ReachSchema = z
  .object({
    itemId: z.string(),
    deliverable: z.boolean(),
    reason: z.string().optional(),
    warehouseId: z.string().optional(),
    tatMinutes: z.number().int().optional(),
    deliverBy: z.string().optional(),
    window: z.object({ from: z.string(), to: z.string() }).optional(),
  })
  .openapi('Reach');

const RouteParam = z.object({
  // courier:from>to, each end a hub, warehouse or pincode id.
  routeId: z
    .string()
    .max(200, 'must be at most 200 characters')
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:>-]*$/, 'must be letters, digits, dots, dashes, underscores, : or >')
    .openapi({ param: { name: 'routeId', in: 'path' }, example: 'roadrunner:hub-070>hub-071' }),
});
const ChangeResult = json(z.object({ changedCells: z.number().int(), ms: z.number() }), 'applied to the live table');

export function serviceabilityRoutes(service: ServiceabilityService) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/serviceability',
        ...forAnyone,
        tags: ['serviceability'],
        summary: 'Can these items reach the pincode, from which warehouse, and by when',
        request: {
          query: z.object({
            pincode: pincode(),
            itemIds: z
              .string()
              .min(1, 'name at least one item')
              // Bounded before it is split: 100 ids of at most 64 characters and their commas.
              .max(100 * 66, 'must be at most 100 item ids')
              .regex(/^[A-Za-z0-9._, -]*$/, 'must be item ids separated by commas')
              .transform((v) => v.split(',').map((id) => id.trim()))
              .pipe(z.array(id()).max(100, 'at most 100 items at once'))
              .openapi({
                type: 'string',
                maxLength: 100 * 66,
                pattern: '^[A-Za-z0-9._, -]*$',
                example: 'itm-0000001,itm-0000002',
              }),
          }),
        },
        responses: {
          200: json(
            z.object({ pincode: z.string(), items: z.array(ReachSchema) }),
            'one answer per item, in the order asked',
          ),
          400: problem('invalid query'),
          404: problem('unknown pincode'),
        },
      }),
      async (c) => {
        const { pincode, itemIds } = c.req.valid('query');
        return c.json({ pincode, items: await service.reach(itemIds, pincode) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/serviceability/routes/{routeId}',
        ...forStaff,
        tags: ['serviceability'],
        summary: 'Change a route (time or item classes); only the table cells it affects are recomputed',
        request: {
          params: RouteParam,
          ...body(
            z
              .object({
                minutes: z
                  .number()
                  .int()
                  .positive()
                  .max(60 * 24 * 30),
                classes: z.array(z.enum(ITEM_CLASSES)).min(1),
              })
              .partial()
              .strict(),
          ),
        },
        responses: { 200: ChangeResult, 400: problem('invalid change'), 404: problem('no such route') },
      }),
      (c) => c.json(service.changeRoute({ routeId: c.req.valid('param').routeId, ...c.req.valid('json') }), 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/serviceability/routes/{routeId}',
        ...forStaff,
        tags: ['serviceability'],
        summary: 'Close a route; only the table cells it affects are recomputed',
        request: { params: RouteParam },
        responses: { 200: ChangeResult, 404: problem('no such route') },
      }),
      (c) => c.json(service.changeRoute({ routeId: c.req.valid('param').routeId, removed: true }), 200),
    );
}
