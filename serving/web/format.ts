// How the storefront writes money, delivery promises, places and times for people.
import { categoryById } from '../catalog/taxonomy.ts';

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** "$1,234.50" from 123450 minor units. */
export function money(minor: number, currency = 'USD'): string {
  let format = moneyFormats.get(currency);
  if (!format) moneyFormats.set(currency, (format = new Intl.NumberFormat('en-US', { style: 'currency', currency })));
  return format.format(minor / 100);
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** "Thu 4 Dec" from the promise's day, YYYY-MM-DD (the promise's days are UTC days). */
export function promiseDay(deliverBy: string): string {
  return dayFormat.format(new Date(`${deliverBy}T12:00:00Z`)).replace(',', '');
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** "09:00–21:00" from the promise's window (ISO instants). */
export function promiseWindow(window: { from: string; to: string }): string {
  return `${timeFormat.format(new Date(window.from))}–${timeFormat.format(new Date(window.to))}`;
}

/** "4 Dec 2026, 16:40 UTC" from milliseconds since the epoch. */
export function when(ms: number): string {
  return `${dateTimeFormat.format(new Date(ms))} UTC`;
}

/** "16:40 UTC". */
export function clockTime(ms: number): string {
  return `${timeFormat.format(new Date(ms))} UTC`;
}

/** The place a warehouse id names: "wh-07-san-jose" → "San Jose"; an id of another shape as it is. */
export function warehousePlace(warehouseId: string): string {
  const match = /^wh-\d+-(.+)$/.exec(warehouseId);
  if (!match) return warehouseId;
  return match[1]!
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

export const categoryName = (id: string) => categoryById(id)?.name ?? id;

/** "screen_size" → "Screen size". */
export function attributeName(name: string): string {
  const spaced = name.replaceAll('_', ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export const ORDER_STATUS_TEXT: Record<string, string> = {
  CREATED: 'Waiting for payment',
  PLACED: 'Placed',
  PACKED: 'Packed',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
  RETURN_REQUESTED: 'Return on its way',
  RETURNED: 'Returned',
};

export const CANCEL_REASON_TEXT: Record<string, string> = {
  payment_failed: 'the payment was declined',
  expired: 'no payment arrived in time',
  out_of_stock: 'an item ran out of stock',
  customer: 'you cancelled it',
  staff: 'we cancelled it',
  seller: 'the seller cancelled it',
  checkout_failed: 'the checkout could not finish',
};
