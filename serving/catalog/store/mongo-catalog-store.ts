// The MongoDB catalog store: one document per item, indexed on category and every filterable attribute path.
import type { Collection, MongoClient } from 'mongodb';
import { CATEGORIES } from '../taxonomy.ts';
import { sameContent, type Item } from '../item.ts';
import type { CatalogStore, ItemQuery, UpsertOutcome } from './catalog-store.ts';

type ItemDocument = Item & { _id: string };

export class MongoCatalogStore implements CatalogStore {
  private client: MongoClient | undefined;
  private items: Collection<ItemDocument> | undefined;

  /** `database` defaults to the one the URL names. */
  constructor(private readonly options: { url: string; database?: string; collection?: string }) {}

  async start(): Promise<void> {
    const { MongoClient } = await import('mongodb');
    // No serverApi and no transactions: the store must also work on mongo-java-server (see infra/README.md).
    this.client = new MongoClient(this.options.url);
    await this.client.connect();
    this.items = this.client.db(this.options.database).collection<ItemDocument>(this.options.collection ?? 'items');
    await this.items.createIndex({ category: 1, _id: 1 });
    const attributeNames = new Set(CATEGORIES.flatMap((c) => c.attributes.filter((a) => a.facet).map((a) => a.name)));
    for (const name of attributeNames) await this.items.createIndex({ category: 1, [`attributes.${name}`]: 1 });
  }

  async close(): Promise<void> {
    await this.client?.close();
    this.client = undefined;
    this.items = undefined;
  }

  async get(itemId: string): Promise<Item | undefined> {
    const doc = await this.collection().findOne({ _id: itemId });
    return doc ? toItem(doc) : undefined;
  }

  async getMany(itemIds: string[]): Promise<(Item | undefined)[]> {
    const docs = await this.collection()
      .find({ _id: { $in: itemIds } })
      .toArray();
    const byId = new Map(docs.map((d) => [d._id, toItem(d)]));
    return itemIds.map((id) => byId.get(id));
  }

  async upsertMany(items: Item[]): Promise<UpsertOutcome[]> {
    const existing = new Map(
      (await this.getMany(items.map((i) => i.itemId))).filter((i) => i !== undefined).map((i) => [i.itemId, i]),
    );
    const outcomes = items.map((item): UpsertOutcome => {
      const before = existing.get(item.itemId);
      if (!before) return 'created';
      return sameContent(before, item) ? 'unchanged' : 'updated';
    });
    const writes = items
      .filter((_, i) => outcomes[i] !== 'unchanged')
      .map((item) => ({
        replaceOne: { filter: { _id: item.itemId }, replacement: { _id: item.itemId, ...item }, upsert: true },
      }));
    if (writes.length) await this.collection().bulkWrite(writes, { ordered: true });
    return outcomes;
  }

  async remove(itemId: string): Promise<boolean> {
    return (await this.collection().deleteOne({ _id: itemId })).deletedCount > 0;
  }

  async list(query: ItemQuery): Promise<{ items: Item[]; next: string | null }> {
    const filter: Record<string, unknown> = {};
    if (query.category !== undefined) filter.category = query.category;
    for (const [name, value] of Object.entries(query.attributes ?? {})) filter[`attributes.${name}`] = value;
    if (query.after !== undefined) filter._id = { $gt: query.after };
    const docs = await this.collection()
      .find(filter)
      .sort({ _id: 1 })
      .limit(query.limit + 1)
      .toArray();
    const items = docs.slice(0, query.limit).map(toItem);
    return { items, next: docs.length > query.limit ? items.at(-1)!.itemId : null };
  }

  count(): Promise<number> {
    return this.collection().countDocuments({});
  }

  private collection(): Collection<ItemDocument> {
    if (!this.items) throw new Error('catalog store is not started');
    return this.items;
  }
}

function toItem({ _id, ...item }: ItemDocument): Item {
  return item;
}
