// Pieces several pages share: an item's picture or placeholder, its card, the delivery promise, notices.
import type { Child } from 'hono/jsx';
import { attributeName, categoryName, money, promiseDay, promiseWindow, warehousePlace } from './format.ts';

/** The item's picture over a placeholder of its category's initial, so a missing or broken picture still looks intended. */
export function Picture(props: { imageUrl: string | null; category: string; size?: 'small' | 'large' }) {
  const name = categoryName(props.category);
  return (
    <div class={`picture ${props.size ?? ''} cat-${hue(props.category)}`} aria-hidden="true">
      <span class="initial">{name.charAt(0)}</span>
      {/* A picture that fails to load leaves the placeholder, rather than a broken-image icon. */}
      {props.imageUrl ? (
        <img src={props.imageUrl} alt="" loading="lazy" width={320} height={320} onerror="this.remove()" />
      ) : null}
    </div>
  );
}

/** One of eight placeholder tints, the same for a category every time. */
function hue(category: string): number {
  let h = 0;
  for (const ch of category) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 8;
}

export interface Promised {
  deliverBy: string;
  window: { from: string; to: string };
  warehouseId: string;
}

export function DeliveryPromise(props: { promise: Promised; long?: boolean }) {
  const { promise } = props;
  return (
    <p class="promise">
      <span class="arrives">Arrives {promiseDay(promise.deliverBy)}</span>
      {props.long ? <> between {promiseWindow(promise.window)}</> : null}
      <span class="from"> · ships from {warehousePlace(promise.warehouseId)}</span>
    </p>
  );
}

export interface CardItem extends Promised {
  itemId: string;
  name: string;
  brand: string;
  category: string;
  priceMinor: number;
  currency: string;
  imageUrl: string | null;
}

export function ItemCard(props: { item: CardItem; signedIn: boolean }) {
  const { item } = props;
  return (
    <li class="card">
      <a href={`/item/${encodeURIComponent(item.itemId)}`} class="card-link">
        <Picture imageUrl={item.imageUrl} category={item.category} />
        <span class="card-name">{item.name}</span>
      </a>
      <p class="brand-line">{item.brand}</p>
      <p class="price">{money(item.priceMinor, item.currency)}</p>
      <DeliveryPromise promise={item} />
      <AddToCart itemId={item.itemId} signedIn={props.signedIn} compact />
    </li>
  );
}

/** Adds to the cart; a visitor is sent to sign in first and brought back. */
export function AddToCart(props: { itemId: string; signedIn: boolean; compact?: boolean; quantity?: boolean }) {
  return (
    <form method="post" action="/cart/add" class={props.compact ? 'add compact' : 'add'}>
      <input type="hidden" name="itemId" value={props.itemId} />
      {props.quantity ? (
        <>
          <label for="quantity">Quantity</label>
          <input id="quantity" name="quantity" type="number" min={1} max={99} value="1" inputmode="numeric" />
        </>
      ) : null}
      <button type="submit">{props.signedIn ? 'Add to cart' : 'Sign in to buy'}</button>
    </form>
  );
}

export function Notice(props: { kind?: 'info' | 'error' | 'success'; children: Child }) {
  const kind = props.kind ?? 'info';
  return (
    <div class={`notice ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

/** What a section shows while its data does not exist yet: said plainly, never filled with made-up items. */
export function EmptyState(props: { title: string; children: Child }) {
  return (
    <div class="empty">
      <p class="empty-title">{props.title}</p>
      <p>{props.children}</p>
    </div>
  );
}

/** The API's problem as a sentence: "Password must be at least 8 characters". */
export function problemText(problem: { field: string | null; message: string }): string {
  if (!problem.field || !/^[a-z]/.test(problem.message)) return problem.message;
  const field = problem.field.split('.').pop()!;
  return `${attributeName(field)} ${problem.message}`;
}
