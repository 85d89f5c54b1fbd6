// What a shopper already bought, against brute force: random orders in every status, random buy-again categories.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ORDER_STATUSES } from '../orders/order.ts';
import { buysAgain } from '../catalog/taxonomy.ts';
import { alreadyBought } from './bought.ts';

const CATEGORIES = ['shirts', 'dairy', 'books', 'bread'];
const orders = fc.array(
  fc.record({
    status: fc.constantFrom(...ORDER_STATUSES),
    lines: fc.array(
      fc.record({
        itemId: fc.constantFrom(...Array.from({ length: 10 }, (_, i) => `item-${i}`)),
        category: fc.constantFrom(...CATEGORIES),
      }),
      { maxLength: 4 },
    ),
  }),
  { maxLength: 8 },
);

it('is every item of a paid order (packed, shipped, delivered or returned too) outside the buy-again categories', () => {
  fc.assert(
    fc.property(orders, fc.subarray(CATEGORIES), (past, again) => {
      const paid = ['PLACED', 'PACKED', 'SHIPPED', 'DELIVERED', 'RETURN_REQUESTED', 'RETURNED'];
      const want = new Set<string>();
      for (const item of Array.from({ length: 10 }, (_, i) => `item-${i}`))
        if (
          past.some(
            (o) => paid.includes(o.status) && o.lines.some((l) => l.itemId === item && !again.includes(l.category)),
          )
        )
          want.add(item);
      expect(alreadyBought(past, (c) => again.includes(c))).toEqual(want);
    }),
    { numRuns: 500 },
  );
});

it('takes bread and dairy as the categories people buy again', () => {
  expect(CATEGORIES.filter(buysAgain)).toEqual(['dairy', 'bread']);
});
