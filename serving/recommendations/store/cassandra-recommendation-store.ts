// The Cassandra recommendations store: a table per query pattern, each partition keyed by version first
// (general lists by (version, shopper); category lists by (version, shopper) clustered by category;
// similar items by (version, item)), so a new version is written beside the current one. The current
// version is one row moved by a lightweight transaction, which is atomic and never moves backwards;
// a reader reads the pointer once and then only that version's partitions.
import type { Client } from 'cassandra-driver';
import { DomainError } from '../../../platform/errors.ts';
import { decodeList, encodeList } from './list-codec.ts';
import type {
  Recommended,
  RecommendationStore,
  ShopperRecommendations,
  SimilarItems,
  VersionWriter,
} from './recommendation-store.ts';

/** Writes in flight at once: enough to keep one node busy without queueing past the driver's limits. */
const CONCURRENCY = 64;

export class CassandraRecommendationStore implements RecommendationStore {
  private client: Client | undefined;
  /** The driver's consistency codes, read from it in start() so that embedded mode never loads it. */
  private consistency = { quorum: 0, serial: 0 };

  constructor(private readonly options: { contactPoints: string[]; localDataCenter: string; keyspace: string }) {}

  private t(name: string) {
    return `${this.options.keyspace}.${name}`;
  }

  async start(): Promise<void> {
    const { default: cassandra } = await import('cassandra-driver');
    const client = new cassandra.Client({
      contactPoints: this.options.contactPoints,
      localDataCenter: this.options.localDataCenter,
    });
    this.consistency = {
      quorum: cassandra.types.consistencies.localQuorum,
      serial: cassandra.types.consistencies.localSerial,
    };
    await client.connect();
    // One replica suits the one-node servers this is run against; a cluster's keyspace is made by its operators.
    await client.execute(
      `CREATE KEYSPACE IF NOT EXISTS ${this.options.keyspace} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}`,
    );
    for (const ddl of [
      `recs_general_by_shopper (version text, user_id text, items text, PRIMARY KEY ((version, user_id)))`,
      `recs_by_shopper_category (version text, user_id text, category text, items text,
        PRIMARY KEY ((version, user_id), category))`,
      `recs_similar_by_item (version text, item_id text, items text, PRIMARY KEY ((version, item_id)))`,
      // What each version wrote, so dropping a version deletes its partitions without scanning tables.
      `recs_version_keys (version text, kind text, key text, PRIMARY KEY ((version), kind, key))`,
      `recs_versions (bucket int, version text, published boolean, PRIMARY KEY ((bucket), version))
        WITH CLUSTERING ORDER BY (version DESC)`,
      `recs_current (name text PRIMARY KEY, version text)`,
    ])
      await client.execute(`CREATE TABLE IF NOT EXISTS ${this.options.keyspace}.${ddl}`);
    this.client = client;
  }

  async close(): Promise<void> {
    await this.client?.shutdown();
    this.client = undefined;
  }

  async begin(version: string): Promise<VersionWriter> {
    const added = await this.cql().execute(
      `INSERT INTO ${this.t('recs_versions')} (bucket, version, published) VALUES (0, ?, false) IF NOT EXISTS`,
      [version],
      { prepare: true },
    );
    if (!added.wasApplied()) throw new DomainError('conflict', 'version', `version ${version} was written before`);
    return this.writer(version);
  }

  /** A quorum read sees the pointer a lightweight transaction committed (its commit is written at quorum). */
  async currentVersion(serial = false): Promise<string | null> {
    const row = (
      await this.cql().execute(`SELECT version FROM ${this.t('recs_current')} WHERE name = 'current'`, [], {
        prepare: true,
        consistency: serial ? this.consistency.serial : this.consistency.quorum,
      })
    ).first();
    return (row?.get('version') as string | undefined) ?? null;
  }

  async forShopper(version: string, userId: string, category: string | null, limit: number): Promise<Recommended[]> {
    const result =
      category === null
        ? await this.cql().execute(
            `SELECT items FROM ${this.t('recs_general_by_shopper')} WHERE version = ? AND user_id = ?`,
            [version, userId],
            { prepare: true },
          )
        : await this.cql().execute(
            `SELECT items FROM ${this.t('recs_by_shopper_category')} WHERE version = ? AND user_id = ? AND category = ?`,
            [version, userId, category],
            { prepare: true },
          );
    const row = result.first();
    return row ? decodeList(row.get('items') as string, limit) : [];
  }

  async similarTo(version: string, itemId: string, limit: number): Promise<Recommended[]> {
    const row = (
      await this.cql().execute(
        `SELECT items FROM ${this.t('recs_similar_by_item')} WHERE version = ? AND item_id = ?`,
        [version, itemId],
        { prepare: true },
      )
    ).first();
    return row ? decodeList(row.get('items') as string, limit) : [];
  }

