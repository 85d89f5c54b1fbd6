// Runs the cache contract against the in-process cache, with a fake clock for expiry.
import { fakeClock } from '../../platform/clock.ts';
import { InProcessCache } from '../../platform/cache/in-process-cache.ts';
import { cacheContract } from './cache.contract.ts';

cacheContract('in-process', () => {
  const clock = fakeClock();
  let n = 0;
  return {
    async open() {
      const cache = new InProcessCache({ clock });
      await cache.start();
      return cache;
    },
    unique: (name) => `${name}-${++n}`,
    elapse: (ms) => Promise.resolve(clock.advance(ms)),
  };
});
