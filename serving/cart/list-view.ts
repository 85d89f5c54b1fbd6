// A cart or wishlist as shown to the shopper: each line with the item's current details and price.
import type { Item } from '../catalog/item.ts';
import { SHOP_CURRENCY } from '../catalog/money.ts';
import type { Line } from './store/list-store.ts';

export interface ItemSummary {
  name: string;
  brand: string;
  category: string;
  priceMinor: number;
  currency: string;
  imageUrl: string | null;
}

export interface ViewLine extends Line {
  /** Null when the item has left the catalog since it was added; such a line counts for nothing. */
  item: ItemSummary | null;
  lineTotalMinor: number;
}

export interface ListView {
  lines: ViewLine[];
  itemCount: number;
  subtotalMinor: number;
  currency: typeof SHOP_CURRENCY;
}

export function listView(lines: Line[], items: (Item | undefined)[]): ListView {
  const viewLines = lines.map((line, i): ViewLine => {
    const item = items[i];
    if (!item) return { ...line, item: null, lineTotalMinor: 0 };
    const { name, brand, category, priceMinor, currency, imageUrl } = item;
    return {
      ...line,
      item: { name, brand, category, priceMinor, currency, imageUrl },
      lineTotalMinor: priceMinor * line.quantity,
    };
  });
  const priced = viewLines.filter((l) => l.item);
  return {
    lines: viewLines,
    itemCount: priced.reduce((n, l) => n + l.quantity, 0),
    subtotalMinor: priced.reduce((sum, l) => sum + l.lineTotalMinor, 0),
    currency: SHOP_CURRENCY,
  };
}
