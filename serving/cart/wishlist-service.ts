// The wishlist: items a shopper keeps for later, each once, every change announced on the wishlist
// topic (through the list database's outbox, in the transaction that makes the change).
import type { Clock, NewId } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import type { OutboxEvent } from '../../platform/outbox/outbox.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import { listView, type ListView } from './list-view.ts';
import type { ListStore } from './store/list-store.ts';

export class WishlistService {
  constructor(private readonly deps: { store: ListStore; catalog: CatalogService; clock: Clock; newId: NewId }) {}

  async get(userId: string): Promise<ListView> {
    const lines = await this.deps.store.lines(userId);
    return listView(lines, await this.deps.catalog.getMany(lines.map((l) => l.itemId)));
  }

  /**
   * Adding an item already on the list announces nothing; its line keeps the larger quantity (a move
   * from the cart brings the cart line's quantity, so moving it back restores it).
   */
  async add(userId: string, itemId: string, quantity = 1): Promise<ListView> {
    const [item] = await this.deps.catalog.getMany([itemId]);
    if (!item) throw notFound('itemId', `no item with id ${itemId} in the catalog`);
    const at = this.deps.clock();
    await this.deps.store.keep(userId, itemId, quantity, at, () => [
      {
        topic: 'wishlist',
        event: {
          type: 'WishlistItemAdded',
          eventId: this.deps.newId(),
          occurredAt: at,
          userId,
          itemId,
          category: item.category,
        },
      },
    ]);
    return this.get(userId);
  }

  async remove(userId: string, itemId: string): Promise<ListView> {
    const categories = await this.categoriesOf([itemId]);
    const at = this.deps.clock();
    if (
      (await this.deps.store.remove(userId, itemId, () => this.removed(userId, [itemId], at, categories))) === undefined
    ) {
      throw notFound('itemId', `${itemId} is not on your wishlist`);
    }
    return this.get(userId);
  }

  async clear(userId: string): Promise<ListView> {
    const categories = await this.categoriesOf((await this.deps.store.lines(userId)).map((l) => l.itemId));
    const at = this.deps.clock();
    await this.deps.store.clear(userId, (lines) =>
      this.removed(
        userId,
        lines.map((l) => l.itemId),
        at,
        categories,
      ),
    );
    return this.get(userId);
  }

  /** The quantity the list holds of an item, or undefined when it is not on the list (for moves). */
  async quantityOf(userId: string, itemId: string): Promise<number | undefined> {
    return (await this.deps.store.lines(userId)).find((l) => l.itemId === itemId)?.quantity;
  }

  /**
   * Each item's category, read before the removal so its event can carry it (the live reports count net
   * wishlist adds per category); an item no longer in the catalog is announced without one.
   */
  private async categoriesOf(itemIds: string[]): Promise<Map<string, string>> {
    const items = await this.deps.catalog.getMany(itemIds);
    return new Map(items.flatMap((item) => (item ? [[item.itemId, item.category] as const] : [])));
  }

  private removed(userId: string, itemIds: string[], at: number, categories: Map<string, string>): OutboxEvent[] {
    return itemIds.map((itemId) => ({
      topic: 'wishlist',
      event: {
        type: 'WishlistItemRemoved',
        eventId: this.deps.newId(),
        occurredAt: at,
        userId,
        itemId,
        category: categories.get(itemId) ?? null,
      },
    }));
  }
}
