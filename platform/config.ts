// The one reader of the environment: validates every EMPORIUM_* variable once and picks an adapter per port.
import path from 'node:path';
import { z } from 'zod';

/** A store that is either embedded (local files under the data folder) or real (a server URL). */
export type Choice<Real> = { kind: 'embedded' } | ({ kind: 'real' } & Real);

export type SqlChoice = { kind: 'embedded'; file: string } | { kind: 'real'; url: string };

export type SqlDatabaseName = 'orders' | 'users' | 'cart' | 'wishlist';

export interface Config {
  /** Folder for every embedded store, the lake and the notification outbox. */
  dataDir: string;
  lakeDir: string;
  http: { host: string; port: number };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Demo data made on the first start with an empty catalog (items 0 disables it). */
  demo: { seed: number; items: number };
  /** HMAC secret for shopper tokens. */
  tokenSecret: string;
  /** How long an unpaid order holds its stock, and how often the sweep looks for expiries a trigger missed. */
  orders: { paymentWindowMs: number; sweepEveryMs: number };
  /** HMAC secret the payment gateway signs its callbacks with. */
  paymentSecret: string;
  bus: Choice<{ brokers: string[] }>;
  registry: Choice<{ url: string }>;
  catalog: Choice<{ url: string }>;
  search: Choice<{ url: string }>;
  sql: Record<SqlDatabaseName, SqlChoice> & { usersReplica: SqlChoice | undefined };
  /** Cache and delayed jobs share one Redis. */
  redis: Choice<{ url: string }>;
  cassandra: Choice<{ contactPoints: string[]; localDataCenter: string; keyspace: string }>;
}

/** Names the variable and the port it configures, so a bad setting is fixed at the first read. */
export class ConfigError extends Error {
  constructor(variable: string, port: string, reason: string) {
    super(`${variable} (${port}): ${reason}`);
    this.name = 'ConfigError';
  }
}

const PORTS: Record<string, string> = {
  EMPORIUM_DATA_DIR: 'data folder',
  EMPORIUM_LAKE_DIR: 'lake',
  EMPORIUM_HOST: 'http',
  EMPORIUM_PORT: 'http',
  EMPORIUM_LOG_LEVEL: 'logging',
  EMPORIUM_TOKEN_SECRET: 'users',
  EMPORIUM_DEMO_SEED: 'demo data',
  EMPORIUM_PAYMENT_WINDOW_SECONDS: 'orders',
  EMPORIUM_ORDER_SWEEP_SECONDS: 'orders',
  EMPORIUM_PAYMENT_SECRET: 'payments',
  EMPORIUM_DEMO_ITEMS: 'demo data',
  EMPORIUM_KAFKA_BROKERS: 'event bus',
  EMPORIUM_SCHEMA_REGISTRY_URL: 'schema registry',
  EMPORIUM_MONGO_URL: 'catalog store',
  EMPORIUM_ELASTICSEARCH_URL: 'search index',
  EMPORIUM_ORDERS_DB_URL: 'orders database',
  EMPORIUM_USERS_DB_URL: 'users database',
  EMPORIUM_USERS_DB_REPLICA_URL: 'users read replica',
  EMPORIUM_CART_DB_URL: 'cart database',
  EMPORIUM_WISHLIST_DB_URL: 'wishlist database',
  EMPORIUM_REDIS_URL: 'cache and jobs',
  EMPORIUM_CASSANDRA_URL: 'order history and recommendations',
};

const DEV_SECRET = 'emporium-embedded-development-secret-not-for-production';

