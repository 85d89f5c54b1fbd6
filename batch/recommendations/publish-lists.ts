// Fills the recommendations store from a model version: every shopper's general and per-category lists
// and every item's similar items, written under the model's version and switched to in one step.
import type {
  RecommendationStore,
  ShopperRecommendations,
  SimilarItems,
} from '../../serving/recommendations/store/recommendation-store.ts';
import type { RecsModel } from './model-files.ts';
import { shopperLists, similarItems } from './recommend.ts';

export interface ListSizes {
  /** A shopper's general list: more than a page shows, so serving can drop what cannot be bought and still fill it. */
  general: number;
  perCategory: number;
  similar: number;
}

export const DEFAULT_LIST_SIZES: ListSizes = { general: 50, perCategory: 20, similar: 20 };

/** Rows handed to the store at once: small enough to bound memory, large enough for few round trips. */
const BATCH = 500;

export async function publishLists(
  store: RecommendationStore,
  model: RecsModel & { version: string },
  sizes: ListSizes = DEFAULT_LIST_SIZES,
): Promise<{ shoppers: number; items: number }> {
  const writer = await store.begin(model.version);
  try {
    const batch: ShopperRecommendations[] = [];
    let shoppers = 0;
    const id = (list: { item: number; score: number }[]) =>
      list.map((s) => ({ itemId: model.itemIds[s.item]!, score: s.score }));
    for (const lists of shopperLists(model, model.seen, model.itemCategory, {
      n: sizes.general,
      perCategory: sizes.perCategory,
    })) {
      const byCategory: Record<string, ReturnType<typeof id>> = {};
      for (const [c, list] of lists.byCategory) byCategory[model.categories[c]!] = id(list);
      batch.push({ userId: model.userIds[lists.user]!, general: id(lists.general), byCategory });
      shoppers++;
      if (batch.length >= BATCH) await writer.putShoppers(batch.splice(0));
    }
    if (batch.length) await writer.putShoppers(batch);
    const similar = similarItems(model, sizes.similar);
    const items: SimilarItems[] = [];
    for (let i = 0; i < model.itemIds.length; i++) {
      items.push({ itemId: model.itemIds[i]!, similar: id(similar(i)) });
      if (items.length >= BATCH) await writer.putSimilar(items.splice(0));
    }
    if (items.length) await writer.putSimilar(items);
    await writer.publish();
    return { shoppers, items: model.itemIds.length };
  } catch (error) {
    await writer.abandon().catch(() => {});
    throw error;
  }
}
