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

  /** Adding an item already on the list changes nothing and announces nothing. */
  async add(userId: string, itemId: string): Promise<ListView> {
    const [item] = await this.deps.catalog.getMany([itemId]);
    if (!item) throw notFound('itemId', `no item with id ${itemId} in the catalog`);
    const at = this.deps.clock();
    await this.deps.store.insertIfAbsent(userId, itemId, at, () => [
      { topic: 'wishlist', event: { type: 'WishlistItemAdded', eventId: this.deps.newId(), occurredAt: at, userId, itemId, category: item.category } },
    ]);
    return this.get(userId);
  }

  async remove(userId: string, itemId: string): Promise<ListView> {
    const at = this.deps.clock();
    if ((await this.deps.store.remove(userId, itemId, () => this.removed(userId, [itemId], at))) === undefined) {
      throw notFound('itemId', `${itemId} is not on your wishlist`);
    }
    return this.get(userId);
  }

  async clear(userId: string): Promise<ListView> {
    const at = this.deps.clock();
    await this.deps.store.clear(userId, (lines) => this.removed(userId, lines.map((l) => l.itemId), at));
    return this.get(userId);
  }

  /** Whether the item is on the list (for moves). */
  async has(userId: string, itemId: string): Promise<boolean> {
    return (await this.deps.store.lines(userId)).some((l) => l.itemId === itemId);
  }

  private removed(userId: string, itemIds: string[], at: number): OutboxEvent[] {
    return itemIds.map((itemId) => ({ topic: 'wishlist', event: { type: 'WishlistItemRemoved', eventId: this.deps.newId(), occurredAt: at, userId, itemId } }));
  }
}
