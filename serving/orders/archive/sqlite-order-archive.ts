// The embedded order archive: one SQLite file, orders as JSON documents keyed the way they are read
// (by shopper, newest first). One process at a time.
import type { Database, Statement } from 'better-sqlite3';
import { openSqlite } from '../../../platform/sql/open-sqlite.ts';
import type { Order } from '../order.ts';
import type { OrderArchive } from './order-archive.ts';

export class SqliteOrderArchive implements OrderArchive {
  private db: Database | undefined;
  private statements: { put: Statement<[string, number, string, string]>; list: Statement<[string, number], { doc: string }>; get: Statement<[string, string], { doc: string }> } | undefined;

  constructor(private readonly file: string) {}

  async start(): Promise<void> {
    const db = (this.db = await openSqlite(this.file));
    db.exec(`CREATE TABLE IF NOT EXISTS archived_orders (
      user_id TEXT NOT NULL, created_at INTEGER NOT NULL, order_id TEXT NOT NULL, doc TEXT NOT NULL,
      PRIMARY KEY (user_id, created_at, order_id)) WITHOUT ROWID`);
    this.statements = {
      put: db.prepare('INSERT OR REPLACE INTO archived_orders (user_id, created_at, order_id, doc) VALUES (?, ?, ?, ?)'),
      list: db.prepare('SELECT doc FROM archived_orders WHERE user_id = ? ORDER BY created_at DESC, order_id LIMIT ?'),
      get: db.prepare('SELECT doc FROM archived_orders WHERE user_id = ? AND order_id = ?'),
    };
  }

  close(): Promise<void> {
    this.db?.close();
    this.db = undefined;
    return Promise.resolve();
  }

  put(orders: Order[]): Promise<void> {
    const { put } = this.prepared();
    this.db!.transaction(() => {
      for (const order of orders) put.run(order.userId, order.createdAt, order.orderId, JSON.stringify(order));
    })();
    return Promise.resolve();
  }

  list(userId: string, limit: number): Promise<Order[]> {
    return Promise.resolve(this.prepared().list.all(userId, limit).map((r) => JSON.parse(r.doc) as Order));
  }

  get(userId: string, orderId: string): Promise<Order | undefined> {
    const row = this.prepared().get.get(userId, orderId);
    return Promise.resolve(row && (JSON.parse(row.doc) as Order));
  }

  private prepared() {
    if (!this.statements) throw new Error('the order archive is not started');
    return this.statements;
  }
}
