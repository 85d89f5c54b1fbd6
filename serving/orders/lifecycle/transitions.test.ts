// Every status × move × actor of the lifecycle table against the rules written out by hand, and the return window's edges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, type OrderStatus } from '../order.ts';
import { ACTORS, decide, MOVE_KINDS, type Actor, type MoveKind } from './transitions.ts';

const DAY = 86_400_000;
const policy = { returnWindowMs: 14 * DAY };
const delivered = 1_000_000_000_000;

/** The rules as the issue states them, one legal (move, actor, from) → to per line; everything else is illegal. */
const LEGAL: [MoveKind, Actor, OrderStatus, OrderStatus][] = [
  ['pack', 'seller', 'PLACED', 'PACKED'],
  ['pack', 'staff', 'PLACED', 'PACKED'],
  ['ship', 'seller', 'PACKED', 'SHIPPED'],
  ['ship', 'staff', 'PACKED', 'SHIPPED'],
  ['deliver', 'seller', 'SHIPPED', 'DELIVERED'],
  ['deliver', 'staff', 'SHIPPED', 'DELIVERED'],
  // A shopper before shipping (an unpaid order too); the seller and staff before delivery.
  ['cancel', 'shopper', 'CREATED', 'CANCELLED'],
  ['cancel', 'shopper', 'PLACED', 'CANCELLED'],
  ['cancel', 'shopper', 'PACKED', 'CANCELLED'],
  ['cancel', 'seller', 'PLACED', 'CANCELLED'],
  ['cancel', 'seller', 'PACKED', 'CANCELLED'],
  ['cancel', 'seller', 'SHIPPED', 'CANCELLED'],
  ['cancel', 'staff', 'CREATED', 'CANCELLED'],
  ['cancel', 'staff', 'PLACED', 'CANCELLED'],
  ['cancel', 'staff', 'PACKED', 'CANCELLED'],
  ['cancel', 'staff', 'SHIPPED', 'CANCELLED'],
  ['request_return', 'shopper', 'DELIVERED', 'RETURN_REQUESTED'],
  ['request_return', 'staff', 'DELIVERED', 'RETURN_REQUESTED'],
  ['receive_return', 'seller', 'RETURN_REQUESTED', 'RETURNED'],
  ['receive_return', 'staff', 'RETURN_REQUESTED', 'RETURNED'],
];

const every = ORDER_STATUSES.flatMap((status) =>
  MOVE_KINDS.flatMap((move) => ACTORS.map((actor) => [status, move, actor] as const)),
);

describe('the order lifecycle table', () => {
  it.each(every)('%s, %s by a %s', (status, move, actor) => {
    const decision = decide({ status, deliveredAt: delivered }, move, actor, delivered + DAY, policy);
    const legal = LEGAL.find(([m, a, from]) => m === move && a === actor && from === status);
    if (legal) {
      expect(decision).toMatchObject({ ok: true, to: legal[3] });
      return;
    }
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    // An actor who may never make the move is refused as such; one who may, but not now, is told the status.
    const everAllowed = LEGAL.some(([m, a]) => m === move && a === actor);
    expect(decision.code).toBe(everAllowed ? 'conflict' : 'forbidden');
    if (everAllowed) expect(decision.message).toContain(`the order is ${status}`);
  });

  it('covers every status, move and actor', () => {
    expect(every).toHaveLength(ORDER_STATUSES.length * MOVE_KINDS.length * ACTORS.length);
  });

  it('refunds a cancel and a return request, and gives stock back on a cancel and on a received return', () => {
    const effects = (move: MoveKind, actor: Actor, status: OrderStatus) => {
      const d = decide({ status, deliveredAt: delivered }, move, actor, delivered, policy);
      return d.ok && { releaseStock: d.releaseStock, refund: d.refund };
    };
    expect(effects('cancel', 'shopper', 'PLACED')).toEqual({ releaseStock: true, refund: true });
    expect(effects('request_return', 'shopper', 'DELIVERED')).toEqual({ releaseStock: false, refund: true });
    expect(effects('receive_return', 'seller', 'RETURN_REQUESTED')).toEqual({ releaseStock: true, refund: false });
    for (const move of ['pack', 'ship', 'deliver'] as const)
      expect(effects(move, 'staff', ({ pack: 'PLACED', ship: 'PACKED', deliver: 'SHIPPED' } as const)[move])).toEqual({
        releaseStock: false,
        refund: false,
      });
  });

  it('takes a return up to the last millisecond of the window and refuses it after, naming the status', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * DAY }), (after) => {
        const decision = decide(
          { status: 'DELIVERED', deliveredAt: delivered },
          'request_return',
          'shopper',
          delivered + after,
          policy,
        );
        expect(decision.ok).toBe(after <= policy.returnWindowMs);
        if (!decision.ok) expect(decision.message).toMatch(/^the order is DELIVERED: returns closed at .*14 days/);
      }),
    );
  });
});
