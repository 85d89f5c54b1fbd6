// The search index port: full text with typo tolerance, filters, facets, and the delivery filter that
// keeps undeliverable items out of every count.
import type { Lifecycle } from '../../../platform/lifecycle.ts';
import type { ItemClass } from '../../catalog/taxonomy.ts';
import type { Reachable } from '../../serviceability/tat-table.ts';

/** What the index holds of an item: its searchable text, its filters, and where it is in stock. */
export interface SearchDoc {
  itemId: string;
  name: string;
  description: string;
  brand: string;
  category: string;
  attributes: Record<string, string>;
  priceMinor: number;
  itemClass: ItemClass;
}

export type { Reachable } from '../../serviceability/tat-table.ts';

export type SearchSort = 'relevance' | 'price_asc' | 'price_desc' | 'delivery';

export interface SearchQuery {
  /** Free text; empty browses everything that matches the filters. */
  text: string;
  category?: string;
  /** Any of these brands, when given. */
  brands?: string[];
  /** Every named attribute must have one of the given values. */
  attributes?: Record<string, string[]>;
  priceMinMinor?: number;
  priceMaxMinor?: number;
  reachable: Reachable;
  sort: SearchSort;
  offset: number;
  limit: number;
}

export interface SearchHit {
  itemId: string;
  score: number;
  /** The fastest warehouse with stock that reaches the pincode, and its minutes. */
  warehouseId: string;
  tatMinutes: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  /** Deliverable matches in all (every page). */
  total: number;
  hits: SearchHit[];
  facets: { category: FacetCount[]; brand: FacetCount[]; attributes: Record<string, FacetCount[]> };
  /**
   * The text as the index read it, when it read a word it does not know as a known spelling ("smasung
   * tv" → "samsung tv"); absent when every word was taken as typed (a last word still being typed, that
   * some known word starts with, counts as typed).
   */
  correctedText?: string;
}

export interface SearchIndex extends Lifecycle {
  upsert(docs: SearchDoc[]): Promise<void>;
  remove(itemIds: string[]): Promise<void>;
  /** Records whether a warehouse holds the item; an item in stock nowhere is never a hit. */
  setStock(changes: { itemId: string; warehouseId: string; inStock: boolean }[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  count(): Promise<number>;
}
