// The recommendations store port: the lists a training run computed (per shopper, per shopper and
// category, similar per item), written as one version and switched to in one step. Readers name the
// version they read, so a reader that started on one version never sees part of the next.
import type { Lifecycle } from '../../../platform/lifecycle.ts';

/** One recommended item and the model's score for it (higher is better; only the order means anything). */
export interface Recommended {
  itemId: string;
  score: number;
}

/** A shopper's lists in one version: the general one and one per category (categories with none absent). */
export interface ShopperRecommendations {
  userId: string;
  general: Recommended[];
  byCategory: Record<string, Recommended[]>;
}

export interface SimilarItems {
  itemId: string;
  similar: Recommended[];
}

/** A version being written: invisible to readers until `publish()`. */
export interface VersionWriter {
  readonly version: string;
  /** Adds shoppers' lists (best first); writing a shopper twice keeps the later lists. */
  putShoppers(lists: ShopperRecommendations[]): Promise<void>;
  /** Adds items' similar items (best first); writing an item twice keeps the later list. */
  putSimilar(lists: SimilarItems[]): Promise<void>;
  /**
   * Makes this version the current one in one step, then drops published versions older than the
   * newest `keep` (default 3), so a reader holding a recent version can finish with it.
   */
  publish(keep?: number): Promise<void>;
  /** Drops everything written under this version (a failed run); it was never visible. */
  abandon(): Promise<void>;
}

export interface RecommendationStore extends Lifecycle {
  /** Starts a new version. Version ids sort by time (the model file's version), and must be new. */
  begin(version: string): Promise<VersionWriter>;
  /** The version readers should read now; null before any was published. */
  currentVersion(): Promise<string | null>;
  /**
   * A shopper's list in `version`, best first, at most `limit`: the general list when `category` is
   * null, else that category's. [] when the shopper (or the category, or the version) has none.
   */
  forShopper(version: string, userId: string, category: string | null, limit: number): Promise<Recommended[]>;
  /** Items similar to `itemId` in `version`, best first, at most `limit`; [] when it has none. */
  similarTo(version: string, itemId: string, limit: number): Promise<Recommended[]>;
}

/** The general list's key where a category goes (a category name is never empty). */
export const GENERAL = '';
