// What a supplier sends for one item, over HTTP or as one line of a feed file.
import type { SHOP_CURRENCY } from './money.ts';

export interface SupplierItem {
  supplierId: string;
  /** The supplier's stable id for the item; re-sending the same id updates the item. */
  itemId: string;
  name: string;
  description: string;
  brand: string;
  /** A category id from serving/catalog/taxonomy.ts. */
  category: string;
  /** Price of one unit in minor units (cents). */
  priceMinor: number;
  currency: typeof SHOP_CURRENCY;
  /** Attribute values; which names and values are allowed depends on the category. */
  attributes: Record<string, string>;
  imageUrl: string | null;
}
