// The stock store port: units available per item and warehouse, a count that can never go below zero.
import type { Lifecycle } from '../../../platform/lifecycle.ts';

export interface StockLevel {
  warehouseId: string;
  available: number;
}

/** A count that differs from what its moves since the last stock take add up to. */
export interface StockDrift {
  itemId: string;
  warehouseId: string;
  available: number;
  expected: number;
}

export interface StockStore extends Lifecycle {
  /** Every warehouse's level for each item (items with no stock anywhere map to an empty list). */
  levels(itemIds: string[]): Promise<Map<string, StockLevel[]>>;
  /**
   * Sets the level (a stock take, recorded as such); answers the level before (0 when there was none).
   * A change is announced as stock.changed, with `reason`, through the outbox in the same transaction.
   */
  set(itemId: string, warehouseId: string, available: number, reason: string): Promise<number>;
  /** Every count that differs from its last stock take plus the holds and releases since. */
  drift(): Promise<StockDrift[]>;
}
