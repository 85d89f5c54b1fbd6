// Shopper tokens: HS256 JWTs naming the user, signed with the configured secret (hono's JWT helper).
import { sign, verify } from 'hono/jwt';
import { LRUCache } from 'lru-cache';
import { systemClock, type Clock } from '../clock.ts';
import { DomainError } from '../errors.ts';

const LIFETIME_S = 7 * 24 * 3600;

export class Tokens {
  /**
   * Tokens already verified, with their expiry: checking a signature costs a WebCrypto key import and an
   * HMAC, the largest part of a cart request. A token's signature cannot change, only its expiry pass.
   */
  private readonly verified = new LRUCache<string, { userId: string; expiresAtS: number }>({ max: 50_000 });

  /** Expiry is judged by `clock`, the one tokens are issued by, so a shop on a fake clock accepts its own tokens. */
  constructor(
    private readonly secret: string,
    private readonly clock: Clock = systemClock,
  ) {}

  issue(userId: string, nowMs = this.clock()): Promise<string> {
    const now = Math.floor(nowMs / 1000);
    return sign({ sub: userId, iat: now, exp: now + LIFETIME_S }, this.secret, 'HS256');
  }

  /** The user id a token was issued to; a 401 for a token that is malformed, forged or expired. */
  async userIdOf(token: string): Promise<string> {
    const known = this.verified.get(token);
    const nowS = this.clock() / 1000;
    if (known && known.expiresAtS > nowS) return known.userId;
    try {
      // The signature here, the times against our clock below (hono's checks read the system's).
      const payload = await verify(token, this.secret, { alg: 'HS256', exp: false, nbf: false, iat: false });
      if (typeof payload.sub === 'string' && typeof payload.exp === 'number' && payload.exp > nowS) {
        this.verified.set(token, { userId: payload.sub, expiresAtS: payload.exp });
        return payload.sub;
      }
    } catch {
      // Why a token fails (bad signature, expired, garbage) is not the caller's business.
    }
    throw new DomainError(
      'unauthenticated',
      'authorization',
      'sign in again: the token is missing, invalid or expired',
    );
  }
}
