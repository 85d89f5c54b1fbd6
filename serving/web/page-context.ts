// What every storefront handler gets: the API as this visitor, and the header's facts about them.
import type { Context } from 'hono';
import type { Chrome } from './layout.tsx';
import { chosenPincode } from './session.ts';
import type { ShopApi } from './shop-api.ts';
import type { User } from '../users/user.ts';

export interface WebEnv {
  Variables: { api: ShopApi };
}

export type WebContext = Context<WebEnv>;

export interface Visitor {
  chrome: Chrome;
  /** The signed-in shopper's profile and addresses. */
  user?: User;
}

/** The header's facts: who is signed in, the cart's size, and the pincode deliveries are promised for. */
export async function visitorOf(c: WebContext, query?: string): Promise<Visitor> {
  const api = c.get('api');
  const url = new URL(c.req.url);
  const here = `${url.pathname}${url.search}`;
  const chosen = chosenPincode(c);
  if (!api.session) return { chrome: { here, signedIn: false, pincode: chosen, pincodeFrom: 'chosen', query } };
  const [user, cart] = await Promise.all([api.user(), api.cart()]);
  const profile = user.ok ? user.body : undefined;
  const fromAddress = profile?.addresses.find((a) => a.addressId === profile.defaultAddressId)?.pincode;
  return {
    user: profile,
    chrome: {
      here,
      signedIn: true,
      name: profile?.name,
      pincode: chosen ?? fromAddress,
      pincodeFrom: chosen ? 'chosen' : 'address',
      cartCount: cart.ok ? cart.body.itemCount : undefined,
      query,
    },
  };
}
