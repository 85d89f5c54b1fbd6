// Who may call a route, declared on the route itself: spread one of these into its createRoute definition.
import type { Context, MiddlewareHandler } from 'hono';
import { ANONYMOUS, type Principal } from '../auth/principal.ts';
import { DomainError } from '../errors.ts';
import type { AppEnv } from './env.ts';

/**
 * - anyone: no credential needed (a person's token, when sent, still names them, e.g. for search).
 * - shopper: a signed-in person acting on their own account (`{userId}` in the path is theirs).
 * - staff: a person with the staff role (catalog writes, stock, routes, reports).
 * - supplier: a supplier's API key, for that supplier's own items (checked by the route), or staff.
 * - signed-in: any credential at all; the resource decides (an order: its shopper, its sellers, staff).
 */
export type AccessLevel = 'anyone' | 'shopper' | 'staff' | 'supplier' | 'signed-in';

/** The OpenAPI extension each operation carries, so the document (and the role table test) says who may call it. */
export const ACCESS_EXTENSION = 'x-access';

export const principalOf = (c: Context<AppEnv>): Principal => c.get('principal') ?? ANONYMOUS;

const unauthenticated = () =>
  new DomainError('unauthenticated', 'authorization', 'sign in first: send Authorization: Bearer <token or API key>');

const allowed: Record<AccessLevel, (c: Context<AppEnv>, who: Principal) => boolean> = {
  anyone: () => true,
  shopper: (c, who) => who.kind === 'person' && who.userId === c.req.param('userId'),
  staff: (_c, who) => who.kind === 'person' && who.role === 'staff',
  supplier: (_c, who) => who.kind === 'supplier' || (who.kind === 'person' && who.role === 'staff'),
  'signed-in': (_c, who) => who.kind !== 'anonymous',
};

const refusal: Record<AccessLevel, string> = {
  anyone: '',
  shopper: 'you can only see and change your own account',
  staff: 'this needs a staff account',
  supplier: 'this needs a supplier API key or a staff account',
  'signed-in': '',
};

function guard(level: AccessLevel): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const who = principalOf(c);
    if (!allowed[level](c, who)) {
      if (who.kind === 'anonymous') throw unauthenticated();
      throw new DomainError('forbidden', level === 'shopper' ? 'userId' : 'authorization', refusal[level]);
    }
    await next();
  };
}

const TOKEN = { token: [] as string[] };
const API_KEY = { apiKey: [] as string[] };

function declare(level: AccessLevel, security: Record<string, string[]>[]) {
  const middleware: MiddlewareHandler<AppEnv>[] = [guard(level)];
  return { [ACCESS_EXTENSION]: level, security, middleware };
}

/** No credential needed; a token, when sent, names the shopper (an empty requirement beside it). */
export const forAnyone = declare('anyone', [TOKEN, {}]);
/** The signed-in shopper, on their own `{userId}` only: anyone else is a 403. */
export const forShopper = declare('shopper', [TOKEN]);
export const forStaff = declare('staff', [TOKEN]);
/** A supplier's API key (its own items: the route checks with `mayWriteFor`) or a staff token. */
export const forSupplier = declare('supplier', [API_KEY, TOKEN]);
/** Any credential; the route asks the resource what this caller may do with it (principalOf). */
export const forSignedIn = declare('signed-in', [TOKEN, API_KEY]);

/**
 * A supplier key may write only its own supplier's items; staff may write any. Call it in a
 * forSupplier route with the supplier the request writes for (null when the record names none).
 */
export function mayWriteFor(c: Context<AppEnv>, supplierId: unknown): boolean {
  const who = principalOf(c);
  if (who.kind === 'person') return who.role === 'staff';
  return who.kind === 'supplier' && who.supplierId === supplierId;
}

export function forbiddenFor(field: string, supplierId: unknown): DomainError {
  return new DomainError(
    'forbidden',
    field,
    `this API key writes only its own supplier's items, not ${typeof supplierId === 'string' ? supplierId : 'these'}`,
  );
}
