// The stock store port: units available per item and warehouse, a count that can never go below zero.
import type { Lifecycle } from '../../../platform/lifecycle.ts';

export interface StockLevel {
  warehouseId: string;
  available: number;
}

export interface StockStore extends Lifecycle {
  /** Every warehouse's level for each item (items with no stock anywhere map to an empty list). */
  levels(itemIds: string[]): Promise<Map<string, StockLevel[]>>;
  /** Sets the level; answers the level before (0 when there was none). */
  set(itemId: string, warehouseId: string, available: number): Promise<number>;
}
