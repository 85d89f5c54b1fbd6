// Body bounds: the depth count agrees with a parse on any JSON, and the middleware answers before a route reads the body.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRouter } from './router.ts';
import { bodyLimits, jsonDepth } from './body-limits.ts';
import { onError } from './errors.ts';

/** The oracle: the depth of a parsed value, walked recursively (fine for the small values generated here). */
function parsedDepth(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(parsedDepth));
  if (value !== null && typeof value === 'object') return 1 + Math.max(0, ...Object.values(value).map(parsedDepth));
  return 0;
}

describe('jsonDepth', () => {
  it('equals the depth of the parsed value for any JSON, brackets and escapes inside strings included', () => {
    const tricky = fc.constantFrom('{', '}', '[', ']', '"', '\\', '\\"', '\\\\', '"]', 'a');
    const text = fc.oneof(
      fc.string(),
      fc.array(tricky).map((parts) => parts.join('')),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc.integer(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(text, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, fc.boolean(), (v, pretty) => {
        const json = JSON.stringify(v, null, pretty ? 2 : undefined);
        expect(jsonDepth(json)).toBe(parsedDepth(JSON.parse(json)));
      }),
      { numRuns: 500 },
    );
  });

  it('stops counting once past the limit', () => {
    expect(jsonDepth('['.repeat(1_000_000), 16)).toBe(17);
  });
});

describe('bodyLimits middleware', () => {
  let reads = 0;
  const app = createRouter();
  app.onError(onError);
  app.use('*', bodyLimits({ maxBytes: 100_000, maxDepth: 4, larger: { '/bulk': 500_000 } }));
  for (const path of ['/echo', '/bulk'])
    app.post(path, async (c) => {
      reads++;
      return c.json({ got: (await c.req.json()) as unknown });
    });
  const post = (path: string, body: string | ReadableStream, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
      ...(typeof body === 'string' ? {} : { duplex: 'half' }),
    });

  it('passes a body within bounds to the route, which reads it as usual', async () => {
    const res = await post('/echo', JSON.stringify({ a: [[{ b: 1 }]] }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ got: { a: [[{ b: 1 }]] } });
  });

  it('answers 400 naming the body for one nested deeper than the limit, before the route reads it', async () => {
    const before = reads;
    for (const body of [JSON.stringify({ a: [[{ b: [] }]] }), '['.repeat(20_000) + ']'.repeat(20_000)]) {
      const res = await post('/echo', body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'invalid', field: 'body' });
    }
    expect(reads).toBe(before);
  });

  it('answers 413 for a body over the size, by its length or as it streams in without one', async () => {
    const big = JSON.stringify({ a: 'x'.repeat(200_000) });
    const res = await post('/echo', big, { 'content-length': String(big.length) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'payload_too_large', field: 'body' });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(20_000)));
        controller.close();
      },
    });
    expect((await post('/echo', chunks)).status).toBe(413);
  });

  it('lets a route named in `larger` take more', async () => {
    const big = JSON.stringify({ a: 'x'.repeat(200_000) });
    expect((await post('/bulk', big)).status).toBe(200);
    expect((await post('/bulk', JSON.stringify({ a: 'x'.repeat(600_000) }))).status).toBe(413);
  });
});
