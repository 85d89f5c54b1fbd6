// Routes that act for a shopper: the authenticator names them, and they may only touch their own data.
import type { Context } from 'hono';
import { DomainError } from '../errors.ts';
import type { AppEnv } from './env.ts';

/**
 * The signed-in shopper, after checking the path names them: another shopper's id is a 403, never their
 * data. A second wall behind `forShopper` (access.ts), which already refused anyone else.
 */
export function self(c: Context<AppEnv>, userId: string): string {
  if (c.get('userId') !== userId)
    throw new DomainError('forbidden', 'userId', 'you can only see and change your own account');
  return userId;
}
