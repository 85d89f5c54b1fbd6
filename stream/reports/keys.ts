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
  private readonly ids = new Map<string, number>();
  readonly metric: KeyMetric[] = [];
  readonly category: (string | null)[] = [];
  readonly key: string[] = [];
  private readonly refs: number[] = [];
  private readonly names: string[] = [];
  private readonly free: number[] = [];

  /** One past the largest id in use. */
  get size(): number {
    return this.key.length;
  }

  idOf(metric: KeyMetric, category: string | null, key: string): number {
    const name = `${metric}\u0000${category ?? ''}\u0000${key}`;
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.free.pop() ?? this.key.length;
      this.ids.set(name, id);
      this.metric[id] = metric;
      this.category[id] = category;
      this.key[id] = key;
      this.refs[id] = 0;
      this.names[id] = name;
    }
    return id;
  }

  ref(id: number): void {
    this.refs[id]!++;
  }

  /** True when that was the last reference and the id is now free. */
  release(id: number): boolean {
    if (--this.refs[id]! > 0) return false;
    this.ids.delete(this.names[id]!);
    this.free.push(id);
    return true;
  }

  live(id: number): boolean {
    return (this.refs[id] ?? 0) > 0;
  }
}
