// A supplier's contact details: where it is told of new and cancelled orders, set by its own API key or staff.
import { createRoute, z } from '@hono/zod-openapi';
import { DomainError } from '../../platform/errors.ts';
import { forSupplier, principalOf } from '../../platform/http/access.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { email, id } from '../../platform/http/fields.ts';
import { body, json, problem } from '../../platform/http/openapi.ts';
import { createRouter } from '../../platform/http/router.ts';
import type { Context } from 'hono';
import type { AccessService } from './access-service.ts';

const SupplierParam = z.object({ supplierId: id().openapi({ param: { name: 'supplierId', in: 'path' } }) });
const Contact = z
  .object({
    email: email().nullable().openapi({ example: 'orders@acme.example' }),
    phone: z
      .string()
      .regex(/^\+?[\d ()-]{6,30}$/, 'must be a phone number')
      .nullable()
      .openapi({ example: '+1 201 555 0100' }),
  })
  .openapi('SupplierContact');

const errors = {
  400: problem('invalid field'),
  401: problem('not signed in'),
  403: problem("another supplier's details"),
};

/** A supplier's key reaches only its own supplier's details; staff reach any. */
function ownSupplier(c: Context<AppEnv>, supplierId: string): string {
  const who = principalOf(c);
  if (who.kind === 'supplier' && who.supplierId !== supplierId)
    throw new DomainError('forbidden', 'supplierId', `this API key speaks only for ${who.supplierId}`);
  return supplierId;
}

export function supplierContactRoutes(access: AccessService) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'put',
        path: '/suppliers/{supplierId}/contact',
        tags: ['suppliers'],
        summary: 'Where the supplier is told of new and cancelled orders: an email address, a phone for SMS, or both',
        ...forSupplier,
        request: { params: SupplierParam, ...body(Contact) },
        responses: { 200: json(Contact, 'the details as kept'), ...errors },
      }),
      async (c) => {
        const supplierId = ownSupplier(c, c.req.valid('param').supplierId);
        const contact = c.req.valid('json');
        await access.setSupplierContact(supplierId, contact);
        return c.json(contact, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/suppliers/{supplierId}/contact',
        tags: ['suppliers'],
        summary: "The supplier's contact details (nulls until it gives some)",
        ...forSupplier,
        request: { params: SupplierParam },
        responses: { 200: json(Contact, 'the details'), ...errors },
      }),
      async (c) => c.json(await access.supplierContact(ownSupplier(c, c.req.valid('param').supplierId)), 200),
    );
}
