// The store port behind the cart and the wishlist: per shopper, lines of item and quantity.
import type { Lifecycle } from '../../../platform/lifecycle.ts';

export interface Line {
  itemId: string;
  quantity: number;
  addedAt: number;
}

/** The most of one item a line may hold; the store's CHECK constraint enforces it under concurrency. */
export const MAX_QUANTITY = 99;

export interface ListStore extends Lifecycle {
  /**
   * Adds to the line's quantity in one atomic statement (concurrent adds sum), creating the line if needed.
   * Throws a 409 conflict when the line would go over MAX_QUANTITY; nothing changes then.
   */
  increment(userId: string, itemId: string, by: number, at: number): Promise<void>;
  /** Adds a line of quantity 1 unless there is one; true when it was added. */
  insertIfAbsent(userId: string, itemId: string, at: number): Promise<boolean>;
  /** Sets the quantity of an existing line; the previous quantity, or undefined when there is no line. */
  setQuantity(userId: string, itemId: string, quantity: number, at: number): Promise<number | undefined>;
  /** Removes the line; the quantity it held, or undefined when there was none. */
  remove(userId: string, itemId: string): Promise<number | undefined>;
  /** The shopper's lines, oldest first. */
  lines(userId: string): Promise<Line[]>;
  /** Removes every line and answers what was removed. */
  clear(userId: string): Promise<Line[]>;
}
