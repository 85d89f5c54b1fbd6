// The order lifecycle as one pure table: which move takes an order from which status to which, who may make it, and what it sets off.
import type { CancelReason, Order, OrderStatus } from '../order.ts';

/** Who asks: the shopper who placed the order, a seller (a supplier whose items it holds), or staff. */
export const ACTORS = ['shopper', 'seller', 'staff'] as const;
export type Actor = (typeof ACTORS)[number];

export const MOVE_KINDS = ['pack', 'ship', 'deliver', 'cancel', 'request_return', 'receive_return'] as const;
export type MoveKind = (typeof MOVE_KINDS)[number];

/** A move with what it carries: shipping names the carrier and the tracking number. */
export type Move = { kind: Exclude<MoveKind, 'ship'> } | { kind: 'ship'; carrier: string; trackingId: string };

export interface LifecyclePolicy {
  /** How long after delivery the shopper may still ask to return the order. */
  returnWindowMs: number;
}

interface Rule {
  to: OrderStatus;
  /** The statuses each actor may make the move from; an actor missing here may never make it. */
  from: Partial<Record<Actor, readonly OrderStatus[]>>;
  /** The units the order holds go back to stock (a cancel: never sent; a return: received back). */
  releaseStock: boolean;
  /** The captured payment becomes due for a refund (paid through the gateway once, by the caller). */
  refund: boolean;
  /** Only inside the return window after delivery. */
  returnWindow: boolean;
  verb: string;
}

/**
 * The table. A shopper cancels until the order ships, staff and the seller until it is delivered (a
 * shipped order's units come back with the carrier). An unpaid order (CREATED) may be cancelled by its
 * shopper or staff; a seller never sees it. A return is refunded when it is asked for inside the
 * window, as the shop promises; its units are counted back only once they are received.
 */
export const LIFECYCLE: Record<MoveKind, Rule> = {
  pack: rule('PACKED', 'pack', { seller: ['PLACED'], staff: ['PLACED'] }),
  ship: rule('SHIPPED', 'ship', { seller: ['PACKED'], staff: ['PACKED'] }),
  deliver: rule('DELIVERED', 'mark delivered', { seller: ['SHIPPED'], staff: ['SHIPPED'] }),
  cancel: rule(
    'CANCELLED',
    'cancel',
    {
      shopper: ['CREATED', 'PLACED', 'PACKED'],
      seller: ['PLACED', 'PACKED', 'SHIPPED'],
      staff: ['CREATED', 'PLACED', 'PACKED', 'SHIPPED'],
    },
    { releaseStock: true, refund: true },
  ),
  request_return: rule(
    'RETURN_REQUESTED',
    'return',
    { shopper: ['DELIVERED'], staff: ['DELIVERED'] },
    { refund: true, returnWindow: true },
  ),
  receive_return: rule(
    'RETURNED',
    'receive the return of',
    { seller: ['RETURN_REQUESTED'], staff: ['RETURN_REQUESTED'] },
    { releaseStock: true },
  ),
};

export type Decision =
  | { ok: true; to: OrderStatus; releaseStock: boolean; refund: boolean }
  | { ok: false; code: 'forbidden' | 'conflict'; field: string | null; message: string };

/** Whether `actor` may make `move` on the order as it is at `now`, and what the move then does. */
export function decide(
  order: Pick<Order, 'status' | 'deliveredAt'>,
  move: MoveKind,
  actor: Actor,
  now: number,
  policy: LifecyclePolicy,
): Decision {
  const rule = LIFECYCLE[move];
  const from = rule.from[actor];
  if (!from) return { ok: false, code: 'forbidden', field: null, message: `a ${actor} cannot ${rule.verb} an order` };
  if (!from.includes(order.status))
    return {
      ok: false,
      code: 'conflict',
      field: 'status',
      message: `the order is ${order.status}: a ${actor} can ${rule.verb} an order only while it is ${from.join(' or ')}`,
    };
  if (rule.returnWindow) {
    const closes = (order.deliveredAt ?? now) + policy.returnWindowMs;
    if (now > closes)
      return {
        ok: false,
        code: 'conflict',
        field: 'status',
        message: `the order is ${order.status}: returns closed at ${new Date(closes).toISOString()}, ${days(policy.returnWindowMs)} after delivery`,
      };
  }
  return { ok: true, to: rule.to, releaseStock: rule.releaseStock, refund: rule.refund };
}

/** Why an order was cancelled, by who cancelled it. */
export const CANCEL_REASON_OF: Record<Actor, CancelReason> = { shopper: 'customer', seller: 'seller', staff: 'staff' };

function rule(
  to: OrderStatus,
  verb: string,
  from: Rule['from'],
  effects: Partial<Pick<Rule, 'releaseStock' | 'refund' | 'returnWindow'>> = {},
): Rule {
  return { to, verb, from, releaseStock: false, refund: false, returnWindow: false, ...effects };
}

function days(ms: number): string {
  const d = ms / 86_400_000;
  return Number.isInteger(d) ? `${d} day${d === 1 ? '' : 's'}` : `${Math.round(ms / 60_000)} minutes`;
}
