// The storefront's cookies: the shopper's token (HttpOnly, SameSite=Lax), the visitor's pincode, and the
// items lately viewed. The API checks the token on every call, so a cookie altered by hand gains nothing.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import type { Session } from './shop-api.ts';

const SESSION = 'emporium_session';
const PINCODE = 'emporium_pincode';
const VIEWED = 'emporium_viewed';
const WEEK_S = 7 * 24 * 3600;
const VIEWED_KEPT = 8;

const options = (c: Context, maxAge: number): CookieOptions => ({
  path: '/',
  httpOnly: true,
  sameSite: 'Lax',
  // Secure only over https: browsers keep Secure cookies from http://localhost, but not from other plain hosts.
  secure: new URL(c.req.url).protocol === 'https:',
  maxAge,
});

export function sessionOf(c: Context): Session | undefined {
  const value = getCookie(c, SESSION);
  const at = value?.indexOf(':') ?? -1;
  if (!value || at <= 0) return undefined;
  return { userId: value.slice(0, at), token: value.slice(at + 1) };
}

export const startSession = (c: Context, session: Session) =>
  setCookie(c, SESSION, `${session.userId}:${session.token}`, options(c, WEEK_S));

export const endSession = (c: Context) => deleteCookie(c, SESSION, { path: '/' });

/** The pincode a visitor chose (a signed-in shopper may choose one too; it wins over their default address). */
export function chosenPincode(c: Context): string | undefined {
  const value = getCookie(c, PINCODE);
  return value && /^\d{5}$/.test(value) ? value : undefined;
}

export const choosePincode = (c: Context, pincode: string) =>
  setCookie(c, PINCODE, pincode, options(c, 365 * 24 * 3600));

/** Item ids lately viewed, newest first. */
export function viewedItems(c: Context): string[] {
  return (getCookie(c, VIEWED) ?? '')
    .split(',')
    .filter((id) => /^[\w.-]{1,64}$/.test(id))
    .slice(0, VIEWED_KEPT);
}

export function noteViewed(c: Context, itemId: string): void {
  if (!/^[\w.-]{1,64}$/.test(itemId)) return;
  const ids = [itemId, ...viewedItems(c).filter((id) => id !== itemId)].slice(0, VIEWED_KEPT);
  setCookie(c, VIEWED, ids.join(','), options(c, 30 * 24 * 3600));
}

/** A path to return to after signing in: only a path on this site, never another origin. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/** A form field's text: empty when it is missing or a file. */
export function formText(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}
