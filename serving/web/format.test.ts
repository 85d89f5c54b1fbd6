import { describe, expect, it } from 'vitest';
import { money, promiseDay, promiseWindow, warehousePlace } from './format.ts';

describe('storefront formats', () => {
  it('writes cents as dollars', () => {
    expect(money(123450)).toBe('$1,234.50');
    expect(money(99)).toBe('$0.99');
  });

  it('writes the promised day as "Thu 4 Dec" and its window in UTC', () => {
    expect(promiseDay('2026-12-03')).toBe('Thu 3 Dec');
    expect(promiseWindow({ from: '2026-12-03T09:00:00.000Z', to: '2026-12-03T21:00:00.000Z' })).toBe('09:00–21:00');
  });

  it('names the place a warehouse id carries', () => {
    expect(warehousePlace('wh-07-san-jose')).toBe('San Jose');
    expect(warehousePlace('wh-east')).toBe('wh-east');
  });
});
