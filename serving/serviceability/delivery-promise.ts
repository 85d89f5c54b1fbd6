// Turns a turnaround time into what the shopper is promised: a delivery date and a time window on it.

/** Time to pick and pack before an order leaves the warehouse. */
export const HANDLING_MINUTES = 4 * 60;
const WINDOW_FROM_H = 9;
const WINDOW_TO_H = 21;

export interface DeliveryPromise {
  /** The promised day, YYYY-MM-DD (UTC). */
  deliverBy: string;
  window: { from: string; to: string };
}

/**
 * Couriers deliver between 09:00 and 21:00; a parcel arriving after the window closes is promised for
 * the next day, one arriving before it opens for that morning.
 */
export function deliveryPromise(tatMinutes: number, now: number): DeliveryPromise {
  const arrives = new Date(now + (HANDLING_MINUTES + tatMinutes) * 60_000);
  const day = new Date(Date.UTC(arrives.getUTCFullYear(), arrives.getUTCMonth(), arrives.getUTCDate()));
  if (arrives.getUTCHours() >= WINDOW_TO_H) day.setUTCDate(day.getUTCDate() + 1);
  const at = (hour: number) => new Date(day.getTime() + hour * 3600_000).toISOString();
  return { deliverBy: day.toISOString().slice(0, 10), window: { from: at(WINDOW_FROM_H), to: at(WINDOW_TO_H) } };
}
