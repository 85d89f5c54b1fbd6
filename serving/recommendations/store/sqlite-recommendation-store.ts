// The embedded recommendations store: one SQLite file, a row per list keyed by version first, so a
// version is written beside the current one and dropped as one key range. The pointer to the current
// version is one row, changed in one transaction. Valid for the processes of one machine (WAL lets the
// training CLI write while the shop reads).
import type { Database, Statement } from 'better-sqlite3';
import { DomainError } from '../../../platform/errors.ts';
import { openSqlite } from '../../../platform/sql/open-sqlite.ts';
import { decodeList, encodeList } from './list-codec.ts';
import {
  GENERAL,
  type Recommended,
  type RecommendationStore,
  type ShopperRecommendations,
  type SimilarItems,
  type VersionWriter,
} from './recommendation-store.ts';

interface Statements {
  current: Statement<[], { version: string }>;
  shopper: Statement<[string, string, string], { items: string }>;
  similar: Statement<[string, string], { items: string }>;
  putShopper: Statement<[string, string, string, string]>;
  putSimilar: Statement<[string, string, string]>;
}

export class SqliteRecommendationStore implements RecommendationStore {
  private db: Database | undefined;
  private statements: Statements | undefined;

  constructor(private readonly file: string) {}

  async start(): Promise<void> {
    const db = (this.db = await openSqlite(this.file));
    db.exec(`
      CREATE TABLE IF NOT EXISTS rec_versions (version TEXT PRIMARY KEY, published INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS rec_current (id INTEGER PRIMARY KEY CHECK (id = 1), version TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS rec_shopper_lists (version TEXT NOT NULL, user_id TEXT NOT NULL,
        category TEXT NOT NULL, items TEXT NOT NULL, PRIMARY KEY (version, user_id, category)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS rec_similar (version TEXT NOT NULL, item_id TEXT NOT NULL, items TEXT NOT NULL,
        PRIMARY KEY (version, item_id)) WITHOUT ROWID;`);
    this.statements = {
      current: db.prepare('SELECT version FROM rec_current WHERE id = 1'),
      shopper: db.prepare('SELECT items FROM rec_shopper_lists WHERE version = ? AND user_id = ? AND category = ?'),
      similar: db.prepare('SELECT items FROM rec_similar WHERE version = ? AND item_id = ?'),
      putShopper: db.prepare(
        'INSERT OR REPLACE INTO rec_shopper_lists (version, user_id, category, items) VALUES (?, ?, ?, ?)',
      ),
      putSimilar: db.prepare('INSERT OR REPLACE INTO rec_similar (version, item_id, items) VALUES (?, ?, ?)'),
    };
  }

  close(): Promise<void> {
    this.db?.close();
    this.db = undefined;
    this.statements = undefined;
    return Promise.resolve();
  }

  begin(version: string): Promise<VersionWriter> {
    const db = this.open();
    const added = db.prepare('INSERT OR IGNORE INTO rec_versions (version) VALUES (?)').run(version);
    if (added.changes === 0)
      return Promise.reject(new DomainError('conflict', 'version', `version ${version} was written before`));
    return Promise.resolve(this.writer(version));
  }

  currentVersion(): Promise<string | null> {
    return Promise.resolve(this.prepared().current.get()?.version ?? null);
  }

  forShopper(version: string, userId: string, category: string | null, limit: number): Promise<Recommended[]> {
    const row = this.prepared().shopper.get(version, userId, category ?? GENERAL);
    return Promise.resolve(row ? decodeList(row.items, limit) : []);
  }

  similarTo(version: string, itemId: string, limit: number): Promise<Recommended[]> {
    const row = this.prepared().similar.get(version, itemId);
    return Promise.resolve(row ? decodeList(row.items, limit) : []);
  }

  private writer(version: string): VersionWriter {
    const db = this.open();
    const s = this.prepared();
    const drop = (v: string) => {
      db.prepare('DELETE FROM rec_shopper_lists WHERE version = ?').run(v);
      db.prepare('DELETE FROM rec_similar WHERE version = ?').run(v);
      db.prepare('DELETE FROM rec_versions WHERE version = ?').run(v);
    };
    return {
      version,
      putShoppers: (lists: ShopperRecommendations[]) => {
        db.transaction(() => {
          for (const { userId, general, byCategory } of lists) {
            s.putShopper.run(version, userId, GENERAL, encodeList(general));
            for (const [category, list] of Object.entries(byCategory))
              s.putShopper.run(version, userId, category, encodeList(list));
          }
        })();
        return Promise.resolve();
      },
      putSimilar: (lists: SimilarItems[]) => {
        db.transaction(() => {
          for (const { itemId, similar } of lists) s.putSimilar.run(version, itemId, encodeList(similar));
        })();
        return Promise.resolve();
      },
      publish: (keep = 3) => {
        db.transaction(() => {
          db.prepare('UPDATE rec_versions SET published = 1 WHERE version = ?').run(version);
          // Never back: a run that started earlier and finished later does not replace a newer version.
          db.prepare(
            `INSERT INTO rec_current (id, version) VALUES (1, ?)
             ON CONFLICT (id) DO UPDATE SET version = excluded.version WHERE excluded.version > rec_current.version`,
          ).run(version);
          const current = s.current.get()!.version;
          const published = db
            .prepare<[], { version: string }>(
              'SELECT version FROM rec_versions WHERE published = 1 ORDER BY version DESC',
            )
            .all()
            .map((r) => r.version);
          // Older published versions beyond `keep`, and unpublished ones older than this (a run that died).
          const stale = published.filter((v, i) => i >= keep && v !== current);
          const dead = db
            .prepare<[string], { version: string }>(
              'SELECT version FROM rec_versions WHERE published = 0 AND version < ?',
            )
            .all(version)
            .map((r) => r.version);
          for (const v of [...stale, ...dead]) drop(v);
        })();
        return Promise.resolve();
      },
      abandon: () => {
        db.transaction(() => drop(version))();
        return Promise.resolve();
      },
    };
  }

  private open(): Database {
    if (!this.db) throw new Error('the recommendations store is not started');
    return this.db;
  }

  private prepared(): Statements {
    if (!this.statements) throw new Error('the recommendations store is not started');
    return this.statements;
  }
}
