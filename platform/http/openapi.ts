// Small pieces every route definition repeats: JSON bodies and answers, the error shape, the shopper's token.
import { z } from '@hono/zod-openapi';

export const Problem = z.object({ code: z.string(), field: z.string().nullable(), message: z.string() }).openapi('Problem');

/** An answer (or request body) of JSON matching `schema`. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

/** A required JSON request body. */
export const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

export const problem = (description: string) => json(Problem, description);

/** Marks a route as acting for the signed-in shopper (bearer token) in the OpenAPI document. */
export const asShopper = { security: [{ shopper: [] }] };

/** Marks a route as working signed in or not (an empty requirement beside the token). */
export const maybeAsShopper = { security: [{ shopper: [] }, {}] as Record<string, string[]>[] };
