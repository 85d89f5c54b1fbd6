// The HTTP shell every context mounts into: observability, errors, health, metrics and the API docs.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Scalar } from '@scalar/hono-api-reference';
import type { Hono, MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.ts';
import type { Registry } from '../metrics.ts';
import { bodyLimits, DEFAULT_BODY_LIMITS, type BodyLimits } from './body-limits.ts';
import { notFound, onError } from './errors.ts';
import { observability } from './observability.ts';
import type { AppEnv } from './env.ts';
import { createRouter } from './router.ts';

export interface HttpAppOptions {
  logger: Logger;
  metrics: Registry;
  /** True once the shop can serve what it holds (stores started, search caught up); /ready reports it so a load balancer waits. */
  isReady: () => boolean | Promise<boolean>;
  /** Mounted under /api in order; OpenAPI routes among them are documented. */
  routers: Hono<AppEnv>[];
  /** Size and nesting bounds of request bodies (DEFAULT_BODY_LIMITS when absent). */
  bodyLimits?: BodyLimits;
  version?: string;
  /**
   * Serves every path the shell and the API do not (the storefront): an app of its own, so its
   * middleware (sessions, form checks, compression) never runs for an API request.
   */
  site?: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> };
  /** Resolves each API request's credential into its principal (authenticate.ts); every request is anonymous without it. */
  authenticate?: MiddlewareHandler<AppEnv>;
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
  // Who is calling before anything reads a body: a route refused to them never reads it.
  if (options.authenticate) app.use('/api/*', options.authenticate);
  app.use('/api/*', bodyLimits(options.bodyLimits ?? DEFAULT_BODY_LIMITS));

  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.get('/ready', async (c) =>
    (await options.isReady()) ? c.json({ status: 'ready' }) : c.json({ status: 'starting' }, 503),
  );
  app.get('/metrics', async (c) =>
    c.text(await options.metrics.metrics(), 200, { 'content-type': options.metrics.contentType }),
  );

  for (const router of options.routers) app.route('/api', router);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Emporium API',
      version: options.version ?? '0.1.0',
      description: 'Search, catalog, cart, wishlist, checkout and orders. Errors are `{ code, field, message }`.',
    },
  });
  // Each operation's `x-access` says who may call it (platform/http/access.ts).
  app.openAPIRegistry.registerComponent('securitySchemes', 'token', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A person: the token POST /api/sessions answers (shoppers; staff for staff routes)',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'emk_<keyId>_<secret>',
    description: "A supplier's system: a key from `emporium access supplier-key create <supplierId>`",
  });
  app.get('/docs/standalone.js', async (c) =>
    c.body(await readFile(scalarBundle), 200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=3600' }),
  );
  app.get('/docs', Scalar({ url: '/openapi.json', cdn: '/docs/standalone.js', pageTitle: 'Emporium API' }));
  const site = options.site;
  if (site) app.all('*', (c) => (c.req.path.startsWith('/api/') ? notFound(c) : site.fetch(c.req.raw, c.env)));
  return app;
}

export type HttpApp = ReturnType<typeof createHttpApp>;
