// The storefront's way into the shop: the public HTTP API, called in process, as the signed-in shopper.
// Pages go through the same routes (validation, roles, throttling) as any other client, never the stores.
import type { ListView } from '../cart/list-view.ts';
import type { Item } from '../catalog/item.ts';
import type { Order } from '../orders/order.ts';
import type { Recommendations } from '../recommendations/recommendation-service.ts';
import type { SearchAnswer } from '../search/search-service.ts';
import type { Reach } from '../serviceability/serviceability-service.ts';
import type { User } from '../users/user.ts';

/** Orders per page of the storefront's orders list. */
export const ORDERS_PAGE = 20;

/** Calls the shop's HTTP app; `env` is the page request's, so the API sees the same client connection. */
export type ApiCall = (path: string, init: RequestInit, env?: unknown) => Promise<Response>;

export interface Problem {
  code: string;
  field: string | null;
  message: string;
}

/** An answer: its status, and either the body or the problem the API named. */
export type Answer<T> = { ok: true; status: number; body: T } | { ok: false; status: number; problem: Problem };

export interface Session {
  userId: string;
  token: string;
}

export interface Suggestion {
  itemId: string;
  name: string;
  category: string;
}

export type CheckoutAnswer = Answer<{ order: Order }>;

/** The API answered 401 to a signed-in shopper: the token has expired or was revoked. */
export class SignedOut extends Error {}

export class ShopApi {
  constructor(
    private readonly call: ApiCall,
    readonly session: Session | undefined,
    private readonly env?: unknown,
  ) {}

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const res = await this.call(
      `/api${path}`,
      {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(this.session ? { authorization: `Bearer ${this.session.token}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      this.env,
    );
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as unknown) : null;
    if (res.ok) return { ok: true, status: res.status, body: parsed as T };
    if (res.status === 401 && this.session) throw new SignedOut();
    return { ok: false, status: res.status, problem: parsed as Problem };
  }

  /** The API's answer as it comes, for streams: the caller reads (and ends) the body. */
  raw(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const auth: Record<string, string> = this.session ? { authorization: `Bearer ${this.session.token}` } : {};
    return this.call(`/api${path}`, { method: 'GET', headers: { ...auth, ...headers } }, this.env);
  }

  private get me(): string {
    if (!this.session) throw new SignedOut();
    return `/users/${encodeURIComponent(this.session.userId)}`;
  }

  signUp = (input: { email: string; password: string; name: string }) => this.request<Session>('POST', '/users', input);
  signIn = (input: { email: string; password: string }) => this.request<Session>('POST', '/sessions', input);
  user = () => this.request<User>('GET', this.me);
  addAddress = (address: Record<string, unknown>) =>
    this.request<{ user: User }>('POST', `${this.me}/addresses`, address);

  search = (query: URLSearchParams) => this.request<SearchAnswer>('GET', `/search?${query.toString()}`);
  suggestions = (query: URLSearchParams) =>
    this.request<{ suggestions: Suggestion[] }>('GET', `/search/suggestions?${query.toString()}`);
  item = (itemId: string) => this.request<Item>('GET', `/items/${encodeURIComponent(itemId)}`);
  items = (itemIds: string[]) =>
    this.request<{ items: Item[]; missing: string[] }>('POST', '/items/batch-get', { ids: itemIds });
  viewed = (itemId: string) => this.request<null>('POST', `/items/${encodeURIComponent(itemId)}/views`);
  reach = (pincode: string, itemIds: string[]) =>
    this.request<{ pincode: string; items: Reach[] }>(
      'GET',
      `/serviceability?${new URLSearchParams({ pincode, itemIds: itemIds.join(',') }).toString()}`,
    );

  cart = () => this.request<ListView>('GET', `${this.me}/cart`);
  addToCart = (itemId: string, quantity: number) =>
    this.request<ListView>('POST', `${this.me}/cart/items`, { itemId, quantity });
  setQuantity = (itemId: string, quantity: number) =>
    this.request<ListView>('PATCH', `${this.me}/cart/items/${encodeURIComponent(itemId)}`, { quantity });
  removeFromCart = (itemId: string) =>
    this.request<ListView>('DELETE', `${this.me}/cart/items/${encodeURIComponent(itemId)}`);
  moveToWishlist = (itemId: string) =>
    this.request<unknown>('POST', `${this.me}/cart/items/${encodeURIComponent(itemId)}/move-to-wishlist`);

  wishlist = () => this.request<ListView>('GET', `${this.me}/wishlist`);
  addToWishlist = (itemId: string) => this.request<ListView>('POST', `${this.me}/wishlist/items`, { itemId });
  removeFromWishlist = (itemId: string) =>
    this.request<ListView>('DELETE', `${this.me}/wishlist/items/${encodeURIComponent(itemId)}`);
  moveToCart = (itemId: string) =>
    this.request<unknown>('POST', `${this.me}/wishlist/items/${encodeURIComponent(itemId)}/move-to-cart`);

  checkout = (input: { addressId: string; paymentMethod: string; key: string }): Promise<CheckoutAnswer> =>
    this.request(
      'POST',
      `${this.me}/orders`,
      { addressId: input.addressId, payment: { method: input.paymentMethod } },
      {
        'idempotency-key': input.key,
      },
    );
  /** The shopper's own recommendations, overall or in one category, deliverable to the pincode. */
  recommendations = (pincode: string, category?: string, limit = 8) =>
    this.request<Recommendations>('GET', `${this.me}/recommendations?${listQuery(pincode, category, limit)}`);
  popular = (pincode: string, category?: string, limit = 8) =>
    this.request<Recommendations>('GET', `/recommendations/popular?${listQuery(pincode, category, limit)}`);
  similar = (itemId: string, pincode: string, limit = 6) =>
    this.request<Recommendations>(
      'GET',
      `/items/${encodeURIComponent(itemId)}/similar?${listQuery(pincode, undefined, limit)}`,
    );
  /** Whether the live reports answer this visitor: 401 or 403 for anyone but staff, 503 before the first report. */
  reportsAccess = () => this.request<unknown>('GET', '/reports/top-items?limit=1');
  /** A page of the shopper's orders, newest first; `cursor` is the previous page's `nextCursor`. */
  orders = (cursor?: string) =>
    this.request<{ orders: Order[]; nextCursor: string | null }>(
      'GET',
      `${this.me}/orders?limit=${ORDERS_PAGE}${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
    );
  order = (orderId: string) =>
    this.request<{ order: Order }>('GET', `${this.me}/orders/${encodeURIComponent(orderId)}`);
}

const listQuery = (pincode: string, category: string | undefined, limit: number) =>
  new URLSearchParams({ pincode, limit: String(limit), ...(category ? { category } : {}) }).toString();
