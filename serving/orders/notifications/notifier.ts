// The notification port: tell a shopper what happened to their order. Email and SMS providers are adapters.
import type { Lifecycle } from '../../../platform/lifecycle.ts';

export type NotificationTemplate = 'order_placed' | 'order_cancelled' | 'payment_refunded';

export interface Notification {
  /** The event that caused it: sending the same notification twice sends it once. */
  eventId: string;
  userId: string;
  channel: 'email' | 'sms';
  template: NotificationTemplate;
  params: Record<string, string>;
  at: number;
}

export interface Notifier extends Lifecycle {
  send(notification: Notification): Promise<void>;
}