const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((v) => protocols.includes(new URL(v).protocol.replace(':', '')), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

const schema = z.object({
  EMPORIUM_DATA_DIR: z.string().min(1).default('data'),
  EMPORIUM_LAKE_DIR: z.string().min(1).optional(),
  EMPORIUM_HOST: z.string().min(1).default('127.0.0.1'),
  EMPORIUM_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  EMPORIUM_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  EMPORIUM_DEMO_SEED: z.coerce.number().int().min(0).default(1),
  EMPORIUM_DEMO_ITEMS: z.coerce.number().int().min(0).max(10_000_000).default(2000),
  EMPORIUM_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  EMPORIUM_PAYMENT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  EMPORIUM_ORDER_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  EMPORIUM_PAYMENT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  EMPORIUM_KAFKA_BROKERS: z
    .string()
    .regex(/^[\w.-]+:\d+(,[\w.-]+:\d+)*$/, 'must be host:port[,host:port...]')
    .optional(),
  EMPORIUM_SCHEMA_REGISTRY_URL: url(['http', 'https']).optional(),
  EMPORIUM_MONGO_URL: url(['mongodb', 'mongodb+srv']).optional(),
  EMPORIUM_ELASTICSEARCH_URL: url(['http', 'https']).optional(),
  EMPORIUM_ORDERS_DB_URL: url(['mysql']).optional(),
  EMPORIUM_USERS_DB_URL: url(['mysql']).optional(),
  EMPORIUM_USERS_DB_REPLICA_URL: url(['mysql']).optional(),
  EMPORIUM_CART_DB_URL: url(['mysql']).optional(),
  EMPORIUM_WISHLIST_DB_URL: url(['mysql']).optional(),
  EMPORIUM_REDIS_URL: url(['redis', 'rediss']).optional(),
  EMPORIUM_CASSANDRA_URL: url(['cassandra'])
    .refine((v) => new URL(v).pathname.length > 1, { message: 'must name the keyspace, e.g. cassandra://127.0.0.1:9042/emporium' })
    .optional(),
});

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0]);
    throw new ConfigError(variable, PORTS[variable] ?? 'config', issue.message);
  }
  const e = parsed.data;
  if (e.EMPORIUM_USERS_DB_REPLICA_URL && !e.EMPORIUM_USERS_DB_URL) {
    throw new ConfigError('EMPORIUM_USERS_DB_REPLICA_URL', PORTS.EMPORIUM_USERS_DB_REPLICA_URL!, 'needs EMPORIUM_USERS_DB_URL as well');
  }
  const dataDir = path.resolve(e.EMPORIUM_DATA_DIR);
  const sql = (name: string, value: string | undefined): SqlChoice =>
    value ? { kind: 'real', url: value } : { kind: 'embedded', file: path.join(dataDir, `${name}.db`) };
  const real = <T>(value: T | undefined, make: (v: T) => object) =>
    (value === undefined ? { kind: 'embedded' } : { kind: 'real', ...make(value) }) as never;

  return {
    dataDir,
    lakeDir: path.resolve(e.EMPORIUM_LAKE_DIR ?? path.join(dataDir, 'lake')),
    http: { host: e.EMPORIUM_HOST, port: e.EMPORIUM_PORT },
    logLevel: e.EMPORIUM_LOG_LEVEL,
    demo: { seed: e.EMPORIUM_DEMO_SEED, items: e.EMPORIUM_DEMO_ITEMS },
    tokenSecret: e.EMPORIUM_TOKEN_SECRET ?? DEV_SECRET,
    orders: { paymentWindowMs: e.EMPORIUM_PAYMENT_WINDOW_SECONDS * 1000, sweepEveryMs: e.EMPORIUM_ORDER_SWEEP_SECONDS * 1000 },
    paymentSecret: e.EMPORIUM_PAYMENT_SECRET ?? `${DEV_SECRET}-payments`,
    bus: real(e.EMPORIUM_KAFKA_BROKERS, (v) => ({ brokers: v.split(',') })),
    registry: real(e.EMPORIUM_SCHEMA_REGISTRY_URL, (v) => ({ url: v })),
    catalog: real(e.EMPORIUM_MONGO_URL, (v) => ({ url: v })),
    search: real(e.EMPORIUM_ELASTICSEARCH_URL, (v) => ({ url: v })),
    sql: {
      orders: sql('orders', e.EMPORIUM_ORDERS_DB_URL),
      users: sql('users', e.EMPORIUM_USERS_DB_URL),
      cart: sql('cart', e.EMPORIUM_CART_DB_URL),
      wishlist: sql('wishlist', e.EMPORIUM_WISHLIST_DB_URL),
      usersReplica: e.EMPORIUM_USERS_DB_REPLICA_URL ? { kind: 'real', url: e.EMPORIUM_USERS_DB_REPLICA_URL } : undefined,
    },
    redis: real(e.EMPORIUM_REDIS_URL, (v) => ({ url: v })),
    cassandra: real(e.EMPORIUM_CASSANDRA_URL, (v) => {
      const u = new URL(v);
      return {
        contactPoints: [`${u.hostname}:${u.port || '9042'}`],
        localDataCenter: u.searchParams.get('dc') ?? 'datacenter1',
        keyspace: u.pathname.slice(1),
      };
    }),
  };
}
