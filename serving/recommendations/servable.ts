// The serve-time ranking filter: the model's candidates in order, then popular ones as back-fill, keeping
// only what the shopper can be sold (in stock, deliverable to them, not excluded, not already bought),
// each item once.
// Pure: what can be sold is a predicate the service computes (serving/serviceability/reach.ts).

export interface Candidate {
  itemId: string;
  /** The model's score; null for back-fill, whose order is popularity's. */
  score: number | null;
}

export type Source = 'model' | 'popular';

export interface Picked extends Candidate {
  source: Source;
}

export interface Servable {
  items: Picked[];
  /** How many of `items` came from the back-fill because the model's candidates ran short. */
  backfilled: number;
  /** Model candidates left out: they could not be sold to the shopper, were excluded or already bought. */
  dropped: number;
  /** Of `dropped`, those left out because the shopper already bought them. */
  droppedBought: number;
}

export interface ServableOptions {
  limit: number;
  /** Never answered (the item a similar list is for). */
  exclude?: ReadonlySet<string>;
  /** What the shopper already bought (bought.ts): never answered. */
  bought?: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * At most `limit` items: every sellable model candidate first, in their order, then sellable popular
 * ones not already taken. `sellable` is asked once per distinct candidate at most, and never for an
 * excluded or bought one.
 */
export function servable(
  ranked: readonly Candidate[],
  popular: readonly Candidate[],
  sellable: (itemId: string) => boolean,
  { limit, exclude = NONE, bought = NONE }: ServableOptions,
): Servable {
  const items: Picked[] = [];
  const decided = new Map<string, boolean>();
  const ok = (itemId: string) => {
    let answer = decided.get(itemId);
    if (answer === undefined)
      decided.set(itemId, (answer = !exclude.has(itemId) && !bought.has(itemId) && sellable(itemId)));
    return answer;
  };
  const taken = new Set<string>();
  let dropped = 0;
  let droppedBought = 0;
  const take = (list: readonly Candidate[], source: Source) => {
    for (const c of list) {
      if (items.length >= limit) return;
      if (taken.has(c.itemId)) continue;
      if (!ok(c.itemId)) {
        if (source === 'model') {
          dropped++;
          if (bought.has(c.itemId)) droppedBought++;
        }
        continue;
      }
      taken.add(c.itemId);
      items.push({ itemId: c.itemId, score: source === 'model' ? c.score : null, source });
    }
  };
  take(ranked, 'model');
  const fromModel = items.length;
  take(popular, 'popular');
  return { items, backfilled: items.length - fromModel, dropped, droppedBought };
}
