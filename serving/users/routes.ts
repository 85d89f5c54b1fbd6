// Users HTTP API: sign-up, sign-in, and a shopper's own profile and addresses.
import { createRoute, z } from '@hono/zod-openapi';
import { clientAddress } from '../../platform/http/client-address.ts';
import { forAnyone, forShopper } from '../../platform/http/access.ts';
import { email, id, pincode, text } from '../../platform/http/fields.ts';
import { body, json, problem } from '../../platform/http/openapi.ts';
import { createRouter } from '../../platform/http/router.ts';
import { self } from '../../platform/http/shopper.ts';
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

const Name = text({ max: 200 });
const Credentials = z.object({
  email: email(),
  password: text({ min: 8, max: 200, trim: false }),
});

const NewAddressSchema = z
  .object({
    label: text({ max: 50 }).default('home'),
    line1: text({ max: 200 }),
    line2: text({ max: 200, min: 0 }).nullable().default(null),
    city: text({ max: 100 }),
    state: text({ max: 100 }),
    pincode: pincode(),
    phone: z
      .string()
      .regex(/^\+?[\d ()-]{6,30}$/, 'must be a phone number')
      .nullable()
      .default(null),
    makeDefault: z.boolean().default(false),
  })
  .openapi('NewAddress');

const UserIdParam = z.object({ userId: id().openapi({ param: { name: 'userId', in: 'path' } }) });
const AddressParams = UserIdParam.extend({
  addressId: id().openapi({ param: { name: 'addressId', in: 'path' } }),
});
const SignedInSchema = z.object({ userId: z.string(), token: z.string() }).openapi('SignedIn');

export function userRoutes(users: UserService) {
  const router = createRouter();
  return router
    .openapi(
      createRoute({
        method: 'post',
        path: '/users',
        ...forAnyone,
        tags: ['users'],
        summary: 'Create an account; answers with a token for it',
        request: body(Credentials.extend({ name: Name })),
        responses: {
          201: json(SignedInSchema.extend({ user: UserSchema }), 'created and signed in'),
          400: problem('invalid field'),
          409: problem('email taken'),
        },
      }),
      async (c) => c.json(await users.register(c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/sessions',
        ...forAnyone,
        tags: ['users'],
        summary: 'Sign in with email and password; answers with a token',
        request: body(Credentials),
        description:
          'After five wrong passwords for one account from one client address, that address waits (429 with Retry-After), twice as long after each further one, up to 5 minutes; an address also has 30 wrong passwords over all accounts, refilled one every 10 s. Another address is not slowed, so guesses cannot lock a shopper out.',
        responses: {
          200: json(SignedInSchema, 'signed in'),
          401: problem('wrong email or password'),
          429: problem('too many wrong passwords: see Retry-After'),
        },
      }),
      async (c) => c.json(await users.signIn(c.req.valid('json'), clientAddress(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/users/{userId}',
        tags: ['users'],
        summary: 'Your profile and addresses',
        ...forShopper,
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
        ...forShopper,
        request: { params: UserIdParam, ...body(z.object({ name: Name }).strict()) },
        responses: {
          200: json(UserSchema, 'the updated user'),
          400: problem('invalid field'),
          403: problem('not you'),
        },
      }),
      async (c) => c.json(await users.rename(self(c, c.req.valid('param').userId), c.req.valid('json').name), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/users/{userId}/addresses',
        tags: ['users'],
        summary: 'Add an address (the first one becomes the default)',
        ...forShopper,
        request: { params: UserIdParam, ...body(NewAddressSchema) },
        responses: {
          201: json(z.object({ address: AddressSchema, user: UserSchema }), 'added'),
          400: problem('invalid field'),
          403: problem('not you'),
        },
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
        ...forShopper,
        request: { params: AddressParams },
        responses: {
          200: json(UserSchema, 'the updated user'),
          403: problem('not you'),
          404: problem('no such address'),
        },
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
        ...forShopper,
        request: { params: UserIdParam, ...body(z.object({ addressId: id() })) },
        responses: {
          200: json(UserSchema, 'the updated user'),
          403: problem('not you'),
          404: problem('no such address'),
        },
      }),
      async (c) =>
        c.json(await users.setDefaultAddress(self(c, c.req.valid('param').userId), c.req.valid('json').addressId), 200),
    );
}
