// The cache port: string values with a time to live, for read-through caching in front of a store.
import type { Lifecycle } from '../lifecycle.ts';

export interface Cache extends Lifecycle {
  /** The value, or undefined on a miss or once its TTL has passed. */
  get(key: string): Promise<string | undefined>;
  /** ttlMs is required: nothing is cached forever. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}
