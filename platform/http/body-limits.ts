// Bounds every request body before anything parses or walks it: over a size is a 413, nested deeper than a
// few levels is a 400 naming the body (a 20,000-level array otherwise overflows the stack of what walks it).
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { DomainError } from '../errors.ts';
import type { AppEnv } from './env.ts';

export interface BodyLimits {
  /** The most bytes a body may have (every route but those in `larger`). */
  maxBytes: number;
  /** The deepest nesting of JSON objects and arrays a body may have; the top level is 1. */
  maxDepth: number;
  /** Routes that take more, by exact path (a bulk feed): path to bytes. */
  larger?: Record<string, number>;
}

export const DEFAULT_BODY_LIMITS: BodyLimits = { maxBytes: 2 * 1024 * 1024, maxDepth: 16 };

/**
 * The depth of the deepest object or array in JSON text, counted without parsing it (brackets inside
 * strings do not count), stopping once it passes `limit`. Malformed text is left to the JSON parser.
 */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

export function bodyLimits(limits: BodyLimits) {
  const tooLarge = (max: number) => () => {
    throw new DomainError('payload_too_large', 'body', `must be at most ${max} bytes`);
  };
  const bySize = new Map(
    [...Object.entries(limits.larger ?? {}), ['', limits.maxBytes] as const].map(([path, max]) => [
      path,
      bodyLimit({ maxSize: max, onError: tooLarge(max) }),
    ]),
  );
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!c.req.raw.body) return next();
    const sized = bySize.get(c.req.path) ?? bySize.get('')!;
    await sized(c, async () => {
      // Read once here; routes and validators that read the body after get this same text from Hono's cache.
      const text = await c.req.text();
      if (jsonDepth(text, limits.maxDepth) > limits.maxDepth)
        throw new DomainError('invalid', 'body', `must not nest objects and arrays more than ${limits.maxDepth} deep`);
      await next();
    });
  });
}
