// A gentle stream of demo shoppers through the shop's own HTTP API, so `npm start` shows the live reports moving.
import type { Lifecycle } from '../../platform/lifecycle.ts';
import type { Logger } from '../../platform/logger.ts';
import { demoItem, demoItemId } from './items.ts';
import { randomFor } from './random.ts';
import { DEMO_PASSWORD, demoUser } from './users.ts';

type Request = (path: string, init?: RequestInit) => Response | Promise<Response>;

interface Shopper {
  userId: string;
  token: string;
}

const SHOPPERS = 12;

/**
 * About `perSecond` actions a second, each a request as a browser would send it: mostly product views
 * and searches, then wishlist and cart adds, now and then a checkout (the simulated gateway pays).
 * Popular items are viewed far more than others. Demo data only: the composition root hands it in.
 */
export function liveDemoTraffic(deps: {
  request: Request;
  seed: number;
  items: number;
  perSecond: number;
  logger: Logger;
}): Lifecycle {
  const r = randomFor(deps.seed, 7, 0);
  const shoppers: Shopper[] = [];
  let timer: NodeJS.Timeout | undefined;
  let busy = false;
  let failures = 0;
  const call = async (method: string, path: string, body?: unknown, shopper?: Shopper, key?: string) => {
    const res = await deps.request(`/api${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(shopper ? { authorization: `Bearer ${shopper.token}` } : {}),
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json().catch((): unknown => null) };
  };
  const item = () => Math.floor(deps.items * r.next() ** 3);
  const shopperFor = async (): Promise<Shopper> => {
    if (shoppers.length >= SHOPPERS) return r.pick(shoppers);
    const index = shoppers.length;
    const user = demoUser(deps.seed, 100_000 + index);
    const email = `live.${deps.seed}.${index}@demo.emporium.example`;
    let res = await call('POST', '/users', { email, password: DEMO_PASSWORD, name: user.name });
    if (res.status === 409) res = await call('POST', '/sessions', { email, password: DEMO_PASSWORD });
    const shopper = res.body as Shopper;
    const { label: _label, isDefault: _default, ...address } = user.addresses[0]!;
    await call('POST', `/users/${shopper.userId}/addresses`, address, shopper);
    shoppers.push(shopper);
    return shopper;
  };
  const act = async () => {
    const roll = r.next();
    const itemId = demoItemId(item());
    if (roll < 0.55) return call('POST', `/items/${itemId}/views`);
    if (roll < 0.75) {
      const words = demoItem(deps.seed, item()).name.split(' ');
      const shopper = await shopperFor();
      return call('GET', `/search?q=${encodeURIComponent(words.slice(0, 2).join(' '))}`, undefined, shopper);
    }
    const shopper = await shopperFor();
    if (roll < 0.85) return call('POST', `/users/${shopper.userId}/wishlist/items`, { itemId }, shopper);
    if (roll < 0.87) return call('DELETE', `/users/${shopper.userId}/wishlist/items/${itemId}`, undefined, shopper);
    if (roll < 0.96)
      return call('POST', `/users/${shopper.userId}/cart/items`, { itemId, quantity: r.int(1, 2) }, shopper);
    return call(
      'POST',
      `/users/${shopper.userId}/orders`,
      { lines: [{ itemId, quantity: 1 }], payment: { method: r.chance(0.9) ? 'pay_success' : 'pay_decline' } },
      shopper,
      `live-${Date.now()}-${r.int(0, 1e9)}`,
    );
  };
  return {
    start() {
      if (deps.perSecond <= 0 || deps.items <= 0) return Promise.resolve();
      timer = setInterval(() => {
        if (busy) return;
        busy = true;
        act()
          .then((res) => {
            if (res.status >= 500 && ++failures % 100 === 1)
              deps.logger.warn({ status: res.status, body: res.body }, 'demo traffic: a request failed');
          })
          .catch((error: unknown) => {
            if (++failures % 100 === 1) deps.logger.warn({ err: error }, 'demo traffic: a request failed');
          })
          .finally(() => (busy = false));
      }, 1000 / deps.perSecond);
      timer.unref();
      return Promise.resolve();
    },
    close() {
      clearInterval(timer);
      return Promise.resolve();
    },
  };
}
