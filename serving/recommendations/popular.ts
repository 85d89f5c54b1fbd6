// Popular right now, from one window of the live report: each item's bought, carted, wishlisted and
// viewed counts in the category (or overall), weighted as training weighs the same signals.
import type { ReportWindowRecord } from '../../schemas/events.ts';
import type { Candidate } from './servable.ts';

/** The same order of intent as training's signal weights (batch/recommendations/signals.ts). */
export const POPULAR_WEIGHTS: Record<string, number> = { bought: 10, carted: 4, wishlisted: 3, viewed: 1 };

/** Items of the window by weighted count, best first (ties by item id), in `category` or overall when null. */
export function popularItems(window: Pick<ReportWindowRecord, 'lists'>, category: string | null): Candidate[] {
  const scores = new Map<string, number>();
  for (const list of window.lists) {
    const weight = POPULAR_WEIGHTS[list.metric];
    if (weight === undefined || list.category !== category) continue;
    for (const { key, count } of list.entries) scores.set(key, (scores.get(key) ?? 0) + weight * count);
  }
  return [...scores]
    .filter(([, score]) => score > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([itemId]) => ({ itemId, score: null }));
}
