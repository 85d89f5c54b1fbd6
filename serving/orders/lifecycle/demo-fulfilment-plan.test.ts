// The demo's fulfilment plan: every move due at its time, and every delivery inside the promised window whenever the order was placed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deliveryPromise } from '../../serviceability/delivery-promise.ts';
import { DEMO_PLAN, dueMove } from './demo-fulfilment-plan.ts';

const order = (status: 'PLACED' | 'PACKED' | 'SHIPPED' | 'DELIVERED', updatedAt: number) => ({
  orderId: 'o-1',
  status,
  updatedAt,
});

describe('demo fulfilment plan', () => {
  it('packs minutes after placing, ships minutes after packing, and leaves finished orders alone', () => {
    expect(dueMove(order('PLACED', 1000), DEMO_PLAN, undefined)).toEqual({ move: { kind: 'pack' }, at: 121_000 });
    expect(dueMove(order('PACKED', 1000), DEMO_PLAN, undefined)).toEqual({
      move: { kind: 'ship', carrier: 'Emporium Express', trackingId: 'EMX-o-1' },
      at: 301_000,
    });
    expect(dueMove(order('DELIVERED', 1000), DEMO_PLAN, undefined)).toBeUndefined();
  });

  it('delivers inside the promised window, for any checkout time and route', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
        fc.integer({ min: 0, max: 5 * 24 * 60 }),
        (placedAt, tatMinutes) => {
          const promise = deliveryPromise(tatMinutes, placedAt);
          const window = { from: Date.parse(promise.window.from), to: Date.parse(promise.window.to) };
          const packed = dueMove(order('PLACED', placedAt), DEMO_PLAN, window)!.at;
          const shipped = dueMove(order('PACKED', packed), DEMO_PLAN, window)!.at;
          const delivered = dueMove(order('SHIPPED', shipped), DEMO_PLAN, window)!.at;
          expect(delivered).toBeGreaterThanOrEqual(window.from);
          expect(delivered).toBeLessThanOrEqual(window.to);
          expect(delivered).toBeGreaterThanOrEqual(shipped + DEMO_PLAN.transitMs);
        },
      ),
    );
  });
});
