// The embedded order archive: one SQLite file, each order once as a JSON document with the columns it is
// found by (its shopper, status and time), and one row per seller of it. One process at a time.
import type { Database, Statement } from 'better-sqlite3';
import { openSqlite } from '../../../platform/sql/open-sqlite.ts';
import type { OrderPageQuery, OrdersOf } from '../order-query.ts';
import { sellersOf, type Order } from '../order.ts';
import type { OrderArchive } from './order-archive.ts';

export class SqliteOrderArchive implements OrderArchive {
  private db: Database | undefined;
  /** Each list's SQL, prepared once (a page has eight shapes: owner × status × position). */
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly file: string) {}

  async start(): Promise<void> {
    const db = (this.db = await openSqlite(this.file));
    db.exec(`
      CREATE TABLE IF NOT EXISTS archive_orders (
        order_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, created_at INTEGER NOT NULL, status TEXT NOT NULL,
        doc TEXT NOT NULL) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS archive_orders_by_user ON archive_orders (user_id, created_at DESC, order_id);
      CREATE TABLE IF NOT EXISTS archive_order_sellers (
        seller_id TEXT NOT NULL, created_at INTEGER NOT NULL, order_id TEXT NOT NULL,
        PRIMARY KEY (seller_id, created_at, order_id)) WITHOUT ROWID;`);
    // Archives written before orders were kept by id and seller move over once, sellers and all.
    const legacy = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'archived_orders'").get();
    if (legacy)
      db.transaction(() => {
        const docs = db.prepare('SELECT doc FROM archived_orders').all() as { doc: string }[];
        this.write(docs.map((r) => JSON.parse(r.doc) as Order));
        db.exec('DROP TABLE archived_orders');
      })();
  }

  close(): Promise<void> {
    this.db?.close();
    this.db = undefined;
    this.statements.clear();
    return Promise.resolve();
  }

  put(orders: Order[]): Promise<void> {
    this.sqlite().transaction(() => this.write(orders))();
    return Promise.resolve();
  }

  list(of: OrdersOf, query: OrderPageQuery): Promise<Order[]> {
    const { after, status, limit } = query;
    const [from, owner, id] =
      'userId' in of
        ? ['archive_orders o WHERE o.user_id = ?', of.userId, 'o']
        : ['archive_order_sellers s JOIN archive_orders o USING (order_id) WHERE s.seller_id = ?', of.sellerId, 's'];
    const where = [
      ...(status === undefined ? [] : ['o.status = ?']),
      // The bound on created_at alone lets the index start at the cursor rather than filter up to it.
      ...(after === undefined ? [] : [`${id}.created_at <= ? AND (${id}.created_at < ? OR ${id}.order_id > ?)`]),
    ];
    const params = [
      owner,
      ...(status === undefined ? [] : [status]),
      ...(after === undefined ? [] : [after.createdAt, after.createdAt, after.orderId]),
      limit,
    ];
    const text = `SELECT o.doc FROM ${from} ${where.map((w) => `AND ${w}`).join(' ')}
      ORDER BY ${id}.created_at DESC, ${id}.order_id LIMIT ?`;
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.sqlite().prepare(text)));
    const rows = statement.all(...params) as { doc: string }[];
    return Promise.resolve(rows.map((r) => JSON.parse(r.doc) as Order));
  }

  get(orderId: string): Promise<Order | undefined> {
    const row = this.sqlite().prepare('SELECT doc FROM archive_orders WHERE order_id = ?').get(orderId) as
      { doc: string } | undefined;
    return Promise.resolve(row && (JSON.parse(row.doc) as Order));
  }

  private write(orders: Order[]): void {
    const db = this.sqlite();
    const put = db.prepare(
      'INSERT OR REPLACE INTO archive_orders (order_id, user_id, created_at, status, doc) VALUES (?, ?, ?, ?, ?)',
    );
    const seller = db.prepare(
      'INSERT OR IGNORE INTO archive_order_sellers (seller_id, created_at, order_id) VALUES (?, ?, ?)',
    );
    for (const order of orders) {
      put.run(order.orderId, order.userId, order.createdAt, order.status, JSON.stringify(order));
      for (const sellerId of sellersOf(order)) seller.run(sellerId, order.createdAt, order.orderId);
    }
  }

  private sqlite(): Database {
    if (!this.db) throw new Error('the order archive is not started');
    return this.db;
  }
}
