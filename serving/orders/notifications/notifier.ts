// The notification port: tell a shopper or a seller what happened to an order, by email or SMS. Providers are adapters.
import type { Lifecycle } from '../../../platform/lifecycle.ts';

export const NOTIFICATION_TEMPLATES = [
  'order_placed',
  'order_packed',
  'order_shipped',
  'order_delivered',
  'order_cancelled',
  'order_return_requested',
  'order_returned',
  'payment_refunded',
  'seller_new_order',
  'seller_order_cancelled',
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

/** Who is told: the shopper who placed the order, or a seller (a supplier whose items it holds). */
export type Recipient = { kind: 'shopper'; userId: string } | { kind: 'seller'; supplierId: string };

export interface Notification {
  /**
   * Unique per notification: the event that caused it, with the recipient and channel after it when one
   * event tells several. Sending the same notification twice sends it once.
   */
  eventId: string;
  recipient: Recipient;
  channel: 'email' | 'sms';
  /** The address on that channel (an email address, a phone number); null when none is known. */
  to: string | null;
  template: NotificationTemplate;
  params: Record<string, string>;
  at: number;
}

export interface Notifier extends Lifecycle {
  /** Resolves once the provider took it (or it was sent before); rejects when the provider failed, so the caller retries. */
  send(notification: Notification): Promise<void>;
}
