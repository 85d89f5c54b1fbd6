// The cache port: strings by key with a time to live, in front of a store that stays the source of truth.
import type { Lifecycle } from '../lifecycle.ts';

export interface Cache extends Lifecycle {
  /** The cached value, or undefined on a miss (never set, expired or deleted). */
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}
