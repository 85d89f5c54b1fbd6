import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../platform/clock.ts';
import { DEFAULT_THROTTLE, SignInThrottle } from './sign-in-throttle.ts';

describe('the sign-in throttle', () => {
  it('lets five wrong passwords through, then makes the address wait twice as long each time, up to the cap', () => {
    const clock = fakeClock(0);
    const throttle = new SignInThrottle(clock);
    const waits: number[] = [];
    for (let i = 0; i < 16; i++) {
      clock.advance(throttle.waitMs('ann@example.com', '10.0.0.9'));
      waits.push(throttle.waitMs('ann@example.com', '10.0.0.9'));
      throttle.failed('ann@example.com', '10.0.0.9');
    }
    expect(waits.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    const after = throttle.waitMs('ann@example.com', '10.0.0.9');
    expect(after).toBe(DEFAULT_THROTTLE.maxDelayMs);
    throttle.succeeded('ann@example.com', '10.0.0.9');
    expect(throttle.waitMs('ann@example.com', '10.0.0.9')).toBe(0);
  });

  it('limits one address over many accounts', () => {
    const clock = fakeClock(0);
    const throttle = new SignInThrottle(clock);
    for (let i = 0; i < DEFAULT_THROTTLE.addressBurst; i++) throttle.failed(`user-${i}@example.com`, '10.0.0.9');
    expect(throttle.waitMs('someone-new@example.com', '10.0.0.9')).toBe(DEFAULT_THROTTLE.addressRefillMs);
    clock.advance(DEFAULT_THROTTLE.addressRefillMs);
    expect(throttle.waitMs('someone-new@example.com', '10.0.0.9')).toBe(0);
  });

  it("never makes the real shopper wait for an attacker's guesses from other addresses", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ address: fc.integer({ min: 0, max: 5 }), gapMs: fc.nat(120_000) }), { maxLength: 200 }),
        (guesses) => {
          const clock = fakeClock(0);
          const throttle = new SignInThrottle(clock);
          for (const { address, gapMs } of guesses) {
            clock.advance(gapMs);
            throttle.failed('ann@example.com', `attacker-${address}`);
            expect(throttle.waitMs('ann@example.com', 'ann-home')).toBe(0);
          }
        },
      ),
    );
  });

  it('answers each wait as a replay of the failures so far would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ account: fc.integer({ min: 0, max: 2 }), gapMs: fc.nat(400_000) }), { maxLength: 60 }),
        (guesses) => {
          const clock = fakeClock(0);
          const throttle = new SignInThrottle(clock);
          const history: { account: number; at: number }[] = [];
          for (const { account, gapMs } of guesses) {
            clock.advance(gapMs);
            throttle.failed(`a${account}`, 'x');
            history.push({ account, at: clock() });
          }
          // The oracle: per account, the last failure's lock; over all, the bucket replayed from empty spending.
          const { freeFailures, baseDelayMs, maxDelayMs, addressBurst, addressRefillMs } = DEFAULT_THROTTLE;
          let tokens = addressBurst;
          let at = 0;
          for (const h of history) {
            tokens = Math.min(addressBurst, tokens + (h.at - at) / addressRefillMs) - 1;
            at = h.at;
          }
          const now = clock();
          const bucketTokens = history.length
            ? Math.min(addressBurst, tokens + (now - at) / addressRefillMs)
            : addressBurst;
          const addressWait = bucketTokens >= 1 ? 0 : Math.ceil((1 - bucketTokens) * addressRefillMs);
          for (const account of [0, 1, 2]) {
            const mine = history.filter((h) => h.account === account);
            const n = mine.length;
            const lockedUntil =
              n > freeFailures ? mine[n - 1]!.at + Math.min(maxDelayMs, baseDelayMs * 2 ** (n - freeFailures - 1)) : 0;
            expect(throttle.waitMs(`a${account}`, 'x')).toBe(Math.max(Math.max(0, lockedUntil - now), addressWait));
          }
        },
      ),
    );
  });
});
