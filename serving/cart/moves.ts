// Moving an item between the wishlist and the cart: added to the target first, so a failure never loses it.
import { notFound } from '../../platform/errors.ts';
import type { CartService } from './cart-service.ts';
import type { ListView } from './list-view.ts';
import type { WishlistService } from './wishlist-service.ts';

export interface BothLists {
  cart: ListView;
  wishlist: ListView;
}

export async function moveToCart(lists: { cart: CartService; wishlist: WishlistService }, userId: string, itemId: string): Promise<BothLists> {
  if (!(await lists.wishlist.has(userId, itemId))) throw notFound('itemId', `${itemId} is not on your wishlist`);
  const cart = await lists.cart.add(userId, itemId, 1);
  return { cart, wishlist: await lists.wishlist.remove(userId, itemId) };
}

export async function moveToWishlist(lists: { cart: CartService; wishlist: WishlistService }, userId: string, itemId: string): Promise<BothLists> {
  if (!(await lists.cart.get(userId)).lines.some((l) => l.itemId === itemId)) throw notFound('itemId', `${itemId} is not in your cart`);
  const wishlist = await lists.wishlist.add(userId, itemId);
  return { wishlist, cart: await lists.cart.remove(userId, itemId) };
}
