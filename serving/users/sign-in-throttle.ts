// Slows password guessing: each client address gets a few free wrong passwords per account, then waits
// that double up to a cap; and an address's wrong passwords over all accounts refill slowly.
import { LRUCache } from 'lru-cache';
import type { Clock } from '../../platform/clock.ts';

export interface ThrottleSettings {
  /** Wrong passwords an address may send for one account before it must wait. */
  freeFailures: number;
  /** The first wait; each further wrong password doubles it… */
  baseDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
  /** Wrong passwords an address may send over all accounts at once… */
  addressBurst: number;
  /** …and one more each this often. */
  addressRefillMs: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = {
  freeFailures: 5,
  baseDelayMs: 1000,
  maxDelayMs: 5 * 60_000,
  addressBurst: 30,
  addressRefillMs: 10_000,
};

/**
 * Waits are kept per account *and address*, so an attacker's guesses never make the real shopper, at
 * an address of their own, wait at all. What bounds an attacker spread over many addresses is each
 * address's slow refill. One process's memory: several shop instances each keep their own counts.
 */
export class SignInThrottle {
  private readonly pairs = new LRUCache<string, { failures: number; lockedUntil: number }>({ max: 100_000 });
  private readonly buckets = new LRUCache<string, { tokens: number; at: number }>({ max: 100_000 });

  constructor(
    private readonly clock: Clock,
    private readonly settings: ThrottleSettings = DEFAULT_THROTTLE,
  ) {}

  /** Milliseconds before this address may try a password for this account again; 0 when it may now. */
  waitMs(account: string, address: string): number {
    const now = this.clock();
    const pair = this.pairs.get(pairKey(account, address));
    const pairWait = pair ? Math.max(0, pair.lockedUntil - now) : 0;
    const tokens = this.tokens(address, now);
    const addressWait = tokens >= 1 ? 0 : Math.ceil((1 - tokens) * this.settings.addressRefillMs);
    return Math.max(pairWait, addressWait);
  }

  failed(account: string, address: string): void {
    const now = this.clock();
    const { freeFailures, baseDelayMs, maxDelayMs } = this.settings;
    const key = pairKey(account, address);
    const pair = this.pairs.get(key) ?? { failures: 0, lockedUntil: 0 };
    pair.failures++;
    if (pair.failures > freeFailures)
      pair.lockedUntil = now + Math.min(maxDelayMs, baseDelayMs * 2 ** (pair.failures - freeFailures - 1));
    this.pairs.set(key, pair);
    this.buckets.set(address, { tokens: this.tokens(address, now) - 1, at: now });
  }

  /** The right password: the address starts afresh on this account (its budget over all accounts stays spent). */
  succeeded(account: string, address: string): void {
    this.pairs.delete(pairKey(account, address));
  }

  private tokens(address: string, now: number): number {
    const { addressBurst, addressRefillMs } = this.settings;
    const bucket = this.buckets.get(address);
    if (!bucket) return addressBurst;
    return Math.min(addressBurst, bucket.tokens + (now - bucket.at) / addressRefillMs);
  }
}

const pairKey = (account: string, address: string) => `${account}\u0000${address}`;
