// The one authenticator: turns `Authorization: Bearer <token or API key>` into the request's principal.
import type { MiddlewareHandler } from 'hono';
import { isApiKey } from '../auth/api-keys.ts';
import { ANONYMOUS, type Authenticator } from '../auth/principal.ts';
import { DomainError } from '../errors.ts';
import type { AppEnv } from './env.ts';

/**
 * Every API request passes here; no route decides who is calling on its own. No credential is the
 * anonymous principal; a credential that is sent but not accepted (forged, expired, revoked) is a 401
 * on every route, so a client learns at once that its credential went bad. Whether the principal may
 * call the route is the route's own declaration (access.ts).
 */
export function authenticate(credentials: Authenticator): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) {
      c.set('principal', ANONYMOUS);
      return next();
    }
    const credential = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!credential)
      throw new DomainError('unauthenticated', 'authorization', 'send Authorization: Bearer <token or API key>');
    if (isApiKey(credential)) {
      c.set('principal', { kind: 'supplier', ...(await credentials.supplier(credential)) });
    } else {
      const person = await credentials.person(credential);
      c.set('principal', { kind: 'person', ...person });
      c.set('userId', person.userId);
    }
    return next();
  };
}
