// Product views: the storefront reports each item page shown, as product.viewed for recommendations.
import { createRoute, z } from '@hono/zod-openapi';
import { forAnyone } from '../../platform/http/access.ts';
import type { Clock, NewId } from '../../platform/clock.ts';
import type { EventRecorder } from '../../platform/events/background-events.ts';
import { id } from '../../platform/http/fields.ts';
import { problem } from '../../platform/http/openapi.ts';
import { createRouter } from '../../platform/http/router.ts';
import type { CatalogService } from './catalog-service.ts';

export function productViewRoutes(deps: {
  catalog: CatalogService;
  events: EventRecorder;
  clock: Clock;
  newId: NewId;
}) {
  const router = createRouter();
  return router.openapi(
    createRoute({
      method: 'post',
      path: '/items/{itemId}/views',
      tags: ['catalog'],
      summary: 'Record that an item page was shown (signed in or not)',
      ...forAnyone,
      request: {
        params: z.object({ itemId: id().openapi({ param: { name: 'itemId', in: 'path' } }) }),
      },
      responses: {
        202: { description: 'recorded' },
        400: problem('invalid item id'),
        401: problem('a token was sent but is not valid'),
        404: problem('no such item'),
      },
    }),
    async (c) => {
      const item = await deps.catalog.get(c.req.valid('param').itemId);
      const userId = c.get('userId') as string | undefined;
      deps.events.record('product.viewed', {
        type: 'ProductViewed',
        eventId: deps.newId(),
        occurredAt: deps.clock(),
        userId: userId ?? null,
        itemId: item.itemId,
        category: item.category,
      });
      return c.body(null, 202);
    },
  );
}
