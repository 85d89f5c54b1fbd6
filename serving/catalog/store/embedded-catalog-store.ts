// The embedded catalog store: SQLite, one JSON document per item, with an attribute table for indexed filters.
import type { Database, Statement } from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import { openSqlite } from '../../../platform/sql/open-sqlite.ts';
import { sameContent, type Item } from '../item.ts';
import type { CatalogStore, ItemQuery, UpsertOutcome } from './catalog-store.ts';

/** Valid for one process on one machine (SQLite file under the data folder). */
export class EmbeddedCatalogStore implements CatalogStore {
  private db: Database | undefined;
  private readonly recent = new LRUCache<string, Item>({ max: 20_000 });
  /** Prepared once: preparing is most of the cost of a single-row read. */
  private prepared: { byId: Statement<[string], { doc: string }> } | undefined;

  constructor(private readonly options: { file: string }) {}

  async start(): Promise<void> {
    const db = await openSqlite(this.options.file);
    db.exec(`
      -- A rowid table: documents are far larger than the 200 bytes under which WITHOUT ROWID pays off.
      CREATE TABLE IF NOT EXISTS items (id TEXT NOT NULL UNIQUE, category TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS items_by_category ON items (category, id);
      -- Keyed for the filter (name = ? AND value = ?) alone: an item's rows are found for deletion from
      -- its stored document, so a second index would only double the cost of every write.
      CREATE TABLE IF NOT EXISTS item_attributes (
        name TEXT NOT NULL, value TEXT NOT NULL, item_id TEXT NOT NULL, PRIMARY KEY (name, value, item_id)) WITHOUT ROWID;`);
    this.db = db;
    this.prepared = { byId: db.prepare<[string], { doc: string }>('SELECT doc FROM items WHERE id = ?') };
  }

  close(): Promise<void> {
    this.db?.close();
    this.db = this.prepared = undefined;
    return Promise.resolve();
  }

  get(itemId: string): Promise<Item | undefined> {
    return Promise.resolve(this.read(itemId));
  }

  getMany(itemIds: string[]): Promise<(Item | undefined)[]> {
    return Promise.resolve(itemIds.map((id) => this.read(id)));
  }

  /**
   * Reads through a cache of parsed items: carts and search hits read the same few thousand items over
   * and over, and parsing the document is most of a read. This process is the store's only writer, so
   * dropping an item from the cache on every write keeps it exact. Callers treat items as read-only.
   */
  private read(itemId: string): Item | undefined {
    let item = this.recent.get(itemId);
    if (!item) {
      const row = this.statements().byId.get(itemId);
      if (!row) return undefined;
      this.recent.set(itemId, (item = JSON.parse(row.doc) as Item));
    }
    return item;
  }

  upsertMany(items: Item[]): Promise<UpsertOutcome[]> {
    const db = this.sql();
    const current = db.prepare<[string], { doc: string }>('SELECT doc FROM items WHERE id = ?');
    const write = db.prepare(
      'INSERT INTO items (id, category, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET category = excluded.category, doc = excluded.doc',
    );
    // All of an item's attributes in one statement: per-statement overhead, not SQLite, bounds bulk loads.
    const index = db.prepare(
      'INSERT INTO item_attributes (name, value, item_id) SELECT key, value, ? FROM json_each(?)',
    );
    // One transaction per batch: a feed of 100k items is a hundred commits, not a hundred thousand.
    return Promise.resolve(
      db.transaction(() =>
        items.map((item): UpsertOutcome => {
          const row = current.get(item.itemId);
          const stored = row && (JSON.parse(row.doc) as Item);
          if (stored && sameContent(stored, item)) return 'unchanged';
          write.run(item.itemId, item.category, JSON.stringify(item));
          this.recent.delete(item.itemId);
          if (stored) this.unindex(stored);
          index.run(item.itemId, JSON.stringify(item.attributes));
          return stored ? 'updated' : 'created';
        }),
      )(),
    );
  }

  remove(itemId: string): Promise<boolean> {
    const db = this.sql();
    return Promise.resolve(
      db.transaction(() => {
        this.recent.delete(itemId);
        const row = db.prepare<[string], { doc: string }>('DELETE FROM items WHERE id = ? RETURNING doc').get(itemId);
        if (row) this.unindex(JSON.parse(row.doc) as Item);
        return row !== undefined;
      })(),
    );
  }

  private unindex(item: Item): void {
    this.sql()
      .prepare('DELETE FROM item_attributes WHERE (name, value, item_id) IN (SELECT key, value, ? FROM json_each(?))')
      .run(item.itemId, JSON.stringify(item.attributes));
  }

  list(query: ItemQuery): Promise<{ items: Item[]; next: string | null }> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.category !== undefined) {
      where.push('category = ?');
      params.push(query.category);
    }
    for (const [name, value] of Object.entries(query.attributes ?? {})) {
      where.push('id IN (SELECT item_id FROM item_attributes WHERE name = ? AND value = ?)');
      params.push(name, value);
    }
    if (query.after !== undefined) {
      where.push('id > ?');
      params.push(query.after);
    }
    const sql = `SELECT doc FROM items ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`;
    const rows = this.sql()
      .prepare<(string | number)[], { doc: string }>(sql)
      .all(...params, query.limit + 1);
    const items = rows.slice(0, query.limit).map((r) => JSON.parse(r.doc) as Item);
    return Promise.resolve({ items, next: rows.length > query.limit ? items.at(-1)!.itemId : null });
  }

  count(): Promise<number> {
    return Promise.resolve(this.sql().prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM items').get()!.n);
  }

  private statements() {
    if (!this.prepared) throw new Error('catalog store is not started');
    return this.prepared;
  }

  private sql(): Database {
    if (!this.db) throw new Error('catalog store is not started');
    return this.db;
  }
}
