// How both adapters keep a list in one cell: JSON pairs [itemId, score], read back whole.
import type { Recommended } from './recommendation-store.ts';

export const encodeList = (list: Recommended[]): string => JSON.stringify(list.map((r) => [r.itemId, r.score]));

export function decodeList(text: string, limit: number): Recommended[] {
  const pairs = JSON.parse(text) as [string, number][];
  return pairs.slice(0, limit).map(([itemId, score]) => ({ itemId, score }));
}
