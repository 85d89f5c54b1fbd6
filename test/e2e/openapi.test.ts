// The running shop's API document: valid OpenAPI 3.1 by an outside validator, and covering every route the README lists.
import { Validator } from '@seriousme/openapi-schema-validator';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../platform/http/server.ts';
import { readmeRoutes, routeShape } from '../support/readme-routes.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';

interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  maxLength?: number;
  pattern?: string;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}
interface Operation {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

/** An anchored pattern with no open-ended repeat (`*`, `+`, `{n,}`) outside escapes and classes bounds the length too. */
function patternBoundsLength(pattern: string): boolean {
  const bare = pattern.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
  return bare.startsWith('^') && bare.endsWith('$') && !/[*+]|\{\d+,\}/.test(bare);
}

/** Every string a request may carry (path, query, header, body) that has no length bound or no pattern. */
function unboundedStrings(doc: OpenApiDoc): string[] {
  const found: string[] = [];
  const walk = (schema: Schema | undefined, where: string, seen: Set<Schema>) => {
    const s = schema?.$ref ? doc.components?.schemas?.[schema.$ref.split('/').pop()!] : schema;
    if (!s || seen.has(s)) return;
    seen.add(s);
    for (const alternative of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])])
      walk(alternative, where, seen);
    const types = Array.isArray(s.type) ? s.type : [s.type];
    const choice = s.enum !== undefined || s.const !== undefined;
    const bounded = s.maxLength !== undefined || (s.pattern !== undefined && patternBoundsLength(s.pattern));
    if (types.includes('string') && !choice && (!bounded || (!s.pattern && !s.format)))
      found.push(`${where} (maxLength ${s.maxLength}, pattern ${s.pattern}, format ${s.format})`);
    for (const [name, property] of Object.entries(s.properties ?? {})) walk(property, `${where}.${name}`, seen);
    walk(s.items, `${where}[]`, seen);
    if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${where}{}`, seen);
  };
  for (const [route, operations] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(operations)) {
      for (const p of op.parameters ?? []) walk(p.schema, `${method} ${route} ${p.in} ${p.name}`, new Set());
      for (const [type, body] of Object.entries(op.requestBody?.content ?? {}))
        walk(body.schema, `${method} ${route} body (${type})`, new Set());
    }
  return found;
}

let shop: TestShop;
let server: RunningServer;
let doc: OpenApiDoc;

beforeAll(async () => {
  // The whole shop as `emporium serve` composes it, over a real socket.
  shop = await openTestShop();
  server = await listen(shop.shop.http, '127.0.0.1', 0);
  const res = await fetch(`${server.url}/openapi.json`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as OpenApiDoc;
});

afterAll(async () => {
  await server?.close();
  await shop?.close();
});

describe('GET /openapi.json of the running shop', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(doc as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every route the README lists', () => {
    const listed = readmeRoutes(path.resolve(import.meta.dirname, '../../README.md'));
    // A broken table must not pass by listing nothing.
    expect(listed.length).toBeGreaterThan(30);
    expect(listed).toContainEqual({ method: 'POST', path: '/users/{id}/cart/items/{itemId}/move-to-wishlist' });
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${routeShape(p)}`),
      ),
    );
    const missing = listed.filter((r) => !documented.has(`${r.method} ${routeShape(`/api${r.path}`)}`));
    expect(missing).toEqual([]);
  });

  it('bounds every string a request carries, in path, query, headers and body, by length and characters', () => {
    // The document is made from the validators, so a string without both bounds here is one a route takes
    // of any length, or with NUL bytes and bidi overrides (fields.ts gives both; a choice needs neither).
    expect(unboundedStrings(doc)).toEqual([]);
  });

  it('serves the docs page and its script', async () => {
    const page = await fetch(`${server.url}/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/openapi.json');
    expect(html).toContain('/docs/standalone.js');
    expect((await fetch(`${server.url}/docs/standalone.js`)).status).toBe(200);
  });
});
