// Every context's routes are built on this router, so validation failures answer alike everywhere.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import type { AppEnv } from './env.ts';

/** The first validation issue as `{ code: 'invalid', field, message }`; the field is the dotted path. */
export function validationBody(error: ZodError, target: string) {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : target;
  return { code: 'invalid' as const, field, message: issue?.message ?? 'invalid request' };
}

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return c.json(validationBody(result.error, result.target), 400);
    },
  });
}

export type Router = ReturnType<typeof createRouter>;
