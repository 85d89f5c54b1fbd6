// Field builders for every id and string a request carries: each bounded by length and characters, so a
// NUL byte, a megabyte id or a bidi override is a 400 naming the field, and the OpenAPI document shows the bounds.
import { z } from '@hono/zod-openapi';

/**
 * What no name, line or id may hold: control characters (NUL, escape, C1), line and paragraph separators,
 * bidi embeddings, overrides and isolates (text that displays other than it reads), the byte-order mark and
 * the noncharacters U+FFFE/U+FFFF. Written as \u escapes, not \p{..}, because the OpenAPI document carries
 * a pattern without its flags.
 */
const UNSAFE_ALWAYS = '\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069\\uFEFF\\uFFFE\\uFFFF';
const CONTROLS = '\\u0000-\\u001F';
/** Free text of several lines keeps tab, line feed and carriage return. */
const CONTROLS_BUT_LINES = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F';

/** Any character but the unsafe ones; a surrogate only as half of a pair (a lone one cannot be stored as UTF-8). */
const safeText = (controls: string) =>
  new RegExp(`^(?:[^${controls}${UNSAFE_ALWAYS}\\uD800-\\uDFFF]|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF])*$`);
const ONE_LINE = safeText(CONTROLS);
const LINES = safeText(CONTROLS_BUT_LINES);
const mustBeString = (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : 'must be a string');
const NO_CONTROLS = 'must not contain control, bidi or unpaired surrogate characters';

export const ID_MAX = 64;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** An id: 1 to `max` (64) letters, digits, dots, dashes or underscores, starting with a letter or digit. */
export function id(options: { max?: number } = {}) {
  const max = options.max ?? ID_MAX;
  return z
    .string({ error: mustBeString })
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(ID, 'must be letters, digits, dots, dashes or underscores, starting with a letter or digit');
}

/**
 * Text a person reads (a name, an address line, a description): trimmed, `min` (1) to `max` characters,
 * one line unless `multiline`, none of the unsafe characters above.
 */
export function text(options: { max: number; min?: number; multiline?: boolean; trim?: boolean }) {
  const min = options.min ?? 1;
  const base = z.string({ error: mustBeString });
  return (options.trim === false ? base : base.trim())
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(options.max, `must be at most ${options.max} characters`)
    .regex(options.multiline ? LINES : ONE_LINE, NO_CONTROLS);
}

/** A value chosen by a client and echoed back (an idempotency key, a request id): printable ASCII, no spaces. */
export function token(options: { min?: number; max: number }) {
  const min = options.min ?? 1;
  return z
    .string({ error: mustBeString })
    .min(min, `must be at least ${min} characters`)
    .max(options.max, `must be at most ${options.max} characters`)
    .regex(/^[\x21-\x7E]*$/, 'must be printable ASCII without spaces');
}

/** A 5-digit postal code. */
export const pincode = () => z.string({ error: mustBeString }).regex(/^\d{5}$/, 'must be a 5-digit postal code');

/** An email address, at most 254 characters (the longest a mail server takes). */
export const email = () => z.email('must be an email address').max(254, 'must be at most 254 characters');

/** An http(s) URL of at most 2,048 characters. */
export const url = () =>
  z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048, 'must be at most 2048 characters');
