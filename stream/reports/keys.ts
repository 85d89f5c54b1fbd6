// The counted keys of the report state, each a small integer, freed once no pane holds it.
import type { RankedMetric } from './facts.ts';

/** What a key counts: a ranked metric of one item or query, or a category's revenue or order count. */
export type KeyMetric = RankedMetric | 'revenue' | 'orders';

/**
 * Interns (metric, category, key) triples as ids into dense arrays, so window totals live in typed
 * arrays indexed by id. A key is referenced once per pane that holds it and freed when the last such
 * pane expires: the dictionary holds the keys active in the longest window, not every key ever seen.
 */
export class Keys {
  /** Id by metric, then category ('' for none), then key: lookups without building a string per fact. */
  private readonly ids = new Map<KeyMetric, Map<string, Map<string, number>>>();
  readonly metric: KeyMetric[] = [];
  readonly category: (string | null)[] = [];
  readonly key: string[] = [];
  /** Per id, its (metric, category) list: interned for good, since metrics and categories are few. */
  readonly group: number[] = [];
  readonly groups: { metric: KeyMetric; category: string | null }[] = [];
  /** Per id, its (metric, key) across categories: an item's overall count sums its categories' ids. */
  readonly overall: number[] = [];
  readonly overallMetric: KeyMetric[] = [];
  readonly overallKey: string[] = [];
  private readonly refs: number[] = [];
  private readonly free: number[] = [];
  private readonly groupIds = new Map<KeyMetric, Map<string, number>>();
  private readonly overallIds = new Map<KeyMetric, Map<string, number>>();
  private readonly overallRefs: number[] = [];
  private readonly overallFree: number[] = [];

  /** One past the largest id in use. */
  get size(): number {
    return this.key.length;
  }

  /** One past the largest overall id in use. */
  get overallSize(): number {
    return this.overallKey.length;
  }

  idOf(metric: KeyMetric, category: string | null, key: string): number {
    let byCategory = this.ids.get(metric);
    if (!byCategory) this.ids.set(metric, (byCategory = new Map<string, Map<string, number>>()));
    let byKey = byCategory.get(category ?? '');
    if (!byKey) byCategory.set(category ?? '', (byKey = new Map<string, number>()));
    let id = byKey.get(key);
    if (id === undefined) {
      id = this.free.pop() ?? this.key.length;
      byKey.set(key, id);
      this.metric[id] = metric;
      this.category[id] = category;
      this.key[id] = key;
      this.refs[id] = 0;
      this.group[id] = this.groupOf(metric, category);
      this.overall[id] = this.overallOf(metric, key);
    }
    return id;
  }

  ref(id: number): void {
    this.refs[id]!++;
  }

  /** True when that was the last reference and the id is now free. */
  release(id: number): boolean {
    if (--this.refs[id]! > 0) return false;
    this.ids
      .get(this.metric[id]!)!
      .get(this.category[id] ?? '')!
      .delete(this.key[id]!);
    this.free.push(id);
    const overall = this.overall[id]!;
    if (--this.overallRefs[overall]! === 0) {
      this.overallIds.get(this.overallMetric[overall]!)!.delete(this.overallKey[overall]!);
      this.overallFree.push(overall);
    }
    return true;
  }

  live(id: number): boolean {
    return (this.refs[id] ?? 0) > 0;
  }

  private groupOf(metric: KeyMetric, category: string | null): number {
    let byCategory = this.groupIds.get(metric);
    if (!byCategory) this.groupIds.set(metric, (byCategory = new Map<string, number>()));
    let group = byCategory.get(category ?? '');
    if (group === undefined) {
      group = this.groups.push({ metric, category }) - 1;
      byCategory.set(category ?? '', group);
    }
    return group;
  }

  private overallOf(metric: KeyMetric, key: string): number {
    let byKey = this.overallIds.get(metric);
    if (!byKey) this.overallIds.set(metric, (byKey = new Map<string, number>()));
    let overall = byKey.get(key);
    if (overall === undefined) {
      overall = this.overallFree.pop() ?? this.overallKey.length;
      byKey.set(key, overall);
      this.overallMetric[overall] = metric;
      this.overallKey[overall] = key;
      this.overallRefs[overall] = 0;
    }
    this.overallRefs[overall]!++;
    return overall;
  }
}
