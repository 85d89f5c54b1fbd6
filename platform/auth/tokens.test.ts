import { describe, expect, it } from 'vitest';
import { Tokens } from './tokens.ts';

const DAY = 24 * 3600_000;

describe('shopper tokens', () => {
  const tokens = new Tokens('a-secret-of-at-least-thirty-two-characters');

  it('names the user a token was issued to, again and again', async () => {
    const token = await tokens.issue('user-1');
    expect(await tokens.userIdOf(token)).toBe('user-1');
    expect(await tokens.userIdOf(token)).toBe('user-1');
  });

  it('refuses an expired token, a token signed with another secret and a tampered one', async () => {
    await expect(tokens.userIdOf(await tokens.issue('user-1', Date.now() - 8 * DAY))).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    const foreign = await new Tokens('another-secret-of-at-least-thirty-two-chars').issue('user-1');
    await expect(tokens.userIdOf(foreign)).rejects.toMatchObject({ code: 'unauthenticated' });
    const [header, , signature] = (await tokens.issue('user-1')).split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: 'user-2', exp: 9e9 })).toString('base64url')}.${signature}`;
    await expect(tokens.userIdOf(forged)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
