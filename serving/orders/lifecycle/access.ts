// Who a caller is on one order: its shopper, a seller (a supplier whose items it holds), staff, or no one (the one access decision of the lifecycle).

import type { Order } from '../order.ts';
import type { Actor } from './transitions.ts';

/**
 * Who is calling, in the shape of platform/auth's Principal: a person (a shopper, or staff) or a
 * supplier's system. Kept here, structurally equal, so this decision swaps onto the roles as they land.
 */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'person'; userId: string; role: 'shopper' | 'staff' }
  | { kind: 'supplier'; supplierId: string };

/**
 * The actor the caller acts as on this order, or undefined when the order is none of theirs (answered
 * as a missing order: another shopper's order is not theirs to learn of). `sellers` are the suppliers
 * of the order's items.
 */
export function actorOn(caller: Caller, order: Pick<Order, 'userId'>, sellers: readonly string[]): Actor | undefined {
  switch (caller.kind) {
    case 'person':
      if (caller.role === 'staff') return 'staff';
      return caller.userId === order.userId ? 'shopper' : undefined;
    case 'supplier':
      return sellers.includes(caller.supplierId) ? 'seller' : undefined;
    default:
      return undefined;
  }
}
