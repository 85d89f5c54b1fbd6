// Cart and wishlist HTTP API, for the signed-in shopper's own lists only.
import { createRoute, z } from '@hono/zod-openapi';
import { forShopper } from '../../platform/http/access.ts';
import { id } from '../../platform/http/fields.ts';
import { body, json, problem } from '../../platform/http/openapi.ts';
import { createRouter } from '../../platform/http/router.ts';
import { self } from '../../platform/http/shopper.ts';
import type { CartService } from './cart-service.ts';
import { moveToCart, moveToWishlist } from './moves.ts';
import { SHOP_CURRENCY } from '../catalog/money.ts';
import { MAX_QUANTITY } from './store/list-store.ts';
import type { WishlistService } from './wishlist-service.ts';

const ListViewSchema = z
  .object({
    lines: z.array(
      z.object({
        itemId: z.string(),
        quantity: z.number().int(),
        addedAt: z.number().int(),
        item: z
          .object({
            name: z.string(),
            brand: z.string(),
            category: z.string(),
            priceMinor: z.number().int(),
            currency: z.string(),
            imageUrl: z.string().nullable(),
          })
          .nullable(),
        lineTotalMinor: z.number().int(),
      }),
    ),
    itemCount: z.number().int(),
    subtotalMinor: z.number().int(),
    currency: z.literal(SHOP_CURRENCY),
  })
  .openapi('ListView');

const Quantity = z
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`);
const ItemId = id();
const UserParam = z.object({ userId: id().openapi({ param: { name: 'userId', in: 'path' } }) });
const LineParams = UserParam.extend({ itemId: ItemId.openapi({ param: { name: 'itemId', in: 'path' } }) });
const view = json(ListViewSchema, 'the list with current item details and prices');
const both = json(z.object({ cart: ListViewSchema, wishlist: ListViewSchema }), 'both lists after the move');
const errors = {
  400: problem('invalid field'),
  401: problem('not signed in'),
  403: problem('not your list'),
  404: problem('no such item or line'),
};

export function cartRoutes(lists: { cart: CartService; wishlist: WishlistService }) {
  const { cart, wishlist } = lists;
  const router = createRouter();
  const route = <M extends 'get' | 'post' | 'patch' | 'delete', P extends string>(
    method: M,
    path: P,
    tag: string,
    summary: string,
  ) => ({
    method,
    path,
    tags: [tag],
    summary,
    ...forShopper,
  });

  return router
    .openapi(
      createRoute({
        ...route('get', '/users/{userId}/cart', 'cart', 'Your cart'),
        request: { params: UserParam },
        responses: { 200: view, ...errors },
      }),
      async (c) => c.json(await cart.get(self(c, c.req.valid('param').userId)), 200),
    )
    .openapi(
      createRoute({
        ...route('post', '/users/{userId}/cart/items', 'cart', 'Add an item (quantities of the same item sum)'),
        request: { params: UserParam, ...body(z.object({ itemId: ItemId, quantity: Quantity.default(1) })) },
        responses: { 200: view, 409: problem('over the line limit'), ...errors },
      }),
      async (c) => {
        const { itemId, quantity } = c.req.valid('json');
        return c.json(await cart.add(self(c, c.req.valid('param').userId), itemId, quantity), 200);
      },
    )
    .openapi(
      createRoute({
        ...route('patch', '/users/{userId}/cart/items/{itemId}', 'cart', "Change a line's quantity"),
        request: { params: LineParams, ...body(z.object({ quantity: Quantity })) },
        responses: { 200: view, ...errors },
      }),
      async (c) => {
        const { userId, itemId } = c.req.valid('param');
        return c.json(await cart.setQuantity(self(c, userId), itemId, c.req.valid('json').quantity), 200);
      },
    )
    .openapi(
      createRoute({
        ...route('delete', '/users/{userId}/cart/items/{itemId}', 'cart', 'Remove a line'),
        request: { params: LineParams },
        responses: { 200: view, ...errors },
      }),
      async (c) => {
        const { userId, itemId } = c.req.valid('param');
        return c.json(await cart.remove(self(c, userId), itemId), 200);
      },
    )
    .openapi(
      createRoute({
        ...route('delete', '/users/{userId}/cart', 'cart', 'Empty your cart'),
        request: { params: UserParam },
        responses: { 200: view, ...errors },
      }),
      async (c) => c.json(await cart.clear(self(c, c.req.valid('param').userId)), 200),
    )
    .openapi(
      createRoute({
        ...route(
          'post',
          '/users/{userId}/cart/items/{itemId}/move-to-wishlist',
          'cart',
          'Move a line to your wishlist, quantity kept',
        ),
        request: { params: LineParams },
        responses: { 200: both, ...errors },
      }),
      async (c) => {
        const { userId, itemId } = c.req.valid('param');
        return c.json(await moveToWishlist(lists, self(c, userId), itemId), 200);
      },
    )
    .openapi(
      createRoute({
        ...route('get', '/users/{userId}/wishlist', 'wishlist', 'Your wishlist'),
        request: { params: UserParam },
        responses: { 200: view, ...errors },
      }),
      async (c) => c.json(await wishlist.get(self(c, c.req.valid('param').userId)), 200),
    )
    .openapi(
      createRoute({
        ...route(
          'post',
          '/users/{userId}/wishlist/items',
          'wishlist',
          'Keep an item for later (adding it twice changes nothing)',
        ),
        request: { params: UserParam, ...body(z.object({ itemId: ItemId })) },
        responses: { 200: view, ...errors },
      }),
      async (c) => c.json(await wishlist.add(self(c, c.req.valid('param').userId), c.req.valid('json').itemId), 200),
    )
    .openapi(
      createRoute({
        ...route('delete', '/users/{userId}/wishlist/items/{itemId}', 'wishlist', 'Remove an item'),
        request: { params: LineParams },
        responses: { 200: view, ...errors },
      }),
      async (c) => {
        const { userId, itemId } = c.req.valid('param');
        return c.json(await wishlist.remove(self(c, userId), itemId), 200);
      },
    )
    .openapi(
      createRoute({
        ...route('delete', '/users/{userId}/wishlist', 'wishlist', 'Empty your wishlist'),
        request: { params: UserParam },
        responses: { 200: view, ...errors },
      }),
      async (c) => c.json(await wishlist.clear(self(c, c.req.valid('param').userId)), 200),
    )
    .openapi(
      createRoute({
        ...route(
          'post',
          '/users/{userId}/wishlist/items/{itemId}/move-to-cart',
          'wishlist',
          'Move an item to your cart with its quantity (summing with a line already there)',
        ),
        request: { params: LineParams },
        responses: { 200: both, ...errors },
      }),
      async (c) => {
        const { userId, itemId } = c.req.valid('param');
        return c.json(await moveToCart(lists, self(c, userId), itemId), 200);
      },
    );
}
