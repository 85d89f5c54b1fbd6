// One mapping from errors to answers: DomainError by its code, malformed JSON as 400, anything else a logged 500.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError, STATUS_OF, Throttled } from '../errors.ts';
import type { AppEnv } from './env.ts';

export function onError(error: Error, c: Context<AppEnv>) {
  if (error instanceof Throttled) c.header('retry-after', String(error.retryAfterS));
  if (error instanceof DomainError) return c.json(error.toJSON(), STATUS_OF[error.code]);
  if (error instanceof HTTPException && error.status < 500) {
    // Hono raises these for a body that is not valid JSON and the like.
    return c.json({ code: 'invalid', field: 'body', message: error.message || 'malformed request' }, error.status);
  }
  c.get('log')?.error({ err: error }, 'unhandled error');
  return c.json({ code: 'internal', field: null, message: `internal error (request ${c.get('requestId')})` }, 500);
}

export function notFound(c: Context<AppEnv>) {
  return c.json({ code: 'not_found', field: null, message: `no route for ${c.req.method} ${c.req.path}` }, 404);
}
