// Users HTTP API: sign-up, sign-in, and a shopper's own profile and addresses.
import { createRoute, z } from '@hono/zod-openapi';
import type { Tokens } from '../../platform/auth/tokens.ts';
import { asShopper, body, json, problem } from '../../platform/http/openapi.ts';
import { createRouter } from '../../platform/http/router.ts';
import { self, shopperOnly } from '../../platform/http/shopper.ts';
import type { UserService } from './user-service.ts';

const AddressSchema = z
  .object({
    addressId: z.string(),
    label: z.string(),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    state: z.string(),
    pincode: z.string(),
    phone: z.string().nullable(),
  })
  .openapi('Address');

const UserSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    addresses: z.array(AddressSchema),
    defaultAddressId: z.string().nullable(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi('User');

const Name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const Credentials = z.object({
  email: z.email('must be an email address').max(254),
  password: z.string().min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters'),
});

const NewAddressSchema = z
  .object({
    label: z.string().trim().min(1).max(50).default('home'),
    line1: z.string().trim().min(1, 'must not be empty').max(200),
    line2: z.string().trim().max(200).nullable().default(null),
    city: z.string().trim().min(1, 'must not be empty').max(100),
    state: z.string().trim().min(1, 'must not be empty').max(100),
    pincode: z.string().regex(/^\d{5}$/, 'must be a 5-digit postal code'),
    phone: z.string().regex(/^\+?[\d ()-]{6,30}$/, 'must be a phone number').nullable().default(null),
    makeDefault: z.boolean().default(false),
  })
  .openapi('NewAddress');

const UserIdParam = z.object({ userId: z.string().openapi({ param: { name: 'userId', in: 'path' } }) });
const AddressParams = UserIdParam.extend({ addressId: z.string().openapi({ param: { name: 'addressId', in: 'path' } }) });
const SignedInSchema = z.object({ userId: z.string(), token: z.string() }).openapi('SignedIn');

export function userRoutes(users: UserService, tokens: Tokens) {
  const router = createRouter();
  shopperOnly(router, tokens, '/users/:userId');
  return router
    .openapi(
      createRoute({
        method: 'post',
        path: '/users',
        tags: ['users'],
        summary: 'Create an account; answers with a token for it',
        request: body(Credentials.extend({ name: Name })),
        responses: { 201: json(SignedInSchema.extend({ user: UserSchema }), 'created and signed in'), 400: problem('invalid field'), 409: problem('email taken') },
      }),
      async (c) => c.json(await users.register(c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/sessions',
        tags: ['users'],
        summary: 'Sign in with email and password; answers with a token',
        request: body(Credentials),
        responses: { 200: json(SignedInSchema, 'signed in'), 401: problem('wrong email or password') },
      }),
      async (c) => c.json(await users.signIn(c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/users/{userId}',
        tags: ['users'],
        summary: 'Your profile and addresses',
        ...asShopper,
        request: { params: UserIdParam },
        responses: { 200: json(UserSchema, 'the user'), 401: problem('not signed in'), 403: problem('not you') },
      }),
      async (c) => c.json(await users.get(self(c, c.req.valid('param').userId)), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/users/{userId}',
        tags: ['users'],
        summary: 'Change your name',
        ...asShopper,
        request: { params: UserIdParam, ...body(z.object({ name: Name }).strict()) },
        responses: { 200: json(UserSchema, 'the updated user'), 400: problem('invalid field'), 403: problem('not you') },
      }),
      async (c) => c.json(await users.rename(self(c, c.req.valid('param').userId), c.req.valid('json').name), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/users/{userId}/addresses',
        tags: ['users'],
        summary: 'Add an address (the first one becomes the default)',
        ...asShopper,
        request: { params: UserIdParam, ...body(NewAddressSchema) },
        responses: { 201: json(z.object({ address: AddressSchema, user: UserSchema }), 'added'), 400: problem('invalid field'), 403: problem('not you') },
      }),
      async (c) => {
        const { makeDefault, ...address } = c.req.valid('json');
        return c.json(await users.addAddress(self(c, c.req.valid('param').userId), address, makeDefault), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/users/{userId}/addresses/{addressId}',
        tags: ['users'],
        summary: 'Remove an address (a removed default passes to your oldest other address)',
        ...asShopper,
        request: { params: AddressParams },
        responses: { 200: json(UserSchema, 'the updated user'), 403: problem('not you'), 404: problem('no such address') },
      }),
      async (c) => {
        const { userId, addressId } = c.req.valid('param');
        return c.json(await users.removeAddress(self(c, userId), addressId), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/users/{userId}/default-address',
        tags: ['users'],
        summary: 'Choose the address deliveries are promised for',
        ...asShopper,
        request: { params: UserIdParam, ...body(z.object({ addressId: z.string().min(1) })) },
        responses: { 200: json(UserSchema, 'the updated user'), 403: problem('not you'), 404: problem('no such address') },
      }),
      async (c) => c.json(await users.setDefaultAddress(self(c, c.req.valid('param').userId), c.req.valid('json').addressId), 200),
    );
}
