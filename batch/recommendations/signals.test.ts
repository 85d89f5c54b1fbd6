import { describe, expect, it } from 'vitest';
import { signalsFromEvents, type SignalEvent, type SignalWeights } from './signals.ts';

const weights: SignalWeights = { order: 10, cart: 4, wishlist: 3, view: 1, search: 2, searchWindowMs: 60_000 };
let n = 0;
const base = (t: number) => ({ eventId: `e${++n}`, occurredAt: t });
const view = (userId: string | null, itemId: string, t: number): SignalEvent => ({
  type: 'ProductViewed',
  ...base(t),
  userId,
  itemId,
  category: 'books',
});
const search = (userId: string | null, t: number): SignalEvent => ({
  type: 'SearchPerformed',
  ...base(t),
  userId,
  query: 'tea',
  pincode: null,
  filters: {},
  resultIds: [],
  total: 0,
});

describe('signals from events', () => {
  it('weighs each kind as configured, one signal per order line', () => {
    const signals = signalsFromEvents(
      [
        {
          type: 'OrderPlaced',
          ...base(5),
          orderId: 'o1',
          userId: 'u1',
          totalMinor: 300,
          currency: 'USD',
          paymentId: 'p1',
          lines: [
            { itemId: 'a', quantity: 2, unitPriceMinor: 100, category: 'tea', warehouseId: 'w1' },
            { itemId: 'b', quantity: 1, unitPriceMinor: 100, category: 'cups', warehouseId: 'w1' },
          ],
        },
        {
          type: 'CartItemAdded',
          ...base(6),
          userId: 'u1',
          itemId: 'c',
          quantity: 1,
          unitPriceMinor: 5,
          category: 'tea',
        },
        { type: 'WishlistItemAdded', ...base(7), userId: 'u2', itemId: 'a', category: 'tea' },
        view('u2', 'b', 8),
      ],
      weights,
    );
    expect(signals.map((s) => [s.userId, s.itemId, s.weight, s.time, s.category])).toEqual([
      ['u1', 'a', 10, 5, 'tea'],
      ['u1', 'b', 10, 5, 'cups'],
      ['u1', 'c', 4, 6, 'tea'],
      ['u2', 'a', 3, 7, 'tea'],
      ['u2', 'b', 1, 8, 'books'],
    ]);
  });

  it('credits a search once to each item the same shopper viewed within the window after it', () => {
    const signals = signalsFromEvents(
      [
        view('u1', 'x', 1_030_000), // out of order: arrives before its search
        search('u1', 1_000_000),
        view('u1', 'x', 1_040_000), // the same item again: no second credit
        view('u1', 'y', 1_050_000),
        view('u1', 'z', 1_070_000), // 70 s after: outside the window
        view('u2', 'x', 1_010_000), // another shopper's view
        view('u1', 'w', 999_000), // before the search
      ],
      weights,
    ).filter((s) => s.weight === weights.search);
    expect(signals.map((s) => [s.userId, s.itemId, s.time])).toEqual([
      ['u1', 'x', 1_000_000],
      ['u1', 'y', 1_000_000],
    ]);
  });

  it('gives visitors’ views and searches no signal', () => {
    expect(signalsFromEvents([search(null, 1), view(null, 'x', 2)], weights)).toEqual([]);
  });
});
