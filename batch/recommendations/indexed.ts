// Signals keyed by string ids turned into the library's indexed interactions, keeping the ids for the way back.
import type { Interactions } from './interactions.ts';
import type { Signal } from './signals.ts';

export interface IndexedInteractions {
  interactions: Interactions;
  /** Index → id, in order of first appearance. */
  userIds: string[];
  itemIds: string[];
  /** Category index per item (−1 where no signal named one), and the categories' names. */
  itemCategory: Int32Array;
  categories: string[];
}

/** Signals at or after `since` (ms since the epoch) only, when given. */
export function indexSignals(signals: readonly Signal[], since: number | null = null): IndexedInteractions {
  const kept = since === null ? signals : signals.filter((s) => s.time >= since);
  const users = new Map<string, number>();
  const items = new Map<string, number>();
  const categories = new Map<string, number>();
  const categoryOfItem: number[] = [];
  const indexOf = (map: Map<string, number>, id: string) => {
    let i = map.get(id);
    if (i === undefined) map.set(id, (i = map.size));
    return i;
  };
  const n = kept.length;
  const user = new Int32Array(n);
  const item = new Int32Array(n);
  const weight = new Float32Array(n);
  const time = new Float64Array(n);
  kept.forEach((s, e) => {
    user[e] = indexOf(users, s.userId);
    const i = (item[e] = indexOf(items, s.itemId));
    weight[e] = s.weight;
    time[e] = s.time;
    if (s.category !== null) categoryOfItem[i] = indexOf(categories, s.category);
  });
  return {
    interactions: { users: users.size, items: items.size, user, item, weight, time },
    userIds: [...users.keys()],
    itemIds: [...items.keys()],
    itemCategory: Int32Array.from({ length: items.size }, (_, i) => categoryOfItem[i] ?? -1),
    categories: [...categories.keys()],
  };
}
