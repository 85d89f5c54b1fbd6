// The HTTP shell every context mounts into: observability, errors, health, metrics and the API docs.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Scalar } from '@scalar/hono-api-reference';
import type { Hono } from 'hono';
import type { Logger } from '../logger.ts';
import type { Registry } from '../metrics.ts';
import { notFound, onError } from './errors.ts';
import { observability } from './observability.ts';
import type { AppEnv } from './env.ts';
import { createRouter } from './router.ts';

export interface HttpAppOptions {
  logger: Logger;
  metrics: Registry;
  /** True once every store answered; /ready reports it so a load balancer waits. */
  isReady: () => boolean;
  /** Mounted under /api in order; OpenAPI routes among them are documented. */
  routers: Hono<AppEnv>[];
  version?: string;
}

// Served from node_modules, not a CDN, so the docs page works on a machine with no internet.
const scalarBundle = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@scalar/api-reference')),
  'browser/standalone.js',
);

export function createHttpApp(options: HttpAppOptions) {
  const app = createRouter();
  app.use(observability(options.logger, options.metrics));
  app.onError(onError);
  app.notFound(notFound);

  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.get('/ready', (c) => (options.isReady() ? c.json({ status: 'ready' }) : c.json({ status: 'starting' }, 503)));
  app.get('/metrics', async (c) => c.text(await options.metrics.metrics(), 200, { 'content-type': options.metrics.contentType }));

  for (const router of options.routers) app.route('/api', router);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Emporium API',
      version: options.version ?? '0.1.0',
      description: 'Search, catalog, cart, wishlist, checkout and orders. Errors are `{ code, field, message }`.',
    },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'shopper', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.get('/docs/standalone.js', async (c) =>
    c.body(await readFile(scalarBundle), 200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=3600' }),
  );
  app.get('/docs', Scalar({ url: '/openapi.json', cdn: '/docs/standalone.js', pageTitle: 'Emporium API' }));
  return app;
}

export type HttpApp = ReturnType<typeof createHttpApp>;
