// The cart: quantities per item, priced from the catalog, every change announced on the cart topic.
import type { Clock, NewId } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/events.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import type { Item } from '../catalog/item.ts';
import { listView, type ListView } from './list-view.ts';
import type { Line, ListStore } from './store/list-store.ts';

export class CartService {
  constructor(private readonly deps: { store: ListStore; catalog: CatalogService; events: Events; clock: Clock; newId: NewId }) {}

  async get(userId: string): Promise<ListView> {
    const lines = await this.deps.store.lines(userId);
    return listView(lines, await this.deps.catalog.getMany(lines.map((l) => l.itemId)));
  }

  /** Adds `quantity` of an item, summing with what is there. */
  async add(userId: string, itemId: string, quantity: number): Promise<ListView> {
    const item = await this.existing(itemId);
    await this.deps.store.increment(userId, itemId, quantity, this.deps.clock());
    await this.added(userId, item, quantity);
    return this.get(userId);
  }

  /** Sets a line's quantity; the change is announced as an add or a removal of the difference. */
  async setQuantity(userId: string, itemId: string, quantity: number): Promise<ListView> {
    const previous = await this.deps.store.setQuantity(userId, itemId, quantity, this.deps.clock());
    if (previous === undefined) throw notFound('itemId', `${itemId} is not in your cart`);
    if (quantity > previous) await this.added(userId, await this.existing(itemId), quantity - previous);
    if (quantity < previous) await this.removed(userId, [{ itemId, quantity: previous - quantity }]);
    return this.get(userId);
  }

  async remove(userId: string, itemId: string): Promise<ListView> {
    const quantity = await this.deps.store.remove(userId, itemId);
    if (quantity === undefined) throw notFound('itemId', `${itemId} is not in your cart`);
    await this.removed(userId, [{ itemId, quantity }]);
    return this.get(userId);
  }

  async clear(userId: string): Promise<ListView> {
    await this.removed(userId, await this.deps.store.clear(userId));
    return this.get(userId);
  }

  private async existing(itemId: string): Promise<Item> {
    const [item] = await this.deps.catalog.getMany([itemId]);
    if (!item) throw notFound('itemId', `no item with id ${itemId} in the catalog`);
    return item;
  }

  private added(userId: string, item: Item, quantity: number) {
    return this.deps.events.publish('cart', [
      {
        type: 'CartItemAdded',
        eventId: this.deps.newId(),
        occurredAt: this.deps.clock(),
        userId,
        itemId: item.itemId,
        quantity,
        unitPriceMinor: item.priceMinor,
        category: item.category,
      },
    ]);
  }

  private removed(userId: string, lines: Pick<Line, 'itemId' | 'quantity'>[]) {
    const at = this.deps.clock();
    return this.deps.events.publish(
      'cart',
      lines.map((l) => ({ type: 'CartItemRemoved' as const, eventId: this.deps.newId(), occurredAt: at, userId, itemId: l.itemId, quantity: l.quantity })),
    );
  }
}
