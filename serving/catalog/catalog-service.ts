// The item service: the one writer of the catalog store, announcing every applied change on catalog.items.
import { validateSupplierItem } from './validate-item.ts';
import type { SupplierItem } from './supplier-item.ts';
import type { Clock, NewId } from '../../platform/clock.ts';
import { DomainError, invalid, notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/events.ts';
import type { TypedEvent } from '../../schemas/events.ts';
import { sameContent, type Item, type ItemPatch } from './item.ts';
import type { CatalogStore, ItemQuery } from './store/catalog-store.ts';
import { categoryById } from './taxonomy.ts';

type SupplierEvent = TypedEvent<'ItemUpserted' | 'ItemDeleted'>;

export class CatalogService {
  constructor(private readonly deps: { store: CatalogStore; events: Events; clock: Clock; newId: NewId }) {}

  get = async (itemId: string): Promise<Item> => {
    const item = await this.deps.store.get(itemId);
    if (!item) throw notFound('itemId', `no item with id ${itemId}`);
    return item;
  };

  getMany = (itemIds: string[]) => this.deps.store.getMany(itemIds);

  list = (query: ItemQuery) => this.deps.store.list(query);

  /** Adds or replaces an item given whole; answers whether it was created. */
  async put(input: SupplierItem): Promise<{ item: Item; created: boolean }> {
    const checked = validateSupplierItem(input);
    if (!checked.ok)
      throw new DomainError(
        'invalid',
        checked.reasons[0]!.field,
        checked.reasons.map((r) => `${r.field} ${r.message}`).join('; '),
      );
    const existed = (await this.deps.store.get(checked.item.itemId)) !== undefined;
    const [item] = await this.apply([this.toItem(checked.item)]);
    return { item: item ?? (await this.get(checked.item.itemId)), created: !existed };
  }

  /** Changes only the fields given; attributes merge by name, null removes one. The result is validated whole. */
  async patch(itemId: string, patch: ItemPatch): Promise<Item> {
    const current = await this.get(itemId);
    const attributes = { ...current.attributes };
    for (const [name, value] of Object.entries(patch.attributes ?? {})) {
      if (value === null) delete attributes[name];
      else attributes[name] = value;
    }
    const { itemClass: _class, updatedAt: _at, ...supplied } = current;
    return (await this.put({ ...supplied, ...patch, attributes })).item;
  }

  async remove(itemId: string): Promise<void> {
    if (!(await this.deps.store.get(itemId))) throw notFound('itemId', `no item with id ${itemId}`);
    await this.deps.events.publish('catalog.items', [this.deleted(itemId, null)]);
    await this.deps.store.remove(itemId);
  }

  /**
   * Applies supplier events in order. Runs of upserts are written as one batch; deletes apply in place,
   * so "upsert, delete, upsert" of one id ends with the item present.
   */
  async applySupplierEvents(events: SupplierEvent[]): Promise<void> {
    let run: Item[] = [];
    for (const event of events) {
      if (event.type === 'ItemUpserted') {
        const { type: _t, eventId: _e, occurredAt: _o, ...rest } = event;
        // The inbound service validated the record, so class and currency hold the values Item names.
        run.push({
          ...rest,
          itemClass: rest.itemClass as Item['itemClass'],
          currency: rest.currency as Item['currency'],
          updatedAt: this.deps.clock(),
        });
        continue;
      }
      await this.apply(run);
      run = [];
      if (await this.deps.store.get(event.itemId)) {
        await this.deps.events.publish('catalog.items', [this.deleted(event.itemId, event.supplierId)]);
        await this.deps.store.remove(event.itemId);
      }
    }
    await this.apply(run);
  }

  /**
   * Announces, then writes, the items that differ from what is stored. Announcing first means a crash in
   * between replays the change (the supplier event is redelivered) instead of losing its announcement.
   */
  private async apply(items: Item[]): Promise<Item[]> {
    if (items.length === 0) return [];
    const latest = new Map(items.map((i) => [i.itemId, i]));
    const stored = await this.deps.store.getMany([...latest.keys()]);
    const changed = [...latest.values()].filter((item, i) => !stored[i] || !sameContent(stored[i], item));
    if (changed.length === 0) return [];
    await this.deps.events.publish(
      'catalog.items',
      changed.map(({ updatedAt, ...item }) => ({
        type: 'ItemUpserted' as const,
        eventId: this.deps.newId(),
        occurredAt: updatedAt,
        ...item,
      })),
    );
    await this.deps.store.upsertMany(changed);
    return changed;
  }

  private toItem(item: SupplierItem): Item {
    const category = categoryById(item.category);
    if (!category) throw invalid('category', `unknown category ${item.category}`);
    return { ...item, itemClass: category.itemClass, updatedAt: this.deps.clock() };
  }

  private deleted(itemId: string, supplierId: string | null): TypedEvent<'ItemDeleted'> {
    return { type: 'ItemDeleted', eventId: this.deps.newId(), occurredAt: this.deps.clock(), itemId, supplierId };
  }
}
