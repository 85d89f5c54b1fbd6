import { afterEach, expect, it, vi } from 'vitest';
import { newUuid } from './clock.ts';

afterEach(() => vi.useRealTimers());

it('makes RFC 9562 version 7 UUIDs that sort by the millisecond they were made in', () => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 25, 12) });
  const earlier = Array.from({ length: 50 }, () => newUuid());
  vi.advanceTimersByTime(1);
  const later = Array.from({ length: 50 }, () => newUuid());
  for (const id of [...earlier, ...later])
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(new Set([...earlier, ...later]).size).toBe(100);
  expect(later.every((id) => earlier.every((before) => before < id))).toBe(true);
  expect(earlier[0]!.slice(0, 13).replace('-', '')).toBe(Date.UTC(2026, 10, 25, 12).toString(16).padStart(12, '0'));
});
