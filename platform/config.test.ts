import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

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
    const config = loadConfig({ EMPORIUM_ORDERS_DB_URL: 'mysql://root@127.0.0.1:3306/emporium_orders', EMPORIUM_KAFKA_BROKERS: 'a:9092,b:9092' });
    expect(config.sql.orders).toEqual({ kind: 'real', url: 'mysql://root@127.0.0.1:3306/emporium_orders' });
    expect(config.sql.cart.kind).toBe('embedded');
    expect(config.bus).toEqual({ kind: 'real', brokers: ['a:9092', 'b:9092'] });
  });

  it('reads the Cassandra keyspace and data centre from its URL', () => {
    const config = loadConfig({ EMPORIUM_CASSANDRA_URL: 'cassandra://127.0.0.1:9042/emporium?dc=dc2' });
    expect(config.cassandra).toEqual({ kind: 'real', contactPoints: ['127.0.0.1:9042'], localDataCenter: 'dc2', keyspace: 'emporium' });
  });

  it.each([
    ['EMPORIUM_PORT', 'eighty', /EMPORIUM_PORT \(http\)/],
    ['EMPORIUM_KAFKA_BROKERS', 'localhost', /EMPORIUM_KAFKA_BROKERS \(event bus\): must be host:port/],
    ['EMPORIUM_ORDERS_DB_URL', 'postgres://x@y/z', /EMPORIUM_ORDERS_DB_URL \(orders database\): must start with mysql:\/\//],
    ['EMPORIUM_CASSANDRA_URL', 'cassandra://127.0.0.1:9042', /EMPORIUM_CASSANDRA_URL .*keyspace/],
    ['EMPORIUM_TOKEN_SECRET', 'short', /EMPORIUM_TOKEN_SECRET \(users\): must be at least 32 characters/],
  ])('rejects a malformed %s naming the variable and its port', (variable, value, message) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(message);
  });

  it('refuses a read replica without its primary', () => {
    expect(() => loadConfig({ EMPORIUM_USERS_DB_REPLICA_URL: 'mysql://root@replica/users' })).toThrow(/needs EMPORIUM_USERS_DB_URL/);
  });
});
