// Order pages: paging through live and archived orders, with archiving between pages, against a brute-force oracle.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Order } from './order.ts';
import { compareOrders, decodeCursor, encodeCursor, isAfter, mergePage, type OrderPosition } from './order-pages.ts';

const asOrder = (p: OrderPosition) => ({ ...p }) as unknown as Order;

/** A store as the ports promise it: sorted, after the position, at most `limit`. */
const read = (orders: Iterable<Order>, limit: number, after?: OrderPosition) =>
  [...orders]
    .filter((o) => !after || isAfter(o, after))
    .sort(compareOrders)
    .slice(0, limit);

describe('order pages', () => {
  it('page through every order exactly once, newest first, while orders are archived between pages', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            // Few distinct times, so many orders share a millisecond and the id decides.
            createdAt: fc.integer({ min: 0, max: 8 }),
            orderId: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,5}$/),
            archived: fc.constantFrom('live', 'archived', 'both'),
          }),
          { selector: (o) => o.orderId, maxLength: 40 },
        ),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (rows, limit, moves) => {
          const live = new Map<string, Order>();
          const archive = new Map<string, Order>();
          for (const r of rows) {
            const order = asOrder(r);
            if (r.archived !== 'archived') live.set(r.orderId, order);
            if (r.archived !== 'live') archive.set(r.orderId, order);
          }
          const expected = rows.map(asOrder).sort(compareOrders);
          const shown: Order[] = [];
          let cursor: string | null | undefined;
          for (let page = 0; cursor !== null; page++) {
            expect(page).toBeLessThanOrEqual(rows.length + 1);
            const after = cursor === undefined ? undefined : decodeCursor(cursor);
            const result = mergePage(
              read(live.values(), limit + 1, after),
              read(archive.values(), limit + 1, after),
              limit,
            );
            expect(result.orders.length).toBeLessThanOrEqual(limit);
            shown.push(...result.orders);
            cursor = result.next;
            // Between pages the archiver copies an order, and later deletes it from the live database.
            const move = moves[page];
            const candidate = move === undefined ? undefined : [...live.values()][move % Math.max(1, live.size)];
            if (candidate) {
              archive.set(candidate.orderId, candidate);
              if (move! % 2 === 0) live.delete(candidate.orderId);
            }
          }
          expect(shown.map((o) => o.orderId)).toEqual(expected.map((o) => o.orderId));
        },
      ),
    );
  });

  it('hands out cursors that read back as the same position, and refuses any other text naming the cursor', () => {
    fc.assert(
      fc.property(fc.record({ createdAt: fc.integer({ min: 0, max: 2 ** 52 }), orderId: fc.uuid() }), (position) => {
        expect(decodeCursor(encodeCursor(position))).toEqual(position);
      }),
    );
    for (const bad of ['', 'x', Buffer.from('12.').toString('base64url'), Buffer.from('a.b').toString('base64url')])
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: 'invalid', field: 'cursor' }));
  });
});
