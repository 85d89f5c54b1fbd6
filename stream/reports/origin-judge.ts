// The re-key stage's judge: lateness, redelivery and repeated orders decided once per fact on its source partition's clock.
import type { Fact } from './facts.ts';
import { PANE_MS, type ReportSettings } from './report.ts';

/** The aggregator's decision on a whole fact, by its source partition's clock. */
export type Verdict = 'counted' | 'late' | 'dropped' | 'duplicate';
/** What a re-keyed part carries: its fact's verdict on the lead part, `part` on the others. */
export type Judged = Verdict | 'part';

/**
 * A fact's parts land on several facts partitions, each seeing only some of its source's facts: judged
 * there, a member's clock would lag its source's and count an event the single aggregator drops. So the
 * stage judges each whole fact by the aggregator's rules before splitting it: more than the lateness
 * behind its source's clock, it is dropped; its id seen on the source while it could still count, it is
 * a redelivery; behind the clock but within the lateness, late. An order placed again while its first
 * placement is held (or after its refund) counts as a fact but adds nothing, as one aggregator ignores
 * it: split by item, its parts could land where the first placement's did not. The verdict rides on the
 * fact's lead part, so the members count it once per fact; a dropped or duplicate fact sends only that
 * part, with nothing to count. The merged report then equals the single aggregator's. Window expiry is
 * left to the members: it needs every source's clock, and a stage instance reads only some sources.
 * Memory: the ids of the last lateness of each source, and its orders of the longest window.
 */
export class OriginJudge {
  private readonly origins = new Map<string, Origin>();
  private readonly longestMinutes: number;

  constructor(private readonly settings: Pick<ReportSettings, 'latenessMs' | 'windowsMinutes'>) {
    this.longestMinutes = Math.max(...settings.windowsMinutes);
  }

  /**
   * The verdict on the fact read from `origin`, and the fact to re-key: itself, or an order placed
   * again emptied of its lines and revenue. One that counts moves the origin's clock.
   */
  judge(originName: string, fact: Fact): { verdict: Verdict; fact: Fact } {
    const lateness = this.settings.latenessMs;
    let origin = this.origins.get(originName);
    if (!origin) this.origins.set(originName, (origin = newOrigin()));
    if (fact.time < origin.clock - lateness) return { verdict: 'dropped', fact };
    if (origin.ids.has(fact.id)) return { verdict: 'duplicate', fact };
    origin.ids.set(fact.id, fact.time);
    const late = fact.time < origin.clock;
    if (!late) origin.clock = fact.time;
    const verdict = late ? 'late' : 'counted';
    this.sweep(origin);
    switch (fact.kind) {
      case 'placed':
        if (origin.held.has(fact.orderId) || origin.refunded.has(fact.orderId))
          return { verdict, fact: { ...fact, lines: [], revenue: [] } };
        origin.held.set(fact.orderId, fact.time);
        break;
      case 'retracted':
        origin.held.delete(fact.orderId);
        if (fact.refund && !origin.refunded.has(fact.orderId)) origin.refunded.set(fact.orderId, fact.time);
        break;
    }
    return { verdict, fact };
  }

  /** Forgets every decision: after a failed publish the batch comes again, and must pass again. */
  reset(): void {
    this.origins.clear();
  }

  /**
   * Lets go, a lateness at a time, of ids older than the lateness (a redelivery of one is dropped
   * before it is looked up) and of orders older than the longest window (one aggregator has let them
   * go with their panes by then: its windows end at the latest clock less the lateness).
   */
  private sweep(origin: Origin): void {
    const below = origin.clock - this.settings.latenessMs;
    if (below - origin.swept < this.settings.latenessMs) return;
    origin.swept = below;
    for (const [id, at] of origin.ids) if (at < below) origin.ids.delete(id);
    const expiredMinute = Math.floor(below / PANE_MS) - this.longestMinutes;
    for (const orders of [origin.held, origin.refunded])
      for (const [orderId, at] of orders) if (Math.floor(at / PANE_MS) < expiredMinute) orders.delete(orderId);
  }
}

interface Origin {
  clock: number;
  swept: number;
  /** Ids counted in the last lateness, orders held and refunded in the longest window: by their times. */
  ids: Map<string, number>;
  held: Map<string, number>;
  refunded: Map<string, number>;
}

function newOrigin(): Origin {
  return { clock: -Infinity, swept: -Infinity, ids: new Map(), held: new Map(), refunded: new Map() };
}
