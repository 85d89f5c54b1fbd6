import { describe, expect, it } from 'vitest';
import { deliveryPromise } from './delivery-promise.ts';

const at = (iso: string) => Date.parse(iso);

describe('delivery promise', () => {
  it('promises the day the parcel arrives, in the 09:00-21:00 window', () => {
    // 08:00 + 4 h handling + 6 h = 18:00 the same day.
    expect(deliveryPromise(6 * 60, at('2026-03-02T08:00:00Z'))).toEqual({
      deliverBy: '2026-03-02',
      window: { from: '2026-03-02T09:00:00.000Z', to: '2026-03-02T21:00:00.000Z' },
    });
  });

  it('moves a parcel arriving after the window closes to the next day, across a month end', () => {
    expect(deliveryPromise(30 * 60, at('2026-03-30T16:00:00Z')).deliverBy).toBe('2026-04-01');
  });

  it('keeps an early-morning arrival on that day', () => {
    expect(deliveryPromise(10 * 60, at('2026-03-02T16:00:00Z')).deliverBy).toBe('2026-03-03');
  });
});
