// The wishlist: items a shopper keeps for later, each once, every change announced on the wishlist topic.
import type { Clock, NewId } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/events.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import { listView, type ListView } from './list-view.ts';
import type { ListStore } from './store/list-store.ts';

export class WishlistService {
  constructor(private readonly deps: { store: ListStore; catalog: CatalogService; events: Events; clock: Clock; newId: NewId }) {}

  async get(userId: string): Promise<ListView> {
    const lines = await this.deps.store.lines(userId);
    return listView(lines, await this.deps.catalog.getMany(lines.map((l) => l.itemId)));
  }

  /** Adding an item already on the list changes nothing and announces nothing. */
  async add(userId: string, itemId: string): Promise<ListView> {
    const [item] = await this.deps.catalog.getMany([itemId]);
    if (!item) throw notFound('itemId', `no item with id ${itemId} in the catalog`);
    if (await this.deps.store.insertIfAbsent(userId, itemId, this.deps.clock())) {
      await this.deps.events.publish('wishlist', [
        { type: 'WishlistItemAdded', eventId: this.deps.newId(), occurredAt: this.deps.clock(), userId, itemId, category: item.category },
      ]);
    }
    return this.get(userId);
  }

  async remove(userId: string, itemId: string): Promise<ListView> {
    if ((await this.deps.store.remove(userId, itemId)) === undefined) throw notFound('itemId', `${itemId} is not on your wishlist`);
    await this.announceRemoved(userId, [itemId]);
    return this.get(userId);
  }

  async clear(userId: string): Promise<ListView> {
    await this.announceRemoved(userId, (await this.deps.store.clear(userId)).map((l) => l.itemId));
    return this.get(userId);
  }

  /** Whether the item is on the list (for moves). */
  async has(userId: string, itemId: string): Promise<boolean> {
    return (await this.deps.store.lines(userId)).some((l) => l.itemId === itemId);
  }

  private announceRemoved(userId: string, itemIds: string[]) {
    const at = this.deps.clock();
    return this.deps.events.publish(
      'wishlist',
      itemIds.map((itemId) => ({ type: 'WishlistItemRemoved' as const, eventId: this.deps.newId(), occurredAt: at, userId, itemId })),
    );
  }
}
