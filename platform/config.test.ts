import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const realServers = {
  EMPORIUM_KAFKA_BROKERS: '127.0.0.1:9092',
  EMPORIUM_SCHEMA_REGISTRY_URL: 'http://127.0.0.1:8081/apis/ccompat/v7',
  EMPORIUM_MONGO_URL: 'mongodb://127.0.0.1:27017/emporium',
  EMPORIUM_ELASTICSEARCH_URL: 'http://127.0.0.1:9200',
  EMPORIUM_ORDERS_DB_URL: 'mysql://root@127.0.0.1:3306/emporium_orders',
  EMPORIUM_USERS_DB_URL: 'mysql://root@127.0.0.1:3306/emporium_users',
  EMPORIUM_USERS_DB_REPLICA_URL: 'mysql://root@replica:3306/emporium_users',
  EMPORIUM_REDIS_URL: 'redis://127.0.0.1:6379',
  EMPORIUM_CASSANDRA_URL: 'cassandra://127.0.0.1:9042/emporium',
};

describe('loadConfig', () => {
  it('runs every port embedded when no server URL is set', () => {
    const config = loadConfig({ EMPORIUM_DATA_DIR: '/tmp/shop' });
    expect(config.bus.kind).toBe('embedded');
    expect(config.catalog.kind).toBe('embedded');
    expect(config.redis.kind).toBe('embedded');
    expect(config.sql.orders).toEqual({ kind: 'embedded', file: path.join('/tmp/shop', 'orders.db') });
    expect(config.lakeDir).toBe(path.join('/tmp/shop', 'lake'));
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000 });
  });

  it('chooses real adapters per port, so one store can be real and the rest embedded', () => {
    const config = loadConfig({
      EMPORIUM_ORDERS_DB_URL: 'mysql://root@127.0.0.1:3306/emporium_orders',
      EMPORIUM_KAFKA_BROKERS: 'a:9092,b:9092',
    });
    expect(config.sql.orders).toEqual({ kind: 'real', url: 'mysql://root@127.0.0.1:3306/emporium_orders' });
    expect(config.sql.cart.kind).toBe('embedded');
    expect(config.bus).toEqual({ kind: 'real', brokers: ['a:9092', 'b:9092'], prefix: '' });
  });

  it("keeps the shop's own names on the servers when no namespace is set", () => {
    const config = loadConfig(realServers);
    expect(config.namespace).toBe('');
    expect(config.bus).toMatchObject({ prefix: '' });
    expect(config.registry).toMatchObject({ subjectPrefix: '' });
    expect(config.catalog).toMatchObject({ url: realServers.EMPORIUM_MONGO_URL, database: 'emporium' });
    expect(config.search).toMatchObject({ index: 'emporium-items' });
    expect(config.sql.orders).toEqual({ kind: 'real', url: realServers.EMPORIUM_ORDERS_DB_URL });
    expect(config.redis).toMatchObject({ keyPrefix: 'emporium' });
    expect(config.cassandra).toMatchObject({ keyspace: 'emporium' });
  });

  it('puts EMPORIUM_NAMESPACE before every name the shop gives things on every server', () => {
    const config = loadConfig({ ...realServers, EMPORIUM_NAMESPACE: 'ci_7' });
    expect(config.namespace).toBe('ci_7');
    expect(config.bus).toMatchObject({ prefix: 'ci_7.' });
    expect(config.registry).toMatchObject({ subjectPrefix: 'ci_7.' });
    expect(config.catalog).toMatchObject({ database: 'ci_7_emporium' });
    expect(config.search).toMatchObject({ index: 'ci_7_emporium-items' });
    expect(config.sql.orders).toEqual({ kind: 'real', url: 'mysql://root@127.0.0.1:3306/ci_7_emporium_orders' });
    expect(config.sql.usersReplica).toEqual({ kind: 'real', url: 'mysql://root@replica:3306/ci_7_emporium_users' });
    expect(config.redis).toMatchObject({ keyPrefix: 'ci_7:emporium' });
    expect(config.cassandra).toMatchObject({ keyspace: 'ci_7_emporium' });
  });

  it('reads the Cassandra keyspace and data centre from its URL', () => {
    const config = loadConfig({ EMPORIUM_CASSANDRA_URL: 'cassandra://127.0.0.1:9042/emporium?dc=dc2' });
    expect(config.cassandra).toEqual({
      kind: 'real',
      contactPoints: ['127.0.0.1:9042'],
      localDataCenter: 'dc2',
      keyspace: 'emporium',
    });
  });

  it.each([
    ['EMPORIUM_PORT', 'eighty', /EMPORIUM_PORT \(http\)/],
    ['EMPORIUM_KAFKA_BROKERS', 'localhost', /EMPORIUM_KAFKA_BROKERS \(event bus\): must be host:port/],
    [
      'EMPORIUM_ORDERS_DB_URL',
      'postgres://x@y/z',
      /EMPORIUM_ORDERS_DB_URL \(orders database\): must start with mysql:\/\//,
    ],
    ['EMPORIUM_CASSANDRA_URL', 'cassandra://127.0.0.1:9042', /EMPORIUM_CASSANDRA_URL .*keyspace/],
    [
      'EMPORIUM_CART_DB_URL',
      'mysql://root@127.0.0.1:3306',
      /EMPORIUM_CART_DB_URL \(cart database\): must name the database/,
    ],
    ['EMPORIUM_NAMESPACE', 'CI-7', /EMPORIUM_NAMESPACE \(names on the real servers\): must be 1-30 lowercase/],
    ['EMPORIUM_NAMESPACE', '7ci', /EMPORIUM_NAMESPACE .*starting with a letter/],
    ['EMPORIUM_TOKEN_SECRET', 'short', /EMPORIUM_TOKEN_SECRET \(users\): must be at least 32 characters/],
  ])('rejects a malformed %s naming the variable and its port', (variable, value, message) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(message);
  });

  it('runs the lake and training in the shop unless Spark is named for them', () => {
    expect(loadConfig({})).toMatchObject({
      lake: { engine: 'embedded' },
      recommendations: { engine: 'embedded' },
      spark: { master: 'local[*]' },
    });
    const real = {
      EMPORIUM_KAFKA_BROKERS: '127.0.0.1:9092',
      EMPORIUM_SCHEMA_REGISTRY_URL: 'http://127.0.0.1:8081',
      EMPORIUM_CASSANDRA_URL: 'cassandra://127.0.0.1:9042/emporium',
    };
    const spark = {
      EMPORIUM_LAKE_ENGINE: 'spark',
      EMPORIUM_RECS_ENGINE: 'spark',
      EMPORIUM_SPARK_MASTER: 'spark://h:7077',
    };
    expect(loadConfig({ ...real, ...spark })).toMatchObject({
      lake: { engine: 'spark' },
      recommendations: { engine: 'spark' },
      spark: { master: 'spark://h:7077' },
    });
  });

  it('refuses a Spark engine without the servers its job reads or writes', () => {
    expect(() => loadConfig({ EMPORIUM_LAKE_ENGINE: 'spark' })).toThrow(
      /EMPORIUM_LAKE_ENGINE \(lake\): spark needs EMPORIUM_KAFKA_BROKERS/,
    );
    expect(() => loadConfig({ EMPORIUM_RECS_ENGINE: 'spark' })).toThrow(
      /EMPORIUM_RECS_ENGINE \(recommendations\): spark needs EMPORIUM_CASSANDRA_URL/,
    );
    expect(() => loadConfig({ EMPORIUM_REPORTS_ENGINE: 'spark' })).toThrow(
      /EMPORIUM_REPORTS_ENGINE \(live reports\): spark needs EMPORIUM_KAFKA_BROKERS/,
    );
    expect(() =>
      loadConfig({ ...realServers, EMPORIUM_REPORTS_ENGINE: 'spark', EMPORIUM_REPORTS_SHARED: '0/2' }),
    ).toThrow(/EMPORIUM_REPORTS_SHARED \(live reports\): with EMPORIUM_REPORTS_ENGINE=spark/);
    expect(loadConfig({ ...realServers, EMPORIUM_REPORTS_ENGINE: 'spark' }).reports.engine).toBe('spark');
  });

  it('makes an instance one member of the shared live reports, named after its place', () => {
    expect(loadConfig({ ...realServers }).reports.shared).toBeNull();
    const reports = loadConfig({ ...realServers, EMPORIUM_REPORTS_SHARED: '1/2' }).reports;
    expect(reports.shared).toEqual({ index: 1, members: 2 });
    expect(reports.memberId).toBe('reports-1-of-2');
    for (const bad of ['2/2', '0/0', '0/7', 'one/two', '1'])
      expect(() => loadConfig({ EMPORIUM_REPORTS_SHARED: bad }), bad).toThrow(
        /EMPORIUM_REPORTS_SHARED \(live reports\)/,
      );
  });

  it('refuses a read replica without its primary', () => {
    expect(() => loadConfig({ EMPORIUM_USERS_DB_REPLICA_URL: 'mysql://root@replica/users' })).toThrow(
      /needs EMPORIUM_USERS_DB_URL/,
    );
  });
});
