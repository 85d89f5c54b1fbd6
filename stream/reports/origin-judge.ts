// The re-key stage's judge: lateness and redelivery decided once per fact on its source partition's clock.

/**
 * A fact's parts land on several facts partitions, each seeing only some of its source's facts: judged
 * there, a member's clock would lag its source's and count an event the single aggregator drops. So the
 * stage judges each whole fact by the aggregator's rules before splitting it: more than the lateness
 * behind its source's clock, it is dropped; its id seen on the source while it could still count, it is
 * a redelivery. Only what this lets through is re-keyed, and the members' lists and revenue then equal
 * the single aggregator's. Window expiry is left to the members: it needs every source's clock, and a
 * stage instance reads only some sources. Memory: the ids of the last lateness of each source.
 */
export class OriginJudge {
  private readonly origins = new Map<string, { clock: number; ids: Map<string, number>; swept: number }>();
  readonly totals = { dropped: 0, duplicates: 0 };

  constructor(private readonly latenessMs: number) {}

  /** Whether the fact read from `origin` goes on to be counted; the decision moves the origin's clock. */
  admit(originName: string, id: string, time: number): boolean {
    let origin = this.origins.get(originName);
    if (!origin) this.origins.set(originName, (origin = { clock: -Infinity, ids: new Map(), swept: -Infinity }));
    if (time < origin.clock - this.latenessMs) {
      this.totals.dropped++;
      return false;
    }
    if (origin.ids.has(id)) {
      this.totals.duplicates++;
      return false;
    }
    origin.ids.set(id, time);
    if (time > origin.clock) origin.clock = time;
    // An id older than the lateness would be dropped before it is looked up: let go, a lateness at a time.
    const below = origin.clock - this.latenessMs;
    if (below - origin.swept >= this.latenessMs) {
      for (const [seen, at] of origin.ids) if (at < below) origin.ids.delete(seen);
      origin.swept = below;
    }
    return true;
  }

  /** Forgets every decision: after a failed publish the batch comes again, and must pass again. */
  reset(): void {
    this.origins.clear();
  }
}
