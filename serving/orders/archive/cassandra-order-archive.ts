// The Cassandra order archive: one partition per shopper, clustered newest first, so "my orders" is
// one partition read. The keyspace and table are created on start (Cassandra has no migrations tool
// here, and `IF NOT EXISTS` makes this safe to repeat).
import type { Client } from 'cassandra-driver';
import type { Order } from '../order.ts';
import type { OrderArchive } from './order-archive.ts';

export class CassandraOrderArchive implements OrderArchive {
  private client: Client | undefined;

  constructor(private readonly options: { contactPoints: string[]; localDataCenter: string; keyspace: string; table?: string }) {}

  private get table() {
    return `${this.options.keyspace}.${this.options.table ?? 'orders_by_user'}`;
  }

  async start(): Promise<void> {
    const { default: cassandra } = await import('cassandra-driver');
    const client = new cassandra.Client({ contactPoints: this.options.contactPoints, localDataCenter: this.options.localDataCenter });
    await client.connect();
    // One replica suits the one-node servers this is run against; a cluster's keyspace is made by its operators.
    await client.execute(`CREATE KEYSPACE IF NOT EXISTS ${this.options.keyspace} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}`);
    await client.execute(
      `CREATE TABLE IF NOT EXISTS ${this.table} (user_id text, created_at timestamp, order_id text, doc text,
       PRIMARY KEY ((user_id), created_at, order_id)) WITH CLUSTERING ORDER BY (created_at DESC, order_id ASC)`,
    );
    this.client = client;
  }

  async close(): Promise<void> {
    await this.client?.shutdown();
    this.client = undefined;
  }

  async put(orders: Order[]): Promise<void> {
    const query = `INSERT INTO ${this.table} (user_id, created_at, order_id, doc) VALUES (?, ?, ?, ?)`;
    // Writes are upserts by primary key, so archiving again overwrites rather than duplicates.
    await Promise.all(orders.map((o) => this.cql().execute(query, [o.userId, new Date(o.createdAt), o.orderId, JSON.stringify(o)], { prepare: true })));
  }

  async list(userId: string, limit: number): Promise<Order[]> {
    const result = await this.cql().execute(`SELECT doc FROM ${this.table} WHERE user_id = ? LIMIT ?`, [userId, limit], { prepare: true });
    return result.rows.map((r) => JSON.parse(r.get('doc') as string) as Order);
  }

  async get(userId: string, orderId: string): Promise<Order | undefined> {
    // order_id is a clustering column after created_at, so it is found within the shopper's partition.
    const result = await this.cql().execute(`SELECT doc FROM ${this.table} WHERE user_id = ? AND order_id = ? ALLOW FILTERING`, [userId, orderId], { prepare: true });
    const row = result.first();
    return row ? (JSON.parse(row.get('doc') as string) as Order) : undefined;
  }

  private cql(): Client {
    if (!this.client) throw new Error('the order archive is not started');
    return this.client;
  }
}
