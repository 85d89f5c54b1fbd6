// Supplier push API: one item, a bulk list with a result per item, and withdrawal of an item.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { forbiddenFor, forSupplier, mayWriteFor, principalOf } from '../platform/http/access.ts';
import type { AppEnv } from '../platform/http/env.ts';
import { DomainError, notFound } from '../platform/errors.ts';
import { id } from '../platform/http/fields.ts';
import { json, Problem, problem } from '../platform/http/openapi.ts';
import { createRouter } from '../platform/http/router.ts';
import type { Inbound } from './inbound.ts';
import type { Reason } from '../serving/catalog/validate-item.ts';

/** A bulk request of 5,000 items at up to a few kilobytes each needs more than the default body size. */
export const BULK_MAX_BYTES = 32 * 1024 * 1024;

const Accepted = z.object({ status: z.literal('accepted'), itemId: z.string() }).openapi('SupplierItemAccepted');
const BulkResult = z
  .union([Accepted, z.object({ status: z.literal('rejected'), errors: z.array(Problem) })])
  .openapi('SupplierItemResult');
// Records are validated by the inbound service, not here, so a bulk request reports each bad item instead of failing whole.
const AnyRecord = z.record(z.string(), z.unknown()).openapi('SupplierItemInput');
const body = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

/** Every reason as the one error shape, its field the full path in the request (`items.3.name`). */
const problems = (reasons: Reason[], prefix: string) =>
  reasons.map((r) => ({ code: 'invalid' as const, field: prefix + r.field, message: r.message }));

/** `supplierOf` answers which supplier's item the catalog holds under an id (undefined when none). */
export function ingestRoutes(inbound: Inbound, catalog: { supplierOf(itemId: string): Promise<string | undefined> }) {
  /**
   * Why this caller may not write this record, or undefined when it may: a supplier key writes only
   * records naming its own supplier, and never an item the catalog holds for another supplier.
   */
  const refusal = async (c: Context<AppEnv>, record: unknown, prefix: string) => {
    const fields = (typeof record === 'object' && record !== null ? record : {}) as Record<string, unknown>;
    const { supplierId, itemId } = fields;
    // A record with no supplier is refused by validation, naming the field; here only a wrong one is.
    if (supplierId !== undefined && !mayWriteFor(c, supplierId)) return forbiddenFor(`${prefix}supplierId`, supplierId);
    if (principalOf(c).kind === 'supplier' && typeof itemId === 'string') {
      const owner = await catalog.supplierOf(itemId);
      if (owner !== undefined && owner !== supplierId) return forbiddenFor(`${prefix}itemId`, owner);
    }
    return undefined;
  };
  const submit = (records: unknown[], location: (index: number) => string) =>
    inbound.submit(
      'http',
      records.map((value, i) => ({ location: location(i), raw: JSON.stringify(value), value })),
    );

  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/supplier/items',
        ...forSupplier,
        tags: ['supplier feed'],
        summary:
          'Push one item; 202 once it is on the feed, 400 naming the first field at fault (the message lists all)',
        request: { body: body(AnyRecord) },
        responses: {
          202: json(Accepted, 'accepted for the catalog'),
          400: problem('refused'),
          403: problem("another supplier's item or supplierId"),
        },
      }),
      async (c) => {
        const refused = await refusal(c, c.req.valid('json'), '');
        if (refused) throw refused;
        const [outcome] = await submit([c.req.valid('json')], () => 'body');
        if (outcome!.status === 'accepted')
          return c.json({ status: 'accepted' as const, itemId: outcome!.itemId }, 202);
        const [first] = outcome!.reasons;
        throw new DomainError(
          'invalid',
          first?.field ?? 'body',
          outcome!.reasons.map((r) => `${r.field} ${r.message}`).join('; '),
        );
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/supplier/items/bulk',
        ...forSupplier,
        tags: ['supplier feed'],
        summary: 'Push up to 5,000 items; each is accepted or refused on its own',
        request: { body: body(z.object({ items: z.array(z.unknown()).min(1).max(5000) })) },
        responses: {
          200: json(
            z.object({ accepted: z.number(), rejected: z.number(), results: z.array(BulkResult) }),
            'a result per item, in order; a refused one lists every error, each naming its field',
          ),
          400: problem('no items, or more than 5,000'),
        },
      }),
      async (c) => {
        const records = c.req.valid('json').items;
        // A record this caller may not write is refused on its own, like an invalid one; the rest go ahead.
        const refusals = await Promise.all(records.map((record, i) => refusal(c, record, `items.${i}.`)));
        const allowed = records.flatMap((record, i) => (refusals[i] ? [] : [{ record, i }]));
        const outcomes = await submit(
          allowed.map((a) => a.record),
          (n) => `items.${allowed[n]!.i}`,
        );
        const results: z.infer<typeof BulkResult>[] = refusals.map((refused) =>
          refused ? { status: 'rejected' as const, errors: [refused.toJSON()] } : { status: 'rejected', errors: [] },
        );
        outcomes.forEach((o, n) => {
          const i = allowed[n]!.i;
          results[i] =
            o.status === 'accepted'
              ? { status: 'accepted' as const, itemId: o.itemId }
              : { status: 'rejected' as const, errors: problems(o.reasons, `items.${i}.`) };
        });
        const accepted = results.filter((r) => r.status === 'accepted').length;
        return c.json({ accepted, rejected: results.length - accepted, results }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/supplier/{supplierId}/items/{itemId}',
        ...forSupplier,
        tags: ['supplier feed'],
        summary: 'Withdraw an item',
        request: { params: z.object({ supplierId: id(), itemId: id() }) },
        responses: {
          202: { description: 'the withdrawal is on the feed' },
          403: problem("another supplier's item"),
          404: problem(
            'the catalog holds no such item of this supplier (an item pushed moments ago may not be in yet)',
          ),
        },
      }),
      async (c) => {
        const { supplierId, itemId } = c.req.valid('param');
        if (!mayWriteFor(c, supplierId)) throw forbiddenFor('supplierId', supplierId);
        const owner = await catalog.supplierOf(itemId);
        if (owner !== undefined && owner !== supplierId && principalOf(c).kind === 'supplier')
          throw forbiddenFor('itemId', owner);
        if (owner !== supplierId)
          throw notFound('itemId', `supplier ${supplierId} has no item ${itemId} in the catalog`);
        await inbound.remove(supplierId, itemId);
        return c.body(null, 202);
      },
    );
}
