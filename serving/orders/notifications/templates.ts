// What each notification says: a subject, a plain-text body and an HTML body (every value escaped), and the short SMS text.
import type { NotificationTemplate } from './notifier.ts';

type Params = Record<string, string>;

const TEXT: Record<NotificationTemplate, { subject: (p: Params) => string; body: (p: Params) => string }> = {
  order_placed: {
    subject: (p) => `Your order ${p.orderId} is placed`,
    body: (p) => `Thank you: we have your payment of ${p.total} and are getting order ${p.orderId} ready.`,
  },
  order_packed: {
    subject: (p) => `Order ${p.orderId} is packed`,
    body: (p) => `Order ${p.orderId} is packed and waiting for its carrier.`,
  },
  order_shipped: {
    subject: (p) => `Order ${p.orderId} is on its way`,
    body: (p) => `Order ${p.orderId} left with ${p.carrier}; its tracking number is ${p.trackingId}.`,
  },
  order_delivered: {
    subject: (p) => `Order ${p.orderId} is delivered`,
    body: (p) => `Order ${p.orderId} was delivered. You may return it until ${p.returnBy}.`,
  },
  order_cancelled: {
    subject: (p) => `Order ${p.orderId} is cancelled`,
    body: (p) => `Order ${p.orderId} was cancelled (${p.reason}). Anything you paid comes back to you.`,
  },
  order_return_requested: {
    subject: (p) => `Your return of order ${p.orderId}`,
    body: (p) => `We have your return of order ${p.orderId}: your payment is on its way back to you.`,
  },
  order_returned: {
    subject: (p) => `Order ${p.orderId} is back with us`,
    body: (p) => `Your return of order ${p.orderId} arrived. Thank you.`,
  },
  payment_refunded: {
    subject: (p) => `${p.amount} refunded`,
    body: (p) => `We refunded ${p.amount} for order ${p.orderId}.`,
  },
  seller_new_order: {
    subject: (p) => `New order ${p.orderId}`,
    body: (p) => `Order ${p.orderId} holds ${p.units} of your units. Please pack it.`,
  },
  seller_order_cancelled: {
    subject: (p) => `Order ${p.orderId} is cancelled`,
    body: (p) => `Order ${p.orderId} was cancelled (${p.reason}); do not send it.`,
  },
};

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/** The email: the same words as text and as escaped HTML. A missing parameter reads as an empty string. */
export function renderEmail(template: NotificationTemplate, params: Params): RenderedMessage {
  const p = new Proxy(params, { get: (target, key: string) => target[key] ?? '' });
  const { subject, body } = TEXT[template];
  const text = `${body(p)}\n\nEmporium`;
  const escaped = new Proxy(params, { get: (target, key: string) => escapeHtml(target[key] ?? '') });
  const html = `<!doctype html><html><body><p>${body(escaped)}</p><p>Emporium</p></body></html>`;
  return { subject: subject(p), text, html };
}

/** The SMS: one line, the subject and the body, within one 160-character segment where it fits. */
export function renderSms(template: NotificationTemplate, params: Params): string {
  const p = new Proxy(params, { get: (target, key: string) => target[key] ?? '' });
  return `Emporium: ${TEXT[template].body(p)}`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
