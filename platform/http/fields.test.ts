// The field builders: what passes and what is refused, by character family and length.
import { describe, expect, it } from 'vitest';
import { id, text, token } from './fields.ts';

describe('field builders', () => {
  it('keeps text people write: accents, scripts, emoji with joiners and skin tones, combining marks', () => {
    for (const value of ['Zoë', '李小龍', 'مرحبا', '👩🏽‍💻', 'e\u0301', 'Ñandú 123'])
      expect(text({ max: 50 }).parse(value)).toBe(value);
  });

  it('refuses control, bidi and unpaired surrogate characters; several lines only where asked', () => {
    for (const bad of ['a\u0000', 'a\u001b[31m', 'a\u0085', 'a\u202E', 'a\u2066', 'a\uD800', '\uDC00a', 'a\uFFFE'])
      expect(text({ max: 50 }).safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(text({ max: 50 }).safeParse('one\ntwo').success).toBe(false);
    expect(text({ max: 50, multiline: true }).parse('one\n\ttwo\r\n')).toBe('one\n\ttwo');
    expect(text({ max: 50, multiline: true }).safeParse('one\u0000two').success).toBe(false);
  });

  it('bounds length after trimming, and names what is wrong', () => {
    expect(text({ max: 3 }).parse('  abc  ')).toBe('abc');
    expect(text({ max: 3 }).safeParse('abcd').error?.issues[0]?.message).toBe('must be at most 3 characters');
    expect(text({ max: 3 }).safeParse('   ').error?.issues[0]?.message).toBe('must not be empty');
    expect(text({ max: 3 }).safeParse(undefined).error?.issues[0]?.message).toBe('is required');
  });

  it('takes ids of letters, digits, dots, dashes and underscores up to their length', () => {
    expect(id().parse('itm-0000042')).toBe('itm-0000042');
    expect(id().parse('0198c2f4-7a3b-7c1d-9e2f-0a1b2c3d4e5f')).toBe('0198c2f4-7a3b-7c1d-9e2f-0a1b2c3d4e5f');
    for (const bad of ['', '-lead', 'a b', 'a/b', 'café', 'a\u0000', 'i'.repeat(65)])
      expect(id().safeParse(bad).success, bad).toBe(false);
    expect(id({ max: 128 }).safeParse('i'.repeat(128)).success).toBe(true);
  });

  it('takes tokens of printable ASCII without spaces', () => {
    expect(token({ min: 8, max: 128 }).parse('key:2026/01_ABC')).toBe('key:2026/01_ABC');
    for (const bad of ['short', 'with space', 'clé-clé-clé', 'k'.repeat(129)])
      expect(token({ min: 8, max: 128 }).safeParse(bad).success, bad).toBe(false);
  });
});
