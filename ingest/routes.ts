// Supplier push API: one item, a bulk list with a result per item, and withdrawal of an item.
import { createRoute, z } from '@hono/zod-openapi';
import { json } from '../platform/http/openapi.ts';
import { createRouter } from '../platform/http/router.ts';
import type { Inbound, RecordOutcome } from './inbound.ts';

const Outcome = z
  .object({
    location: z.string(),
    status: z.enum(['accepted', 'rejected']),
    itemId: z.string().optional(),
    reasons: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('RecordOutcome');
// Records are validated by the inbound service, not here, so a bulk request reports each bad item instead of failing whole.
const AnyRecord = z.record(z.string(), z.unknown()).openapi('SupplierItemInput');
const body = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

export function ingestRoutes(inbound: Inbound) {
  const submit = (records: unknown[], location: (index: number) => string) =>
    inbound.submit('http', records.map((value, i) => ({ location: location(i), raw: JSON.stringify(value), value })));
  const status = (outcome: RecordOutcome) => (outcome.status === 'accepted' ? 202 : 400);

  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/supplier/items',
        tags: ['supplier feed'],
        summary: 'Push one item; 202 once it is on the feed, 400 with every reason when refused',
        request: { body: body(AnyRecord) },
        responses: { 202: json(Outcome, 'accepted for the catalog'), 400: json(Outcome, 'refused, with reasons') },
      }),
      async (c) => {
        const [outcome] = await submit([c.req.valid('json')], () => 'body');
        return c.json(outcome!, status(outcome!));
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/supplier/items/bulk',
        tags: ['supplier feed'],
        summary: 'Push up to 5,000 items; each is accepted or refused on its own',
        request: { body: body(z.object({ items: z.array(z.unknown()).min(1).max(5000) })) },
        responses: { 200: json(z.object({ accepted: z.number(), rejected: z.number(), results: z.array(Outcome) }), 'a result per item, in order') },
      }),
      async (c) => {
        const results = await submit(c.req.valid('json').items, (i) => `items.${i}`);
        const accepted = results.filter((r) => r.status === 'accepted').length;
        return c.json({ accepted, rejected: results.length - accepted, results }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/supplier/{supplierId}/items/{itemId}',
        tags: ['supplier feed'],
        summary: 'Withdraw an item',
        request: { params: z.object({ supplierId: z.string().min(1).max(64), itemId: z.string().min(1).max(64) }) },
        responses: { 202: { description: 'the withdrawal is on the feed' } },
      }),
      async (c) => {
        const { supplierId, itemId } = c.req.valid('param');
        await inbound.remove(supplierId, itemId);
        return c.body(null, 202);
      },
    );
}
