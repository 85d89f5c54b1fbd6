// Small pieces every route definition repeats: JSON bodies and answers, the error shape (who may call a route: access.ts).
import { z } from '@hono/zod-openapi';

export const Problem = z
  .object({ code: z.string(), field: z.string().nullable(), message: z.string() })
  .openapi('Problem');

/** An answer (or request body) of JSON matching `schema`. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A required JSON request body. */
export const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const problem = (description: string) => json(Problem, description);
