// The re-key stage's judge on the cases the single aggregator decides by its source's clock and held orders.
import { describe, expect, it } from 'vitest';
import { placedFact, type Fact } from './facts.ts';
import { OriginJudge } from './origin-judge.ts';

const T0 = Date.UTC(2026, 11, 2, 9);
const settings = { latenessMs: 30_000, windowsMinutes: [5, 30] };
const view = (id: string, time: number): Fact => ({
  kind: 'count',
  id,
  time,
  metric: 'viewed',
  key: 'tv',
  category: null,
  amount: 1,
});
const line = { itemId: 'tv', category: 'electronics', quantity: 1, unitPriceMinor: 50_000 };

describe('OriginJudge', () => {
  it('judges each source on its own clock: late within the lateness, dropped beyond, redeliveries once', () => {
    const judge = new OriginJudge(settings);
    expect(judge.judge('views/0', view('a', T0 + 60_000)).verdict).toBe('counted');
    expect(judge.judge('views/0', view('b', T0 + 40_000)).verdict).toBe('late');
    expect(judge.judge('views/0', view('c', T0)).verdict).toBe('dropped');
    expect(judge.judge('views/1', view('c', T0)).verdict).toBe('counted');
    expect(judge.judge('views/0', view('b', T0 + 40_000)).verdict).toBe('duplicate');
  });

  it('still knows a redelivery after the clock has moved on many lateness sweeps', () => {
    const judge = new OriginJudge(settings);
    for (let s = 0; s < 600; s++) judge.judge('views/0', view(`e${s}`, T0 + s * 1000));
    expect(judge.judge('views/0', view('e590', T0 + 590_000)).verdict).toBe('duplicate');
    expect(judge.judge('views/0', view('e100', T0 + 100_000)).verdict).toBe('dropped');
  });

  it('empties an order placed again while held or refunded, and counts it again once the window let it go', () => {
    const judge = new OriginJudge(settings);
    const first = judge.judge('orders/0', placedFact('p1', T0, 'o1', [line]));
    expect(first).toMatchObject({ verdict: 'counted', fact: { lines: [line] } });
    const again = judge.judge('orders/0', placedFact('p2', T0 + 1000, 'o1', [line]));
    expect(again).toMatchObject({ verdict: 'counted', fact: { lines: [], revenue: [] } });
    judge.judge('orders/0', { kind: 'retracted', id: 'r1', time: T0 + 2000, orderId: 'o1', refund: false });
    expect(judge.judge('orders/0', placedFact('p3', T0 + 3000, 'o1', [line])).fact).toMatchObject({ lines: [line] });
    judge.judge('orders/0', { kind: 'retracted', id: 'r2', time: T0 + 4000, orderId: 'o1', refund: true });
    expect(judge.judge('orders/0', placedFact('p4', T0 + 5000, 'o1', [line])).fact).toMatchObject({ lines: [] });
    // Past the longest window (30 minutes) plus the lateness, one aggregator has expired the refund too.
    for (let m = 1; m <= 32; m++) judge.judge('orders/0', view(`t${m}`, T0 + m * 60_000));
    expect(judge.judge('orders/0', placedFact('p5', T0 + 32 * 60_000, 'o1', [line])).fact).toMatchObject({
      lines: [line],
    });
  });
});
