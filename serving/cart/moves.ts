// Moving an item between the wishlist and the cart with its quantity: added to the target first, so a
// failure never loses it.
import { notFound } from '../../platform/errors.ts';
import type { CartService } from './cart-service.ts';
import type { ListView } from './list-view.ts';
import type { WishlistService } from './wishlist-service.ts';

export interface BothLists {
  cart: ListView;
  wishlist: ListView;
}

export async function moveToCart(
  lists: { cart: CartService; wishlist: WishlistService },
  userId: string,
  itemId: string,
): Promise<BothLists> {
  const quantity = await lists.wishlist.quantityOf(userId, itemId);
  if (quantity === undefined) throw notFound('itemId', `${itemId} is not on your wishlist`);
  // Sums with a line already in the cart, as any add does (a 409 over the line limit leaves both lists as they were).
  const cart = await lists.cart.add(userId, itemId, quantity);
  return { cart, wishlist: await lists.wishlist.remove(userId, itemId) };
}

export async function moveToWishlist(
  lists: { cart: CartService; wishlist: WishlistService },
  userId: string,
  itemId: string,
): Promise<BothLists> {
  const line = (await lists.cart.get(userId)).lines.find((l) => l.itemId === itemId);
  if (!line) throw notFound('itemId', `${itemId} is not in your cart`);
  const wishlist = await lists.wishlist.add(userId, itemId, line.quantity);
  return { wishlist, cart: await lists.cart.remove(userId, itemId) };
}
