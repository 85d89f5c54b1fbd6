// The real cache: Redis strings with PX expiry, under a prefix so several contexts share one server.
import type { Redis } from 'ioredis';
import type { Cache } from './cache.ts';

export class RedisCache implements Cache {
  private redis: Redis | undefined;

  constructor(private readonly options: { url: string; prefix: string }) {}

  async start(): Promise<void> {
    const { Redis } = await import('ioredis');
    this.redis = new Redis(this.options.url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    await this.redis.connect();
  }

  async close(): Promise<void> {
    await this.redis?.quit();
    this.redis = undefined;
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.client().get(this.options.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.client().set(this.options.prefix + key, value, 'PX', ttlMs);
  }

  async delete(key: string): Promise<void> {
    await this.client().del(this.options.prefix + key);
  }

  private client(): Redis {
    if (!this.redis) throw new Error('redis cache is not started');
    return this.redis;
  }
}
