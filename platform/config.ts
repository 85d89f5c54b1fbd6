// The one reader of the environment: validates every EMPORIUM_* variable once and picks an adapter per port.
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { TOPICS } from '../schemas/topics.ts';
import { namespace, NAMESPACE_PATTERN, NAMESPACE_RULE } from './namespace.ts';

/** Members of the shared live reports each own at least one partition of the re-keyed facts. */
const REPORT_FACT_PARTITIONS = TOPICS['reports.facts'].partitions;

/** A store that is either embedded (local files under the data folder) or real (a server URL). */
export type Choice<Real> = { kind: 'embedded' } | ({ kind: 'real' } & Real);

export type SqlChoice = { kind: 'embedded'; file: string } | { kind: 'real'; url: string };

/**
 * Who does a part's work: `embedded`, the shop's own TypeScript (the lake writer in the shop, ALS on
 * worker threads), or `spark`, the jobs of batch/spark/ (the shop then runs no lake writer, and trains
 * by submitting the Spark ALS job).
 */
export type Engine = 'embedded' | 'spark';

export type SqlDatabaseName = 'orders' | 'users' | 'cart' | 'wishlist';

export interface Config {
  /** Folder for every embedded store, the lake and the notification outbox. */
  dataDir: string;
  lakeDir: string;
  /** The event lake's writer: how long a partition's events wait before a flush, and the days kept (by event date). */
  lake: { flushMs: number; retentionDays: number; engine: Engine };
  http: { host: string; port: number };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Demo data made on the first start with an empty catalog (items 0 disables it). */
  demo: { seed: number; items: number; trafficPerSecond: number };
  /**
   * Recommendations: how often the running shop retrains (0: never), and the simulated history a first
   * start with demo data backfills and trains on when no model exists (0 days: none).
   */
  recommendations: { trainEveryMs: number; historyDays: number; historyShoppers: number; engine: Engine };
  /** Where Spark jobs run when an engine is `spark` (batch/spark/): a master URL, local[*] by default. */
  spark: { master: string };
  /** HMAC secret for shopper tokens. */
  tokenSecret: string;
  /** How long an unpaid order holds its stock, and how often the sweep looks for expiries a trigger missed. */
  orders: {
    paymentWindowMs: number;
    sweepEveryMs: number;
    returnWindowMs: number;
    /** How often finished orders move to the archive (null: never in the shop; `emporium batch archive-orders` still does), and how old they must be. */
    archive: { everyMs: number | null; afterMs: number };
  };
  /** HMAC secret the payment gateway signs its callbacks with. */
  paymentSecret: string;
  /**
   * Prefix of every name the shop gives things on the real servers ('' for the shop's own names), so a
   * test run or a second shop on the same servers never reads or writes the shop's data. The names
   * below are already namespaced (see platform/namespace.ts).
   */
  namespace: string;
  /** `prefix` goes before every topic and consumer group id. */
  bus: Choice<{ brokers: string[]; prefix: string }>;
  /** `subjectPrefix` goes before every subject. */
  registry: Choice<{ url: string; subjectPrefix: string }>;
  catalog: Choice<{ url: string; database: string }>;
  search: Choice<{ url: string; index: string }>;
  /** A real database's URL names the namespaced database. */
  sql: Record<SqlDatabaseName, SqlChoice> & { usersReplica: SqlChoice | undefined };
  /** Cache and delayed jobs share one Redis, their keys under `keyPrefix`. */
  redis: Choice<{ url: string; keyPrefix: string }>;
  /** Email over SMTP and SMS through an HTTP provider; with neither, notifications go to a file in the data folder. */
  notifications: {
    email: Choice<{ url: string; from: string }>;
    sms: Choice<{ url: string; user: string; secret: string; from: string }>;
  };
  cassandra: Choice<{ contactPoints: string[]; localDataCenter: string; keyspace: string }>;
  /** The live reports: how late an event may be and still count, the windows, and this aggregator's name. */
  reports: {
    latenessMs: number;
    windowsMinutes: number[];
    defaultWindowMinutes: number;
    listLength: number;
    memberId: string;
    /** Shared counting (real mode, several instances): this instance is member `index` of `members`. */
    shared: { index: number; members: number } | null;
    /** Who counts: the shop's own aggregator, or Spark's reports job behind the shop's re-key stage. */
    engine: 'embedded' | 'spark';
  };
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
  EMPORIUM_LAKE_RETENTION_DAYS: 'lake',
  EMPORIUM_LAKE_FLUSH_SECONDS: 'lake',
  EMPORIUM_LAKE_ENGINE: 'lake',
  EMPORIUM_RECS_ENGINE: 'recommendations',
  EMPORIUM_REPORTS_ENGINE: 'live reports',
  EMPORIUM_SPARK_MASTER: 'Spark jobs',
  EMPORIUM_HOST: 'http',
  EMPORIUM_PORT: 'http',
  EMPORIUM_LOG_LEVEL: 'logging',
  EMPORIUM_TOKEN_SECRET: 'users',
  EMPORIUM_DEMO_SEED: 'demo data',
  EMPORIUM_PAYMENT_WINDOW_SECONDS: 'orders',
  EMPORIUM_ORDER_SWEEP_SECONDS: 'orders',
  EMPORIUM_RETURN_WINDOW_DAYS: 'orders',
  EMPORIUM_ARCHIVE_EVERY_HOURS: 'orders',
  EMPORIUM_ARCHIVE_AFTER_DAYS: 'orders',
  EMPORIUM_PAYMENT_SECRET: 'payments',
  EMPORIUM_DEMO_ITEMS: 'demo data',
  EMPORIUM_DEMO_TRAFFIC: 'demo data',
  EMPORIUM_RECS_TRAIN_EVERY_HOURS: 'recommendations',
  EMPORIUM_RECS_HISTORY_DAYS: 'recommendations',
  EMPORIUM_RECS_HISTORY_SHOPPERS: 'recommendations',
  EMPORIUM_NAMESPACE: 'names on the real servers',
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
  EMPORIUM_SMTP_URL: 'email notifications',
  EMPORIUM_SMTP_FROM: 'email notifications',
  EMPORIUM_SMS_URL: 'SMS notifications',
  EMPORIUM_SMS_USER: 'SMS notifications',
  EMPORIUM_SMS_SECRET: 'SMS notifications',
  EMPORIUM_SMS_FROM: 'SMS notifications',
  EMPORIUM_CASSANDRA_URL: 'order history and recommendations',
  EMPORIUM_REPORTS_LATENESS_SECONDS: 'live reports',
  EMPORIUM_REPORTS_WINDOWS: 'live reports',
  EMPORIUM_REPORTS_MEMBER: 'live reports',
  EMPORIUM_REPORTS_SHARED: 'live reports',
};

