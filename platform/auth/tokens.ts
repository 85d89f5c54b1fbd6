// Shopper tokens: HS256 JWTs naming the user, signed with the configured secret (hono's JWT helper).
import { sign, verify } from 'hono/jwt';
import { DomainError } from '../errors.ts';

const LIFETIME_S = 7 * 24 * 3600;

export class Tokens {
  constructor(private readonly secret: string) {}

  issue(userId: string, nowMs = Date.now()): Promise<string> {
    const now = Math.floor(nowMs / 1000);
    return sign({ sub: userId, iat: now, exp: now + LIFETIME_S }, this.secret, 'HS256');
  }

  /** The user id a token was issued to; a 401 for a token that is malformed, forged or expired. */
  async userIdOf(token: string): Promise<string> {
    try {
      const payload = await verify(token, this.secret, 'HS256');
      if (typeof payload.sub === 'string') return payload.sub;
    } catch {
      // Why a token fails (bad signature, expired, garbage) is not the caller's business.
    }
    throw new DomainError('unauthenticated', 'authorization', 'sign in again: the token is missing, invalid or expired');
  }
}
