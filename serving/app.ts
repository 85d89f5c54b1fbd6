// Composes the running shop: picks an adapter per port from the config and hands each context what it needs.
import type { Config } from '../platform/config.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import { createHttpApp, type HttpApp } from '../platform/http/http-app.ts';
import { startAll, type Lifecycle } from '../platform/lifecycle.ts';
import { createLogger, type Logger } from '../platform/logger.ts';
import { createMetrics } from '../platform/metrics.ts';

export interface Shop extends Lifecycle {
  http: HttpApp;
}

export interface ShopOptions {
  logger?: Logger;
  clock?: Clock;
}

export function createShop(config: Config, options: ShopOptions = {}): Promise<Shop> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  const _clock = options.clock ?? systemClock;
  const parts: Lifecycle[] = [];
  let ready = false;
  let closeAll: (() => Promise<void>) | undefined;

  const http = createHttpApp({ logger, metrics, isReady: () => ready, routers: [] });
  return Promise.resolve({
    http,
    async start() {
      closeAll = await startAll(parts);
      ready = true;
    },
    async close() {
      ready = false;
      await closeAll?.();
    },
  });
}
