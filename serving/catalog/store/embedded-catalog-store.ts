// The embedded catalog store: SQLite, one JSON document per item, with an attribute table for indexed filters.
import type { Database } from 'better-sqlite3';
import { openSqlite } from '../../../platform/sql/open-sqlite.ts';
import { sameContent, type Item } from '../item.ts';
import type { CatalogStore, ItemQuery, UpsertOutcome } from './catalog-store.ts';

/** Valid for one process on one machine (SQLite file under the data folder). */
export class EmbeddedCatalogStore implements CatalogStore {
  private db: Database | undefined;

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
  }

  close(): Promise<void> {
    this.db?.close();
    this.db = undefined;
    return Promise.resolve();
  }

  get(itemId: string): Promise<Item | undefined> {
    const row = this.sql().prepare<[string], { doc: string }>('SELECT doc FROM items WHERE id = ?').get(itemId);
    return Promise.resolve(row ? (JSON.parse(row.doc) as Item) : undefined);
  }

  getMany(itemIds: string[]): Promise<(Item | undefined)[]> {
    const select = this.sql().prepare<[string], { doc: string }>('SELECT doc FROM items WHERE id = ?');
    return Promise.resolve(itemIds.map((id) => {
      const row = select.get(id);
      return row ? (JSON.parse(row.doc) as Item) : undefined;
    }));
  }

  upsertMany(items: Item[]): Promise<UpsertOutcome[]> {
    const db = this.sql();
    const current = db.prepare<[string], { doc: string }>('SELECT doc FROM items WHERE id = ?');
    const write = db.prepare('INSERT INTO items (id, category, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET category = excluded.category, doc = excluded.doc');
    // All of an item's attributes in one statement: per-statement overhead, not SQLite, bounds bulk loads.
    const index = db.prepare('INSERT INTO item_attributes (name, value, item_id) SELECT key, value, ? FROM json_each(?)');
    // One transaction per batch: a feed of 100k items is a hundred commits, not a hundred thousand.
    return Promise.resolve(
      db.transaction(() =>
        items.map((item): UpsertOutcome => {
          const row = current.get(item.itemId);
          const stored = row && (JSON.parse(row.doc) as Item);
          if (stored && sameContent(stored, item)) return 'unchanged';
          write.run(item.itemId, item.category, JSON.stringify(item));
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
    const rows = this.sql().prepare<(string | number)[], { doc: string }>(sql).all(...params, query.limit + 1);
    const items = rows.slice(0, query.limit).map((r) => JSON.parse(r.doc) as Item);
    return Promise.resolve({ items, next: rows.length > query.limit ? items.at(-1)!.itemId : null });
  }

  count(): Promise<number> {
    return Promise.resolve(this.sql().prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM items').get()!.n);
  }

  private sql(): Database {
    if (!this.db) throw new Error('catalog store is not started');
    return this.db;
  }
}
