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

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Couriers deliver between 09:00 and 21:00; a parcel arriving after the window closes is promised for
 * the next day, one arriving before it opens for that morning.
 */
export function deliveryPromise(tatMinutes: number, now: number): DeliveryPromise {
  const arrives = now + (HANDLING_MINUTES + tatMinutes) * MINUTE;
  const day = Math.floor(arrives / DAY) + (arrives % DAY >= WINDOW_TO_H * HOUR ? 1 : 0);
  return promiseFor(day);
}

// A promise depends only on its day, and a search page asks for one per hit: the few days around today
// are worked out once, rather than as three ISO strings per hit.
const byDay = new Map<number, DeliveryPromise>();

function promiseFor(day: number): DeliveryPromise {
  let promise = byDay.get(day);
  if (!promise) {
    if (byDay.size >= 366) byDay.clear();
    const at = (hour: number) => new Date(day * DAY + hour * HOUR).toISOString();
    promise = Object.freeze({
      deliverBy: at(0).slice(0, 10),
      window: Object.freeze({ from: at(WINDOW_FROM_H), to: at(WINDOW_TO_H) }),
    });
    byDay.set(day, promise);
  }
  return promise;
}
