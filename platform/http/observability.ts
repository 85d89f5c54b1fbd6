// Request ids, one structured log line per request, and Prometheus request metrics.
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.ts';
import { Histogram, type Registry } from '../metrics.ts';
import type { AppEnv } from './env.ts';

const REQUEST_ID = /^[\x21-\x7E]{1,128}$/;

export function observability(logger: Logger, metrics: Registry) {
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [metrics],
  });
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    // A client's id is kept only if it is a sane token: it goes into every log line and back out as a header.
    const given = c.req.header('x-request-id');
    const requestId = given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
    const log = logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    await next();
    // On the response's own headers: c.header() after the handler copies the finished response into a
    // stream-bodied one, which then goes out chunk by chunk (a tenth of a search's allocations).
    c.res.headers.set('x-request-id', requestId);
    const seconds = (performance.now() - started) / 1000;
    // The route pattern, not the raw path, keeps the label set small.
    const route = routePath(c, -1);
    duration.observe({ method: c.req.method, route, status: String(c.res.status) }, seconds);
    log.debug({ method: c.req.method, path: c.req.path, status: c.res.status, ms: seconds * 1000 }, 'request');
  });
}