const DEV_SECRET = 'emporium-embedded-development-secret-not-for-production';

const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((v) => protocols.includes(new URL(v).protocol.replace(':', '')), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

/** A MySQL URL naming its database: each context owns one, and the namespace goes before its name. */
const mysqlUrl = () =>
  url(['mysql']).refine((v) => new URL(v).pathname.length > 1, {
    message: 'must name the database, e.g. mysql://root@127.0.0.1:3306/emporium_orders',
  });

const schema = z.object({
  EMPORIUM_DATA_DIR: z.string().min(1).default('data'),
  EMPORIUM_LAKE_DIR: z.string().min(1).optional(),
  EMPORIUM_LAKE_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(365),
  EMPORIUM_LAKE_FLUSH_SECONDS: z.coerce.number().min(0.05).max(3600).default(30),
  EMPORIUM_LAKE_ENGINE: z.enum(['embedded', 'spark']).default('embedded'),
  EMPORIUM_RECS_ENGINE: z.enum(['embedded', 'spark']).default('embedded'),
  EMPORIUM_REPORTS_ENGINE: z.enum(['embedded', 'spark']).default('embedded'),
  EMPORIUM_SPARK_MASTER: z.string().min(1).default('local[*]'),
  EMPORIUM_HOST: z.string().min(1).default('127.0.0.1'),
  EMPORIUM_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  EMPORIUM_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  EMPORIUM_DEMO_SEED: z.coerce.number().int().min(0).default(1),
  EMPORIUM_DEMO_ITEMS: z.coerce.number().int().min(0).max(10_000_000).default(2000),
  EMPORIUM_DEMO_TRAFFIC: z.coerce.number().min(0).max(1000).default(4),
  // At most 24 days: a timer longer than 2^31 ms fires at once, and then every millisecond.
  EMPORIUM_RECS_TRAIN_EVERY_HOURS: z.coerce.number().min(0).max(576).default(24),
  EMPORIUM_RECS_HISTORY_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  EMPORIUM_RECS_HISTORY_SHOPPERS: z.coerce.number().int().min(1).max(1_000_000).default(500),
  EMPORIUM_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  EMPORIUM_PAYMENT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  EMPORIUM_ORDER_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  EMPORIUM_RETURN_WINDOW_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  // At most 24 days, as timers allow; 0 switches the shop's own archiving off.
  EMPORIUM_ARCHIVE_EVERY_HOURS: z.coerce.number().min(0).max(576).default(24),
  EMPORIUM_ARCHIVE_AFTER_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  EMPORIUM_PAYMENT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  EMPORIUM_NAMESPACE: z
    .string()
    .refine((v) => v === '' || NAMESPACE_PATTERN.test(v), NAMESPACE_RULE)
    .default(''),
  EMPORIUM_KAFKA_BROKERS: z
    .string()
    .regex(/^[\w.-]+:\d+(,[\w.-]+:\d+)*$/, 'must be host:port[,host:port...]')
    .optional(),
  EMPORIUM_SCHEMA_REGISTRY_URL: url(['http', 'https']).optional(),
  EMPORIUM_MONGO_URL: url(['mongodb', 'mongodb+srv']).optional(),
  EMPORIUM_ELASTICSEARCH_URL: url(['http', 'https']).optional(),
  EMPORIUM_ORDERS_DB_URL: mysqlUrl().optional(),
  EMPORIUM_USERS_DB_URL: mysqlUrl().optional(),
  EMPORIUM_USERS_DB_REPLICA_URL: mysqlUrl().optional(),
  EMPORIUM_CART_DB_URL: mysqlUrl().optional(),
  EMPORIUM_WISHLIST_DB_URL: mysqlUrl().optional(),
  EMPORIUM_REDIS_URL: url(['redis', 'rediss']).optional(),
  EMPORIUM_SMTP_URL: url(['smtp', 'smtps']).optional(),
  EMPORIUM_SMTP_FROM: z.string().min(3).default('Emporium <orders@emporium.local>'),
  EMPORIUM_SMS_URL: url(['http', 'https']).optional(),
  EMPORIUM_SMS_USER: z.string().default(''),
  EMPORIUM_SMS_SECRET: z.string().default(''),
  EMPORIUM_SMS_FROM: z.string().default('+15005550006'),
  EMPORIUM_REPORTS_LATENESS_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  EMPORIUM_REPORTS_WINDOWS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'must be minutes separated by commas, e.g. 5,30,60')
    .refine((v) => v.split(',').every((m) => Number(m) >= 1 && Number(m) <= 1440), {
      message: 'each window must be 1 to 1440 minutes',
    })
    .default('5,30,60'),
  EMPORIUM_REPORTS_MEMBER: z
    .string()
    .regex(/^[\w.-]{1,64}$/, 'must be 1-64 letters, digits, dots, dashes or underscores')
    .optional(),
  EMPORIUM_REPORTS_SHARED: z
    .string()
    .regex(/^\d{1,2}\/\d{1,2}$/, 'must be this member and the members in all, e.g. 0/2')
    .refine(
      (v) => {
        const [index, members] = v.split('/').map(Number) as [number, number];
        return members >= 1 && members <= REPORT_FACT_PARTITIONS && index < members;
      },
      { message: `must be i/n with i below n and n from 1 to ${REPORT_FACT_PARTITIONS}` },
    )
    .optional(),
  EMPORIUM_CASSANDRA_URL: url(['cassandra'])
    .refine((v) => new URL(v).pathname.length > 1, {
      message: 'must name the keyspace, e.g. cassandra://127.0.0.1:9042/emporium',
    })
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
    throw new ConfigError(
      'EMPORIUM_USERS_DB_REPLICA_URL',
      PORTS.EMPORIUM_USERS_DB_REPLICA_URL!,
      'needs EMPORIUM_USERS_DB_URL as well',
    );
  }
  // The Spark jobs read Kafka through the registry and write recommendations only to Cassandra.
  if (e.EMPORIUM_LAKE_ENGINE === 'spark' && !(e.EMPORIUM_KAFKA_BROKERS && e.EMPORIUM_SCHEMA_REGISTRY_URL))
    throw new ConfigError(
      'EMPORIUM_LAKE_ENGINE',
      PORTS.EMPORIUM_LAKE_ENGINE!,
      'spark needs EMPORIUM_KAFKA_BROKERS and EMPORIUM_SCHEMA_REGISTRY_URL',
    );
  if (e.EMPORIUM_REPORTS_ENGINE === 'spark' && !(e.EMPORIUM_KAFKA_BROKERS && e.EMPORIUM_SCHEMA_REGISTRY_URL))
    throw new ConfigError(
      'EMPORIUM_REPORTS_ENGINE',
      PORTS.EMPORIUM_REPORTS_ENGINE!,
      'spark needs EMPORIUM_KAFKA_BROKERS and EMPORIUM_SCHEMA_REGISTRY_URL',
    );
  if (e.EMPORIUM_REPORTS_ENGINE === 'spark' && e.EMPORIUM_REPORTS_SHARED)
    throw new ConfigError(
      'EMPORIUM_REPORTS_SHARED',
      PORTS.EMPORIUM_REPORTS_SHARED!,
      'with EMPORIUM_REPORTS_ENGINE=spark the Spark job counts; the shop instances only re-key',
    );
  if (e.EMPORIUM_RECS_ENGINE === 'spark' && !e.EMPORIUM_CASSANDRA_URL)
    throw new ConfigError('EMPORIUM_RECS_ENGINE', PORTS.EMPORIUM_RECS_ENGINE!, 'spark needs EMPORIUM_CASSANDRA_URL');
  const dataDir = path.resolve(e.EMPORIUM_DATA_DIR);
  const ns = namespace(e.EMPORIUM_NAMESPACE);
  const sql = (name: string, value: string | undefined): SqlChoice =>
    value
      ? { kind: 'real', url: namespacedPath(value, ns.underscored) }
      : { kind: 'embedded', file: path.join(dataDir, `${name}.db`) };
  const real = <T>(value: T | undefined, make: (v: T) => object) =>
    (value === undefined ? { kind: 'embedded' } : { kind: 'real', ...make(value) }) as never;

  return {
    dataDir,
    lakeDir: path.resolve(e.EMPORIUM_LAKE_DIR ?? path.join(dataDir, 'lake')),
    lake: {
      flushMs: e.EMPORIUM_LAKE_FLUSH_SECONDS * 1000,
      retentionDays: e.EMPORIUM_LAKE_RETENTION_DAYS,
      engine: e.EMPORIUM_LAKE_ENGINE,
    },
    http: { host: e.EMPORIUM_HOST, port: e.EMPORIUM_PORT },
    logLevel: e.EMPORIUM_LOG_LEVEL,
    demo: { seed: e.EMPORIUM_DEMO_SEED, items: e.EMPORIUM_DEMO_ITEMS, trafficPerSecond: e.EMPORIUM_DEMO_TRAFFIC },
    recommendations: {
      trainEveryMs: e.EMPORIUM_RECS_TRAIN_EVERY_HOURS * 3_600_000,
      historyDays: e.EMPORIUM_RECS_HISTORY_DAYS,
      historyShoppers: e.EMPORIUM_RECS_HISTORY_SHOPPERS,
      engine: e.EMPORIUM_RECS_ENGINE,
    },
    spark: { master: e.EMPORIUM_SPARK_MASTER },
    tokenSecret: e.EMPORIUM_TOKEN_SECRET ?? DEV_SECRET,
    orders: {
      paymentWindowMs: e.EMPORIUM_PAYMENT_WINDOW_SECONDS * 1000,
      sweepEveryMs: e.EMPORIUM_ORDER_SWEEP_SECONDS * 1000,
      returnWindowMs: e.EMPORIUM_RETURN_WINDOW_DAYS * 86_400_000,
      archive: {
        everyMs: e.EMPORIUM_ARCHIVE_EVERY_HOURS === 0 ? null : e.EMPORIUM_ARCHIVE_EVERY_HOURS * 3_600_000,
        afterMs: e.EMPORIUM_ARCHIVE_AFTER_DAYS * 86_400_000,
      },
    },
    paymentSecret: e.EMPORIUM_PAYMENT_SECRET ?? `${DEV_SECRET}-payments`,
    namespace: ns.name,
    bus: real(e.EMPORIUM_KAFKA_BROKERS, (v) => ({ brokers: v.split(','), prefix: ns.dotted })),
    registry: real(e.EMPORIUM_SCHEMA_REGISTRY_URL, (v) => ({ url: v, subjectPrefix: ns.dotted })),
    catalog: real(e.EMPORIUM_MONGO_URL, (v) => ({
      url: v,
      database: ns.underscored + (new URL(v).pathname.slice(1) || 'emporium'),
    })),
    search: real(e.EMPORIUM_ELASTICSEARCH_URL, (v) => ({ url: v, index: `${ns.underscored}emporium-items` })),
    sql: {
      orders: sql('orders', e.EMPORIUM_ORDERS_DB_URL),
      users: sql('users', e.EMPORIUM_USERS_DB_URL),
      cart: sql('cart', e.EMPORIUM_CART_DB_URL),
      wishlist: sql('wishlist', e.EMPORIUM_WISHLIST_DB_URL),
      usersReplica: e.EMPORIUM_USERS_DB_REPLICA_URL
        ? { kind: 'real', url: namespacedPath(e.EMPORIUM_USERS_DB_REPLICA_URL, ns.underscored) }
        : undefined,
    },
    redis: real(e.EMPORIUM_REDIS_URL, (v) => ({ url: v, keyPrefix: `${ns.coloned}emporium` })),
    notifications: {
      email: real(e.EMPORIUM_SMTP_URL, (v) => ({ url: v, from: e.EMPORIUM_SMTP_FROM })),
      sms: real(e.EMPORIUM_SMS_URL, (v) => ({
        url: v,
        user: e.EMPORIUM_SMS_USER,
        secret: e.EMPORIUM_SMS_SECRET,
        from: e.EMPORIUM_SMS_FROM,
      })),
    },
    reports: reportsConfig(
      e.EMPORIUM_REPORTS_LATENESS_SECONDS,
      e.EMPORIUM_REPORTS_WINDOWS,
      e.EMPORIUM_REPORTS_MEMBER,
      e.EMPORIUM_REPORTS_SHARED,
      e,
    ),
    cassandra: real(e.EMPORIUM_CASSANDRA_URL, (v) => {
      const u = new URL(v);
      return {
        contactPoints: [`${u.hostname}:${u.port || '9042'}`],
        localDataCenter: u.searchParams.get('dc') ?? 'datacenter1',
        keyspace: ns.underscored + u.pathname.slice(1),
      };
    }),
  };
}

