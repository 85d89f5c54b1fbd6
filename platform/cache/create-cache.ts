// Picks the cache adapter: Redis when EMPORIUM_REDIS_URL is set, else an in-process LRU.
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Cache } from './cache.ts';
import { InProcessCache } from './in-process-cache.ts';
import { RedisCache } from './redis-cache.ts';

/** `name` keeps one context's keys apart from another's on a shared Redis. */
export function createCache(config: Config, name: string, deps: { clock: Clock }): Cache {
  return config.redis.kind === 'real'
    ? new RedisCache({ url: config.redis.url, prefix: `${config.redis.keyPrefix}:${name}:` })
    : new InProcessCache({ clock: deps.clock });
}
