// The store port behind the cart and the wishlist: per shopper, lines of item and quantity.
import type { Lifecycle } from '../../../platform/lifecycle.ts';
import type { OutboxEvent } from '../../../platform/outbox/outbox.ts';

export interface Line {
  itemId: string;
  quantity: number;
  addedAt: number;
}

/** The most of one item a line may hold; the store's CHECK constraint enforces it under concurrency. */
export const MAX_QUANTITY = 99;

/**
 * The events a write announces, from what it changed: written to the outbox in the write's transaction,
 * and asked for only when something changed. Throwing from it undoes the write.
 */
export type Announce<T> = (changed: T) => OutboxEvent[];

export interface ListStore extends Lifecycle {
  /**
   * Adds to the line's quantity in one atomic statement (concurrent adds sum), creating the line if needed.
   * Throws a 409 conflict when the line would go over MAX_QUANTITY; nothing changes then.
   */
  increment(userId: string, itemId: string, by: number, at: number, announce?: Announce<void>): Promise<void>;
  /**
   * Adds a line of `quantity` unless there is one; a line already there holding less is raised to
   * `quantity` (the wishlist keeps the most asked for). True when the line was added, and only then announced.
   */
  keep(userId: string, itemId: string, quantity: number, at: number, announce?: Announce<void>): Promise<boolean>;
  /** Sets the quantity of an existing line; the previous quantity, or undefined when there is no line. */
  setQuantity(
    userId: string,
    itemId: string,
    quantity: number,
    at: number,
    announce?: Announce<number>,
  ): Promise<number | undefined>;
  /** Removes the line; the quantity it held, or undefined when there was none. */
  remove(userId: string, itemId: string, announce?: Announce<number>): Promise<number | undefined>;
  /** The shopper's lines, oldest first. */
  lines(userId: string): Promise<Line[]>;
  /** Removes every line and answers what was removed. */
  clear(userId: string, announce?: Announce<Line[]>): Promise<Line[]>;
}
