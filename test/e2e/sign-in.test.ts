// Sign-in against password guessing, through the HTTP API: thirty wrong passwords in a row are slowed
// with 429 and Retry-After, the right password works again once the wait is over, and an unknown email
// answers exactly as a wrong password does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../platform/clock.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';

describe('sign-in', () => {
  // Tokens are checked against the shop's clock; it starts from the real time.
  const clock = fakeClock(Date.now());
  let t: TestShop;
  const signIn = (email: string, password: string) => t.api('POST', '/sessions', { email, password });

  beforeAll(async () => {
    t = await openTestShop({}, { clock });
    await t.api('POST', '/users', { email: 'guessed@example.com', password: 'the right one', name: 'Guessed' });
  });
  afterAll(() => t.close());

  it('slows thirty wrong passwords with 429 and Retry-After, then lets the right one in after the wait', async () => {
    const statuses: number[] = [];
    let retryAfter = 0;
    for (let i = 0; i < 30; i++) {
      const res = await t.shop.http.request('/api/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'guessed@example.com', password: `wrong guess ${i}` }),
      });
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = Number(res.headers.get('retry-after'));
        expect(await res.json()).toMatchObject({ code: 'throttled', field: 'password' });
      }
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(6).every((s) => s === 429)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);

    // Even the right password waits its turn…
    expect((await signIn('guessed@example.com', 'the right one')).status).toBe(429);
    // …and works once the wait is over.
    clock.advance(retryAfter * 1000);
    const right = await signIn('guessed@example.com', 'the right one');
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({ token: expect.any(String) as string });
  });

  it('answers an unknown email exactly as a wrong password', async () => {
    const unknown = await signIn('nobody@example.com', 'whatever it is');
    clock.advance(10 * 60_000);
    await t.api('POST', '/users', { email: 'known@example.com', password: 'the right one', name: 'Known' });
    const wrong = await signIn('known@example.com', 'whatever it is');
    expect(unknown).toEqual(wrong);
    expect(unknown).toMatchObject({ status: 401, body: { code: 'unauthenticated', field: 'password' } });
  });
});
