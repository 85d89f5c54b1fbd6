// The Cassandra order archive: a table per question, as Cassandra wants. By id; by shopper and by seller,
// one partition each, clustered newest first, so "my orders" is one partition read. The keyspace and
// tables are created on start (no migrations tool for Cassandra here; `IF NOT EXISTS` makes it repeatable).
import type { Client } from 'cassandra-driver';
import type { OrderPosition } from '../order-pages.ts';
import type { OrderPageQuery, OrdersOf } from '../order-query.ts';
import { sellersOf, type Order } from '../order.ts';
import type { OrderArchive } from './order-archive.ts';

type Row = { get(column: string): unknown };
const docs = (rows: Row[]) => rows.map((r) => JSON.parse(r.get('doc') as string) as Order);

export class CassandraOrderArchive implements OrderArchive {
  private client: Client | undefined;

  constructor(private readonly options: { contactPoints: string[]; localDataCenter: string; keyspace: string }) {}

  private table(name: 'by_id' | 'by_user' | 'by_seller') {
    return `${this.options.keyspace}.archived_orders_${name}`;
  }

  async start(): Promise<void> {
    const { default: cassandra } = await import('cassandra-driver');
    const client = new cassandra.Client({
      contactPoints: this.options.contactPoints,
      localDataCenter: this.options.localDataCenter,
    });
    await client.connect();
    // One replica suits the one-node servers this is run against; a cluster's keyspace is made by its operators.
    await client.execute(
      `CREATE KEYSPACE IF NOT EXISTS ${this.options.keyspace} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}`,
    );
    await client.execute(`CREATE TABLE IF NOT EXISTS ${this.table('by_id')} (order_id text PRIMARY KEY, doc text)`);
    for (const [table, key] of [
      [this.table('by_user'), 'user_id'],
      [this.table('by_seller'), 'seller_id'],
    ] as const)
      await client.execute(
        `CREATE TABLE IF NOT EXISTS ${table} (${key} text, created_at timestamp, order_id text, status text, doc text,
         PRIMARY KEY ((${key}), created_at, order_id)) WITH CLUSTERING ORDER BY (created_at DESC, order_id ASC)`,
      );
    this.client = client;
  }

  async close(): Promise<void> {
    await this.client?.shutdown();
    this.client = undefined;
  }

  async put(orders: Order[]): Promise<void> {
    // A logged batch per order: its tables end up agreeing even if this process dies halfway through.
    // Writes are upserts by primary key, so archiving again overwrites rather than duplicates.
    await Promise.all(
      orders.map((o) => {
        const doc = JSON.stringify(o);
        const at = new Date(o.createdAt);
        return this.cql().batch(
          [
            { query: `INSERT INTO ${this.table('by_id')} (order_id, doc) VALUES (?, ?)`, params: [o.orderId, doc] },
            {
              query: `INSERT INTO ${this.table('by_user')} (user_id, created_at, order_id, status, doc) VALUES (?, ?, ?, ?, ?)`,
              params: [o.userId, at, o.orderId, o.status, doc],
            },
            ...sellersOf(o).map((sellerId) => ({
              query: `INSERT INTO ${this.table('by_seller')} (seller_id, created_at, order_id, status, doc) VALUES (?, ?, ?, ?, ?)`,
              params: [sellerId, at, o.orderId, o.status, doc],
            })),
          ],
          { prepare: true },
        );
      }),
    );
  }

  async list(of: OrdersOf, query: OrderPageQuery): Promise<Order[]> {
    const [table, owner] = 'userId' in of ? [this.table('by_user'), of.userId] : [this.table('by_seller'), of.sellerId];
    const key = 'userId' in of ? 'user_id' : 'seller_id';
    const { after, status, limit } = query;
    // Filtering on status within one partition is a bounded scan of it, which is what ALLOW FILTERING permits here.
    const slice = async (range: string, params: unknown[], n: number) =>
      docs(
        (
          await this.cql().execute(
            `SELECT doc FROM ${table} WHERE ${key} = ?${range}${status ? ' AND status = ?' : ''} LIMIT ? ${status ? 'ALLOW FILTERING' : ''}`,
            [owner, ...params, ...(status ? [status] : []), n],
            { prepare: true },
          )
        ).rows,
      );
    if (!after) return slice('', [], limit);
    return this.after(after, limit, slice);
  }

  /**
   * Two slices of the partition rather than one tuple comparison, which the clustering columns' mixed
   * order (created_at DESC, order_id ASC) makes awkward: the rest of the cursor's millisecond, then older ones.
   */
  private async after(
    after: OrderPosition,
    limit: number,
    slice: (range: string, params: unknown[], n: number) => Promise<Order[]>,
  ): Promise<Order[]> {
    const at = new Date(after.createdAt);
    const found = await slice(' AND created_at = ? AND order_id > ?', [at, after.orderId], limit);
    if (found.length >= limit) return found;
    return [...found, ...(await slice(' AND created_at < ?', [at], limit - found.length))];
  }

  async get(orderId: string): Promise<Order | undefined> {
    const result = await this.cql().execute(`SELECT doc FROM ${this.table('by_id')} WHERE order_id = ?`, [orderId], {
      prepare: true,
    });
    return docs(result.rows)[0];
  }

  private cql(): Client {
    if (!this.client) throw new Error('the order archive is not started');
    return this.client;
  }
}
