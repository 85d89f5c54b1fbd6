// The embedded catalog store: SQLite, one JSON document per item, with an attribute table for indexed filters.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { sameContent, type Item } from '../item.ts';
import type { CatalogStore, ItemQuery, UpsertOutcome } from './catalog-store.ts';

/** Valid for one process on one machine (SQLite file under the data folder). */
export class EmbeddedCatalogStore implements CatalogStore {
  private db: Database | undefined;

  constructor(private readonly options: { file: string }) {}

  async start(): Promise<void> {
    const { default: SQLite } = await import('better-sqlite3');
    if (this.options.file !== ':memory:') fs.mkdirSync(path.dirname(this.options.file), { recursive: true });
    const db = new SQLite(this.options.file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`
      CREATE TABLE IF NOT EXISTS items (id TEXT PRIMARY KEY, category TEXT NOT NULL, doc TEXT NOT NULL) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS items_by_category ON items (category, id);
      CREATE TABLE IF NOT EXISTS item_attributes (
        item_id TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (item_id, name)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS attributes_by_value ON item_attributes (name, value, item_id);`);
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
    const clear = db.prepare('DELETE FROM item_attributes WHERE item_id = ?');
    const attribute = db.prepare('INSERT INTO item_attributes (item_id, name, value) VALUES (?, ?, ?)');
    // One transaction per batch: a feed of 100k items is a hundred commits, not a hundred thousand.
    return Promise.resolve(
      db.transaction(() =>
        items.map((item): UpsertOutcome => {
          const row = current.get(item.itemId);
          if (row && sameContent(JSON.parse(row.doc) as Item, item)) return 'unchanged';
          write.run(item.itemId, item.category, JSON.stringify(item));
          if (row) clear.run(item.itemId);
          for (const [name, value] of Object.entries(item.attributes)) attribute.run(item.itemId, name, value);
          return row ? 'updated' : 'created';
        }),
      )(),
    );
  }

  remove(itemId: string): Promise<boolean> {
    const db = this.sql();
    return Promise.resolve(
      db.transaction(() => {
        db.prepare('DELETE FROM item_attributes WHERE item_id = ?').run(itemId);
        return db.prepare('DELETE FROM items WHERE id = ?').run(itemId).changes > 0;
      })(),
    );
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