  private writer(version: string): VersionWriter {
    const cql = () => this.cql();
    const run = (queries: { query: string; params: unknown[] }[]) =>
      inParallel(queries, (q) => cql().execute(q.query, q.params, { prepare: true }));
    const key = (kind: string, k: string) => ({
      query: `INSERT INTO ${this.t('recs_version_keys')} (version, kind, key) VALUES (?, ?, ?)`,
      params: [version, kind, k],
    });
    return {
      version,
      putShoppers: async (lists: ShopperRecommendations[]) => {
        // The key first: a run that dies between the two leaves a key to a missing row, never an orphan row.
        await run(lists.map((l) => key('shopper', l.userId)));
        await run(
          lists.flatMap(({ userId, general, byCategory }) => [
            {
              query: `INSERT INTO ${this.t('recs_general_by_shopper')} (version, user_id, items) VALUES (?, ?, ?)`,
              params: [version, userId, encodeList(general)],
            },
            ...Object.entries(byCategory).map(([category, list]) => ({
              query: `INSERT INTO ${this.t('recs_by_shopper_category')} (version, user_id, category, items) VALUES (?, ?, ?, ?)`,
              params: [version, userId, category, encodeList(list)],
            })),
          ]),
        );
      },
      putSimilar: async (lists: SimilarItems[]) => {
        await run(lists.map((l) => key('item', l.itemId)));
        await run(
          lists.map(({ itemId, similar }) => ({
            query: `INSERT INTO ${this.t('recs_similar_by_item')} (version, item_id, items) VALUES (?, ?, ?)`,
            params: [version, itemId, encodeList(similar)],
          })),
        );
      },
      publish: async (keep = 3) => {
        await cql().execute(
          `UPDATE ${this.t('recs_versions')} SET published = true WHERE bucket = 0 AND version = ?`,
          [version],
          { prepare: true },
        );
        await this.moveCurrent(version);
        const current = await this.currentVersion();
        const versions = (
          await cql().execute(`SELECT version, published FROM ${this.t('recs_versions')} WHERE bucket = 0`, [], {
            prepare: true,
          })
        ).rows.map((r) => ({ version: r.get('version') as string, published: r.get('published') as boolean }));
        const published = versions.filter((v) => v.published).map((v) => v.version);
        const stale = published.filter((v, i) => i >= keep && v !== current);
        const dead = versions.filter((v) => !v.published && v.version < version).map((v) => v.version);
        for (const v of [...stale, ...dead]) await this.drop(v);
      },
      abandon: () => this.drop(version),
    };
  }

  /** Points readers at `version` unless a newer one is already current (compare-and-set, retried on a race). */
  private async moveCurrent(version: string): Promise<void> {
    const table = this.t('recs_current');
    const created = await this.cql().execute(
      `INSERT INTO ${table} (name, version) VALUES ('current', ?) IF NOT EXISTS`,
      [version],
      { prepare: true },
    );
    if (created.wasApplied()) return;
    for (;;) {
      const now = await this.currentVersion(true);
      if (now !== null && now >= version) return;
      const moved = await this.cql().execute(
        `UPDATE ${table} SET version = ? WHERE name = 'current' IF version = ?`,
        [version, now],
        { prepare: true },
      );
      if (moved.wasApplied()) return;
    }
  }

  private async drop(version: string): Promise<void> {
    const keys = (
      await this.cql().execute(`SELECT kind, key FROM ${this.t('recs_version_keys')} WHERE version = ?`, [version], {
        prepare: true,
        fetchSize: 100_000,
      })
    ).rows.map((r) => ({ kind: r.get('kind') as string, key: r.get('key') as string }));
    await inParallel(keys, ({ kind, key }) =>
      kind === 'shopper'
        ? Promise.all([
            this.cql().execute(
              `DELETE FROM ${this.t('recs_general_by_shopper')} WHERE version = ? AND user_id = ?`,
              [version, key],
              { prepare: true },
            ),
            this.cql().execute(
              `DELETE FROM ${this.t('recs_by_shopper_category')} WHERE version = ? AND user_id = ?`,
              [version, key],
              { prepare: true },
            ),
          ])
        : this.cql().execute(
            `DELETE FROM ${this.t('recs_similar_by_item')} WHERE version = ? AND item_id = ?`,
            [version, key],
            { prepare: true },
          ),
    );
    await this.cql().execute(`DELETE FROM ${this.t('recs_version_keys')} WHERE version = ?`, [version], {
      prepare: true,
    });
    await this.cql().execute(`DELETE FROM ${this.t('recs_versions')} WHERE bucket = 0 AND version = ?`, [version], {
      prepare: true,
    });
  }

  private cql(): Client {
    if (!this.client) throw new Error('the recommendations store is not started');
    return this.client;
  }
}

/** Runs `task` over `items` with at most CONCURRENCY in flight. */
async function inParallel<T>(items: T[], task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, lane));
}