function reportsConfig(
  latenessSeconds: number,
  windows: string,
  member: string | undefined,
  sharedAs: string | undefined,
  e: { EMPORIUM_KAFKA_BROKERS?: string; EMPORIUM_REPORTS_ENGINE: 'embedded' | 'spark' },
) {
  const [index, members] = sharedAs?.split('/').map(Number) ?? [];
  const windowsMinutes = [...new Set(windows.split(',').map(Number))].sort((a, b) => a - b);
  return {
    latenessMs: latenessSeconds * 1000,
    windowsMinutes,
    // 30 minutes when it is one of the windows, else the longest.
    defaultWindowMinutes: windowsMinutes.includes(30) ? 30 : windowsMinutes.at(-1)!,
    listLength: 20,
    // Real mode runs an aggregator in every shop instance, each named apart; embedded, the one is "shop".
    // A shared member's name stays with its partitions across restarts.
    memberId:
      member ??
      (sharedAs
        ? `reports-${index}-of-${members}`
        : e.EMPORIUM_KAFKA_BROKERS
          ? `${os.hostname()}-${process.pid}`
          : 'shop'),
    shared: sharedAs ? { index: index!, members: members! } : null,
    engine: e.EMPORIUM_REPORTS_ENGINE,
  };
}

/** The URL with the namespace before the database its path names. */
function namespacedPath(value: string, prefix: string): string {
  if (!prefix) return value;
  const u = new URL(value);
  u.pathname = `/${prefix}${u.pathname.slice(1)}`;
  return u.toString();
}
