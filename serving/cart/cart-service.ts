// The cart: quantities per item, priced from the catalog, every change announced on the cart topic
// (through the list database's outbox, in the transaction that makes the change).
import type { Clock, NewId } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import type { OutboxEvent } from '../../platform/outbox/outbox.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import type { Item } from '../catalog/item.ts';
import { listView, type ListView } from './list-view.ts';
import type { Line, ListStore } from './store/list-store.ts';

export class CartService {
  constructor(private readonly deps: { store: ListStore; catalog: CatalogService; clock: Clock; newId: NewId }) {}

  async get(userId: string): Promise<ListView> {
    const lines = await this.deps.store.lines(userId);
    return listView(lines, await this.deps.catalog.getMany(lines.map((l) => l.itemId)));
  }

  /** Adds `quantity` of an item, summing with what is there. */
  async add(userId: string, itemId: string, quantity: number): Promise<ListView> {
    const item = await this.item(itemId);
    if (!item) throw notFound('itemId', `no item with id ${itemId} in the catalog`);
    const at = this.deps.clock();
    await this.deps.store.increment(userId, itemId, quantity, at, () => [this.added(userId, item, quantity, at)]);
    return this.get(userId);
  }

  /** Sets a line's quantity; the change is announced as an add or a removal of the difference. */
  async setQuantity(userId: string, itemId: string, quantity: number): Promise<ListView> {
    const item = await this.item(itemId);
    const at = this.deps.clock();
    const previous = await this.deps.store.setQuantity(userId, itemId, quantity, at, (previous) => {
      if (quantity < previous) return this.removed(userId, [{ itemId, quantity: previous - quantity }], at);
      if (quantity === previous) return [];
      // More of an item the catalog has dropped since: refused, and the line stays as it was.
      if (!item) throw notFound('itemId', `no item with id ${itemId} in the catalog`);
      return [this.added(userId, item, quantity - previous, at)];
    });
    if (previous === undefined) throw notFound('itemId', `${itemId} is not in your cart`);
    return this.get(userId);
  }

  async remove(userId: string, itemId: string): Promise<ListView> {
    const at = this.deps.clock();
    const quantity = await this.deps.store.remove(userId, itemId, (quantity) =>
      this.removed(userId, [{ itemId, quantity }], at),
    );
    if (quantity === undefined) throw notFound('itemId', `${itemId} is not in your cart`);
    return this.get(userId);
  }

  async clear(userId: string): Promise<ListView> {
    const at = this.deps.clock();
    await this.deps.store.clear(userId, (lines) => this.removed(userId, lines, at));
    return this.get(userId);
  }

  private async item(itemId: string): Promise<Item | undefined> {
    return (await this.deps.catalog.getMany([itemId]))[0];
  }

  private added(userId: string, item: Item, quantity: number, at: number): OutboxEvent {
    const event = {
      type: 'CartItemAdded' as const,
      eventId: this.deps.newId(),
      occurredAt: at,
      userId,
      itemId: item.itemId,
      quantity,
      unitPriceMinor: item.priceMinor,
      category: item.category,
    };
    return { topic: 'cart', event };
  }

  private removed(userId: string, lines: Pick<Line, 'itemId' | 'quantity'>[], at: number): OutboxEvent[] {
    return lines.map((l) => ({
      topic: 'cart',
      event: {
        type: 'CartItemRemoved',
        eventId: this.deps.newId(),
        occurredAt: at,
        userId,
        itemId: l.itemId,
        quantity: l.quantity,
      },
    }));
  }
}
