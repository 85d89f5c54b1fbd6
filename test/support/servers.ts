// What the real servers hold, named as resources ("kafka-topic orders", "mysql-database emporium_orders"):
// found by name prefix (a test namespace) or by a config's own names (the shop's), counted, and removed.
import { Client as Elasticsearch } from '@elastic/elasticsearch';
import cassandra from 'cassandra-driver';
import { Redis } from 'ioredis';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { MongoClient } from 'mongodb';
import mysql from 'mysql2/promise';
import type { Config } from '../../platform/config.ts';
import { namespace } from '../../platform/namespace.ts';
import { subjectOf } from '../../schemas/load-schemas.ts';
import { TOPICS, type TopicName } from '../../schemas/topics.ts';

export type Kind =
  | 'kafka-topic'
  | 'kafka-group'
  | 'registry-subject'
  | 'mysql-database'
  | 'mongo-database'
  | 'elasticsearch-index'
  | 'cassandra-keyspace'
  | 'redis-key';

/** How much each resource holds (messages published, rows, documents, versions; 1 for a Redis key). */
export type Footprint = Record<string, number>;

interface Server {
  /** Names of this kind on the server that start with the prefix. */
  list(prefix: string): Promise<string[]>;
  count(name: string): Promise<number>;
  remove(names: string[]): Promise<void>;
}

