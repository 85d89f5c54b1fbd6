// Whether one item can reach one pincode, and from where: the fastest warehouse holding stock that the
// table says can deliver the item's class there. Pure, so search-like rankers (recommendations) reuse it.
import { ITEM_CLASSES, type ItemClass } from '../catalog/taxonomy.ts';
import type { StockLevel } from '../inventory/store/stock-store.ts';
import { deliveryPromise, type DeliveryPromise } from './delivery-promise.ts';
import type { TatTable } from './tat-table.ts';

export type Reach =
  | ({ itemId: string; deliverable: true; warehouseId: string; tatMinutes: number } & DeliveryPromise)
  | { itemId: string; deliverable: false; reason: 'unknown item' | 'out of stock' | 'not deliverable to this pincode' };

/** `pincode` is the table's index of it; `item` undefined when the catalog has no such item; `now` for the promise. */
export function reachOf(
  table: TatTable,
  pincode: number,
  itemId: string,
  item: { itemClass: ItemClass } | undefined,
  levels: readonly StockLevel[],
  now: number,
): Reach {
  if (!item) return { itemId, deliverable: false, reason: 'unknown item' };
  const stocked = levels
    .filter((l) => l.available > 0)
    .map((l) => table.warehouse(l.warehouseId))
    .filter((w) => w !== undefined);
  if (stocked.length === 0) return { itemId, deliverable: false, reason: 'out of stock' };
  const best = table.fastest(pincode, ITEM_CLASSES.indexOf(item.itemClass), stocked);
  if (!best) return { itemId, deliverable: false, reason: 'not deliverable to this pincode' };
  return {
    itemId,
    deliverable: true,
    warehouseId: table.warehouses[best.warehouse]!,
    tatMinutes: best.minutes,
    ...deliveryPromise(best.minutes, now),
  };
}
