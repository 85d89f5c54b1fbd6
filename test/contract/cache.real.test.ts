// Runs the cache contract against the Redis server named by EMPORIUM_REDIS_URL (npm run test:real).
import { randomUUID } from 'node:crypto';
import { RedisCache } from '../../platform/cache/redis-cache.ts';
import { loadConfig } from '../../platform/config.ts';
import { cacheContract } from './cache.contract.ts';

const config = loadConfig();
if (config.redis.kind !== 'real') throw new Error('EMPORIUM_REDIS_URL must name the Redis server for the real suite');
const { url } = config.redis;

cacheContract('redis', () => {
  const run = randomUUID().slice(0, 8);
  return {
    async open() {
      const cache = new RedisCache({ url, prefix: `emporium-test:${run}:` });
      await cache.start();
      return cache;
    },
    unique: (name) => name,
    // Redis keeps time itself, so the only way to let it pass is to wait.
    elapse: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
});