/** Opens a client on every real server the config names; close() when done. */
export async function openServers(config: Config) {
  const servers = new Map<Kind, Server>();
  const closers: (() => Promise<unknown>)[] = [];

  if (config.bus.kind === 'real') {
    const admin = new Kafka({ brokers: config.bus.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    closers.push(() => admin.disconnect());
    servers.set('kafka-topic', kafkaTopics(admin));
    servers.set('kafka-group', kafkaGroups(admin));
  }
  if (config.registry.kind === 'real') servers.set('registry-subject', registrySubjects(config.registry.url));
  const sql = Object.values(config.sql).find((c) => c?.kind === 'real');
  if (sql?.kind === 'real') {
    const server = new URL(sql.url);
    server.pathname = '/';
    const connection = await mysql.createConnection({ uri: server.toString() });
    closers.push(() => connection.end());
    servers.set('mysql-database', mysqlDatabases(connection));
  }
  if (config.catalog.kind === 'real') {
    const client = await new MongoClient(config.catalog.url).connect();
    closers.push(() => client.close());
    servers.set('mongo-database', mongoDatabases(client));
  }
  if (config.search.kind === 'real') {
    const client = new Elasticsearch({ node: config.search.url });
    closers.push(() => client.close());
    servers.set('elasticsearch-index', elasticIndexes(client));
  }
  if (config.cassandra.kind === 'real') {
    const { contactPoints, localDataCenter } = config.cassandra;
    const client = new cassandra.Client({ contactPoints, localDataCenter });
    await client.connect();
    closers.push(() => client.shutdown());
    servers.set('cassandra-keyspace', cassandraKeyspaces(client));
  }
  if (config.redis.kind === 'real') {
    const redis = new Redis(config.redis.url);
    closers.push(() => redis.quit());
    servers.set('redis-key', redisKeys(redis));
  }

  const resource = (kind: Kind, name: string) => `${kind} ${name}`;
  const parse = (id: string) => {
    const at = id.indexOf(' ');
    return { kind: id.slice(0, at) as Kind, name: id.slice(at + 1) };
  };

  return {
    /** Everything named under a (test) namespace, on every server. */
    async underNamespace(name: string): Promise<string[]> {
      const ns = namespace(name);
      if (!ns.name) throw new Error('the shop’s own names are found by footprint(), never by an empty prefix');
      const prefixOf: Record<Kind, string> = {
        'kafka-topic': ns.dotted,
        'kafka-group': ns.dotted,
        'registry-subject': ns.dotted,
        'mysql-database': ns.underscored,
        'mongo-database': ns.underscored,
        'elasticsearch-index': ns.underscored,
        'cassandra-keyspace': ns.underscored,
        'redis-key': ns.coloned,
      };
      const found = await Promise.all(
        [...servers].map(async ([kind, server]) => (await server.list(prefixOf[kind])).map((n) => resource(kind, n))),
      );
      return found.flat();
    },

    /**
     * What the names `config` gives things hold, where they exist: its topics, subjects, databases, index,
     * keyspace and Redis keys (consumer groups hold positions, not data, and are left out).
     */
    async footprint(of: Config): Promise<Footprint> {
      const named: [Kind, string[]][] = [];
      const { bus } = of;
      if (bus.kind === 'real') named.push(['kafka-topic', Object.keys(TOPICS).map((t) => bus.prefix + t)]);
      if (of.registry.kind === 'real') {
        const { subjectPrefix } = of.registry;
        const subjects = (Object.entries(TOPICS) as [TopicName, (typeof TOPICS)[TopicName]][]).flatMap(
          ([topic, spec]) => spec.events.map((event) => subjectPrefix + subjectOf(topic, event)),
        );
        named.push(['registry-subject', subjects]);
      }
      const databases = Object.values(of.sql).flatMap((c) =>
        c?.kind === 'real' ? [new URL(c.url).pathname.slice(1)] : [],
      );
      named.push(['mysql-database', [...new Set(databases)]]);
      if (of.catalog.kind === 'real') named.push(['mongo-database', [of.catalog.database]]);
      if (of.search.kind === 'real') named.push(['elasticsearch-index', [of.search.index]]);
      if (of.cassandra.kind === 'real') named.push(['cassandra-keyspace', [of.cassandra.keyspace]]);
      const footprint: Footprint = {};
      for (const [kind, names] of named) {
        const server = servers.get(kind);
        if (!server || names.length === 0) continue;
        const existing = new Set(await server.list(''));
        for (const name of names.filter((n) => existing.has(n)))
          footprint[resource(kind, name)] = await server.count(name);
      }
      const redis = servers.get('redis-key');
      // Keys that expire on their own (the cache's) are left out: they come and go with time, not with a run.
      if (redis && of.redis.kind === 'real')
        for (const key of await redis.list(`${of.redis.keyPrefix}:`))
          if ((await redis.count(key)) === 1) footprint[resource('redis-key', key)] = 1;
      return footprint;
    },

    async remove(resources: string[]): Promise<void> {
      const byKind = new Map<Kind, string[]>();
      for (const { kind, name } of resources.map(parse)) byKind.set(kind, [...(byKind.get(kind) ?? []), name]);
      // Groups after topics would be fine too; Kafka refuses to delete a group that still has members.
      for (const [kind, names] of byKind) await servers.get(kind)!.remove(names);
    },

    async close(): Promise<void> {
      await Promise.all(closers.map((close) => close()));
    },
  };
}

export type Servers = Awaited<ReturnType<typeof openServers>>;

function kafkaTopics(admin: Admin): Server {
  return {
    list: async (prefix) => (await admin.listTopics()).filter((t) => t.startsWith(prefix) && !t.startsWith('__')),
    count: async (topic) => (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0),
    remove: (topics) => admin.deleteTopics({ topics }),
  };
}

function kafkaGroups(admin: Admin): Server {
  return {
    list: async (prefix) => (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(prefix)),
    count: () => Promise.resolve(0),
    // A group whose topics were deleted goes with its offsets, while listGroups may still show it: gone is gone.
    remove: async (groups) => {
      await admin.deleteGroups(groups).catch((error: { groups?: { error: { type: string } }[] }) => {
        if (!error.groups?.every((g) => g.error.type === 'GROUP_ID_NOT_FOUND')) throw error;
      });
    },
  };
}

function registrySubjects(url: string): Server {
  const call = async (method: string, path: string) => {
    const res = await fetch(`${url}${path}`, { method });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return await res.json();
  };
  const subject = (name: string) => `/subjects/${encodeURIComponent(name)}`;
  return {
    list: async (prefix) => ((await call('GET', '/subjects')) as string[]).filter((s) => s.startsWith(prefix)),
    count: async (name) => ((await call('GET', `${subject(name)}/versions`)) as number[] | undefined)?.length ?? 0,
    // A subject is deleted softly first, as the Confluent API asks, then for good.
    remove: async (names) => {
      for (const name of names) {
        await call('DELETE', subject(name));
        await call('DELETE', `${subject(name)}?permanent=true`);
      }
    },
  };
}

function mysqlDatabases(connection: mysql.Connection): Server {
  return {
    list: async (prefix) =>
      ((await connection.query('SHOW DATABASES'))[0] as { Database: string }[])
        .map((r) => r.Database)
        .filter(
          (d) => d.startsWith(prefix) && !['information_schema', 'mysql', 'performance_schema', 'sys'].includes(d),
        ),
    // The migrator's own bookkeeping is not data: a database the shop only created counts 0.
    count: async (database) => {
      const [tables] = await connection.query(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_name NOT LIKE 'kysely\\_%'",
        [database],
      );
      let rows = 0;
      for (const { name } of tables as { name: string }[]) {
        const [[row]] = (await connection.query(`SELECT COUNT(*) AS n FROM \`${database}\`.\`${name}\``)) as [
          { n: number }[],
          unknown,
        ];
        rows += Number(row!.n);
      }
      return rows;
    },
    remove: async (databases) => {
      for (const database of databases) await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    },
  };
}

function mongoDatabases(client: MongoClient): Server {
  return {
    list: async (prefix) =>
      (await client.db().admin().listDatabases({ nameOnly: true })).databases
        .map((d) => d.name)
        .filter((d) => d.startsWith(prefix) && !['admin', 'config', 'local'].includes(d)),
    count: async (database) => {
      let documents = 0;
      for (const { name } of await client.db(database).listCollections({}, { nameOnly: true }).toArray())
        documents += await client.db(database).collection(name).countDocuments();
      return documents;
    },
    remove: async (databases) => {
      for (const database of databases) await client.db(database).dropDatabase();
    },
  };
}

function elasticIndexes(client: Elasticsearch): Server {
  return {
    list: async (prefix) =>
      (await client.cat.indices({ index: `${prefix}*`, format: 'json', h: 'index', expand_wildcards: 'all' }))
        .map((i) => i.index!)
        .filter((i) => !i.startsWith('.')),
    count: async (index) => (await client.count({ index })).count,
    // One by one by name: a wildcard delete is refused (action.destructive_requires_name).
    remove: async (indexes) => {
      for (const index of indexes) await client.indices.delete({ index, ignore_unavailable: true });
    },
  };
}

function cassandraKeyspaces(client: cassandra.Client): Server {
  return {
    list: async (prefix) =>
      (await client.execute('SELECT keyspace_name FROM system_schema.keyspaces')).rows
        .map((r) => r['keyspace_name'] as string)
        .filter((k) => k.startsWith(prefix) && !k.startsWith('system')),
    count: async (keyspace) => {
      const tables = await client.execute('SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?', [
        keyspace,
      ]);
      let rows = 0;
      for (const r of tables.rows)
        rows += Number(
          (await client.execute(`SELECT COUNT(*) FROM ${keyspace}.${r['table_name'] as string}`)).rows[0]!['count'],
        );
      return rows;
    },
    remove: async (keyspaces) => {
      for (const keyspace of keyspaces) await client.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`);
    },
  };
}

function redisKeys(redis: Redis): Server {
  return {
    // Namespace prefixes are word characters and separators, nothing a glob pattern reads specially.
    list: async (prefix) => {
      const keys: string[] = [];
      for await (const batch of redis.scanStream({ match: `${prefix}*`, count: 1000 }))
        keys.push(...(batch as string[]));
      return [...new Set(keys)];
    },
    /** 1 for a key that stays until deleted, 0 for one that expires (or is gone). */
    count: async (key) => ((await redis.pttl(key)) === -1 ? 1 : 0),
    remove: async (keys) => {
      for (let i = 0; i < keys.length; i += 1000) await redis.unlink(...keys.slice(i, i + 1000));
    },
  };
}

/**
 * The footprint of `of`'s names through clients of their own: a Kafka admin that counted a topic since
 * deleted keeps asking for it and fails, so each look starts afresh.
 */
export async function footprintOf(config: Config, of: Config = config): Promise<Footprint> {
  const servers = await openServers(config);
  try {
    return await servers.footprint(of);
  } finally {
    await servers.close();
  }
}
