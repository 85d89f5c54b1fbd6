import { createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { silentLogger } from '../logger.ts';
import { createMetrics } from '../metrics.ts';
import { createHttpApp } from './http-app.ts';
import { createRouter } from './router.ts';

function widgets() {
  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/widgets',
        request: {
          body: {
            content: {
              'application/json': {
                schema: z.object({ name: z.string().min(1), priceMinor: z.number().int().positive() }),
              },
            },
          },
        },
        responses: {
          201: { description: 'created', content: { 'application/json': { schema: z.object({ name: z.string() }) } } },
        },
      }),
      (c) => c.json({ name: c.req.valid('json').name }, 201),
    )
    .get('/widgets/missing', () => {
      throw new DomainError('not_found', 'id', 'no widget with id missing');
    })
    .get('/widgets/boom', () => {
      throw new Error('database password is hunter2');
    });
}

function app(ready = true) {
  return createHttpApp({
    logger: silentLogger,
    metrics: createMetrics(false),
    isReady: () => ready,
    routers: [widgets()],
  });
}

const post = (body: string) => ({ method: 'POST', body, headers: { 'content-type': 'application/json' } });

describe('HTTP shell', () => {
  it('answers health, and ready only once the shop is ready', async () => {
    expect((await app().request('/health')).status).toBe(200);
    expect((await app(false).request('/ready')).status).toBe(503);
    expect((await app(true).request('/ready')).status).toBe(200);
  });

  it('tags every answer with its request id, the one it was given or a new one', async () => {
    const given = await app().request('/api/widgets', {
      ...post(JSON.stringify({ name: 'lamp', priceMinor: 950 })),
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-7' },
    });
    expect(given.status).toBe(201);
    expect(given.headers.get('x-request-id')).toBe('req-7');
    expect(await given.json()).toEqual({ name: 'lamp' });
    expect((await app().request('/health')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names the field and the reason when validation fails', async () => {
    const res = await app().request('/api/widgets', post(JSON.stringify({ name: 'lamp', priceMinor: 9.5 })));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'invalid', field: 'priceMinor' });
  });

  it('answers malformed JSON with a 400 on the body', async () => {
    const res = await app().request('/api/widgets', post('{"name":'));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'invalid', field: 'body' });
  });

  it('maps a DomainError to its status and body', async () => {
    const res = await app().request('/api/widgets/missing');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 'not_found', field: 'id', message: 'no widget with id missing' });
  });

  it('hides the internals of an unexpected error behind a 500 with the request id', async () => {
    const res = await app().request('/api/widgets/boom', { headers: { 'x-request-id': 'req-42' } });
    expect(res.status).toBe(500);
    const body = JSON.stringify(await res.json());
    expect(body).not.toContain('hunter2');
    expect(body).toContain('req-42');
    expect(res.headers.get('x-request-id')).toBe('req-42');
  });

  it('answers an unknown route with a 404 body in the same shape', async () => {
    const res = await app().request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'not_found', field: null });
  });

  it('documents the mounted routes in the OpenAPI document and serves the docs page', async () => {
    const shop = app();
    const doc = (await (await shop.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/api/widgets');
    const page = await shop.request('/docs');
    expect(await page.text()).toContain('/docs/standalone.js');
    expect((await shop.request('/docs/standalone.js')).status).toBe(200);
  });

  it('counts requests by route pattern in the Prometheus metrics', async () => {
    const shop = app();
    await shop.request('/api/widgets/missing');
    const metrics = await (await shop.request('/metrics')).text();
    expect(metrics).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/widgets\/missing",status="404"\} 1/,
    );
  });
});
