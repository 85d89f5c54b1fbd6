// The catalog store port: the source of truth for items, queryable by category and attribute values.
import type { Lifecycle } from '../../../platform/lifecycle.ts';
import type { Item } from '../item.ts';

export interface ItemQuery {
  category?: string;
  /** Every named attribute must have exactly this value. */
  attributes?: Record<string, string>;
  /** Page size, 1..500. */
  limit: number;
  /** Continue after this item id (ids are returned in ascending order). */
  after?: string;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export interface CatalogStore extends Lifecycle {
  /** The item, or undefined when there is none with that id. */
  get(itemId: string): Promise<Item | undefined>;
  /** One entry per id, in the order asked, undefined for a missing id. */
  getMany(itemIds: string[]): Promise<(Item | undefined)[]>;
  /**
   * Writes whole items (insert or replace). An item whose content equals the stored one is left as it is
   * and reported unchanged, so re-sending a feed changes nothing.
   */
  upsertMany(items: Item[]): Promise<UpsertOutcome[]>;
  /** Deletes the item; false when there was none. */
  remove(itemId: string): Promise<boolean>;
  /** Items matching the query in ascending id order; `next` is the cursor of the following page, if any. */
  list(query: ItemQuery): Promise<{ items: Item[]; next: string | null }>;
  count(): Promise<number>;
}
