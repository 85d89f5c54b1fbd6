// Runs the cache contract against the Redis server named by EMPORIUM_REDIS_URL (npm run test:real).
import { afterAll } from 'vitest';
import { RedisCache } from '../../platform/cache/redis-cache.ts';
import { testNamespace } from '../support/namespace.ts';
import { cacheContract } from './cache.contract.ts';

const ns = testNamespace('cache');
afterAll(() => ns.drop());
const { redis } = ns.config;
if (redis.kind !== 'real') throw new Error('EMPORIUM_REDIS_URL must name the Redis server for the real suite');

cacheContract('redis', () => ({
  async open() {
    const cache = new RedisCache({ url: redis.url, prefix: `${redis.keyPrefix}:cache:` });
    await cache.start();
    return cache;
  },
  unique: (name) => name,
  // Redis keeps time itself, so the only way to let it pass is to wait.
  elapse: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}));
