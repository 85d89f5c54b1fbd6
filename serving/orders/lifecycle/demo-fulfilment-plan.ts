// When the demo's own warehouse makes an order's next move: packed minutes after it is placed, shipped soon after, delivered inside its promised window.
import type { Order } from '../order.ts';
import type { Move } from './transitions.ts';

export interface DemoPlan {
  /** From placed to packed. */
  packAfterMs: number;
  /** From packed to shipped. */
  shipAfterMs: number;
  /** From shipped to delivered, at the least; the promised window moves it later, never past the window. */
  transitMs: number;
}

export const DEMO_PLAN: DemoPlan = { packAfterMs: 2 * 60_000, shipAfterMs: 5 * 60_000, transitMs: 30 * 60_000 };

/** The delivery window the shopper was promised (ms since the epoch), when it can still be worked out. */
export interface PromisedWindow {
  from: number;
  to: number;
}

export const DEMO_CARRIER = 'Emporium Express';

/**
 * The move due for the order at `now`, and when it is (or was) due; undefined when the order waits for
 * nobody (unpaid, finished, or with a shopper deciding on a return). Delivery is due `transitMs` after
 * shipping, or when the promised window opens if that is later. Packed and shipped within minutes, an
 * order reaches the window's opening long before it closes: every promise is at least the four hours of
 * handling away (delivery-promise.ts), so only an order shipped after its window closed arrives late.
 */
export function dueMove(
  order: Pick<Order, 'orderId' | 'status' | 'updatedAt'>,
  plan: DemoPlan,
  promised: PromisedWindow | undefined,
): { move: Move; at: number } | undefined {
  switch (order.status) {
    case 'PLACED':
      return { move: { kind: 'pack' }, at: order.updatedAt + plan.packAfterMs };
    case 'PACKED':
      return {
        move: { kind: 'ship', carrier: DEMO_CARRIER, trackingId: `EMX-${order.orderId}` },
        at: order.updatedAt + plan.shipAfterMs,
      };
    case 'SHIPPED': {
      const arrives = order.updatedAt + plan.transitMs;
      const at = promised ? Math.max(arrives, promised.from) : arrives;
      return { move: { kind: 'deliver' }, at };
    }
    default:
      return undefined;
  }
}
