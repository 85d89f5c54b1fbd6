// Routes that act for a shopper: a bearer token names them, and they may only touch their own data.
import type { Context, MiddlewareHandler } from 'hono';
import type { Tokens } from '../auth/tokens.ts';
import { DomainError } from '../errors.ts';
import type { AppEnv } from './env.ts';
import type { createRouter } from './router.ts';

/** Sets `userId` from `Authorization: Bearer <token>`; 401 without a valid token. */
function requireShopper(tokens: Tokens): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token) throw new DomainError('unauthenticated', 'authorization', 'sign in first: send Authorization: Bearer <token>');
    c.set('userId', await tokens.userIdOf(token));
    await next();
  };
}

/** Puts requireShopper in front of each path and everything under it. */
export function shopperOnly(router: ReturnType<typeof createRouter>, tokens: Tokens, ...paths: string[]): void {
  const guard = requireShopper(tokens);
  for (const path of paths) {
    router.use(path, guard);
    router.use(`${path}/*`, guard);
  }
}

/** Sets `userId` when a valid token is sent, and lets anonymous requests through (e.g. product views). */
export function optionalShopper(tokens: Tokens): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    if (header.startsWith('Bearer ')) c.set('userId', await tokens.userIdOf(header.slice(7).trim()));
    await next();
  };
}

/** The signed-in shopper, after checking the path names them: another shopper's id is a 403, never their data. */
export function self(c: Context<AppEnv>, userId: string): string {
  if (c.get('userId') !== userId) throw new DomainError('forbidden', 'userId', 'you can only see and change your own account');
  return userId;
}
