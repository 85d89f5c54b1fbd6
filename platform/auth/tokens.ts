// Shopper tokens: HS256 JWTs naming the user, signed with the configured secret (hono's JWT helper).
import { sign, verify } from 'hono/jwt';
import { LRUCache } from 'lru-cache';
import { DomainError } from '../errors.ts';

const LIFETIME_S = 7 * 24 * 3600;

export class Tokens {
  /**
   * Tokens already verified, with their expiry: checking a signature costs a WebCrypto key import and an
   * HMAC, the largest part of a cart request. A token's signature cannot change, only its expiry pass.
   */
  private readonly verified = new LRUCache<string, { userId: string; expiresAtS: number }>({ max: 50_000 });

  constructor(private readonly secret: string) {}

  issue(userId: string, nowMs = Date.now()): Promise<string> {
    const now = Math.floor(nowMs / 1000);
    return sign({ sub: userId, iat: now, exp: now + LIFETIME_S }, this.secret, 'HS256');
  }

  /** The user id a token was issued to; a 401 for a token that is malformed, forged or expired. */
  async userIdOf(token: string): Promise<string> {
    const known = this.verified.get(token);
    if (known && known.expiresAtS > Date.now() / 1000) return known.userId;
    try {
      const payload = await verify(token, this.secret, 'HS256');
      if (typeof payload.sub === 'string' && typeof payload.exp === 'number') {
        this.verified.set(token, { userId: payload.sub, expiresAtS: payload.exp });
        return payload.sub;
      }
    } catch {
      // Why a token fails (bad signature, expired, garbage) is not the caller's business.
    }
    throw new DomainError('unauthenticated', 'authorization', 'sign in again: the token is missing, invalid or expired');
  }
}
