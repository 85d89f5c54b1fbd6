// A catalog item: what a supplier sent, plus what the catalog derives (how it ships, when it last changed).
import type { SupplierItem } from './supplier-item.ts';
import type { ItemClass } from './taxonomy.ts';

export interface Item extends SupplierItem {
  itemClass: ItemClass;
  /** Milliseconds since the epoch of the last applied change. */
  updatedAt: number;
}

/** The fields a partial update may change; attributes are merged by name, a null value removes one. */
export type ItemPatch = Partial<
  Pick<Item, 'name' | 'description' | 'brand' | 'priceMinor' | 'currency' | 'imageUrl'>
> & {
  attributes?: Record<string, string | null>;
};

/** True when two versions differ in anything a shopper or a downstream consumer could see. */
export function sameContent(a: Item, b: Item): boolean {
  const { updatedAt: _a, ...left } = a;
  const { updatedAt: _b, ...right } = b;
  return JSON.stringify(sortKeys(left)) === JSON.stringify(sortKeys(right));
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}
