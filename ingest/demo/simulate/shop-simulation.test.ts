// The simulated shop: the same seed gives the same history, inside its days, in time order, with a real
// shop's funnel, and shoppers keep to their tastes.
import { describe, expect, it } from 'vitest';
import { demoItems } from '../items.ts';
import { simulateShop, type SimEvent } from './shop-simulation.ts';
import { simCatalog, tasteOf } from './tastes.ts';

const items = [...demoItems({ seed: 5, count: 300 })];
const end = Date.UTC(2026, 10, 30);
const run = (seed: number) => [...simulateShop(items, { seed, shoppers: 80, days: 10, end })].flat();

describe('simulateShop', () => {
  it('gives the same events for the same seed, and others for another', () => {
    expect(run(9)).toEqual(run(9));
    expect(run(9)).not.toEqual(run(10));
  });

  it('puts every event inside the history, each day in time order, with unique ids', () => {
    const days = [...simulateShop(items, { seed: 9, shoppers: 80, days: 10, end })];
    expect(days).toHaveLength(10);
    for (const day of days)
      for (let i = 1; i < day.length; i++) expect(day[i]!.occurredAt).toBeGreaterThanOrEqual(day[i - 1]!.occurredAt);
    const all = days.flat();
    expect(all.every((e) => e.occurredAt >= end - 10 * 86_400_000 && e.occurredAt < end)).toBe(true);
    expect(new Set(all.map((e) => e.eventId)).size).toBe(all.length);
  });

  it('has a shop’s funnel: tens of views and about three cart adds per order', () => {
    const count = (type: SimEvent['type']) => run(9).filter((e) => e.type === type).length;
    const orders = count('OrderPlaced');
    expect(orders).toBeGreaterThan(20);
    expect(count('ProductViewed') / orders).toBeGreaterThan(15);
    expect(count('CartItemAdded') / orders).toBeGreaterThan(2);
    expect(count('CartItemAdded') / orders).toBeLessThan(5);
  });

  it('keeps shoppers to their tastes: most of what one views is in their two favourite categories', () => {
    const catalog = simCatalog(items, 9);
    const views = run(9).filter((e) => e.type === 'ProductViewed');
    for (const n of [0, 1, 2]) {
      const favourites = [...tasteOf(catalog, 9, n).categories].sort((a, b) => b[1] - a[1]).slice(0, 2);
      const mine = views.filter((e) => e.userId === `sim-9-${n}`);
      const inFavourites = mine.filter((e) => favourites.some(([c]) => c === e.category)).length;
      if (mine.length >= 10) expect(inFavourites / mine.length).toBeGreaterThan(0.6);
    }
  });
});
