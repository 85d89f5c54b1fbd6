// An order as the shop sees it: its lines at the prices the shopper agreed to, and where it is in its life.

/** CREATED until paid (or expired); PLACED once paid and its stock held; the rest follow fulfilment. */
export const ORDER_STATUSES = ['CREATED', 'PLACED', 'CANCELLED', 'PACKED', 'SHIPPED', 'DELIVERED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** out_of_stock is found only on orders from before a checkout created its order and held its stock in one transaction. */
export type CancelReason = 'payment_failed' | 'expired' | 'out_of_stock' | 'customer' | 'checkout_failed';

export interface OrderLine {
  itemId: string;
  category: string;
  quantity: number;
  unitPriceMinor: number;
  /** The warehouse the line's stock is held in; null until reserved. */
  warehouseId: string | null;
}

export interface Order {
  orderId: string;
  userId: string;
  /** The shopper's idempotency key: a retried checkout with the same key answers this order. */
  clientKey: string;
  status: OrderStatus;
  pincode: string;
  lines: OrderLine[];
  totalMinor: number;
  currency: string;
  paymentId: string | null;
  cancelReason: CancelReason | null;
  /** Until then an unpaid order holds its stock; after it the order is cancelled and the stock released. */
  expiresAt: number;
  createdAt: number;
  updatedAt: number;
}

export type NewOrder = Omit<Order, 'status' | 'paymentId' | 'cancelReason' | 'updatedAt'>;

export const orderTotal = (lines: Pick<OrderLine, 'quantity' | 'unitPriceMinor'>[]) => lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);
