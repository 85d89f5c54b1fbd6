// Checkout through the HTTP API with an injected clock: no oversell under 200 concurrent buyers, retries
// answered with the first order, declined and unanswered payments giving stock back, late and duplicate
// callbacks, a failure after every step undone, and a crash mid-checkout cleaned up by the sweep.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoItems } from '../../ingest/demo/items.ts';
import { fakeClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { silentLogger } from '../../platform/logger.ts';
import { step, type Step } from '../../platform/saga/saga.ts';
import { createShop } from '../../app/shop.ts';
import type { CheckoutContext } from '../../serving/orders/checkout/checkout-context.ts';
import type { Order } from '../../serving/orders/order.ts';
import { openTestEvents } from '../support/events.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';
import { waitFor } from '../support/wait-for.ts';

const WAREHOUSE = 'wh-01-newark';
const clock = fakeClock(Date.now());
/** When set, the checkout fails (or hangs) right after the step with this id. */
let interrupt: { after: string; hang?: boolean } | undefined;

const withInterruption = (steps: Step<CheckoutContext>[]) =>
  steps.flatMap((s) => [
    s,
    step<CheckoutContext, undefined>(
      `interrupt-after-${s.id}`,
      () => {
        if (interrupt?.after !== s.id) return Promise.resolve(undefined);
        return interrupt.hang
          ? new Promise<undefined>(() => undefined)
          : Promise.reject(new Error(`injected failure after ${s.id}`));
      },
      () => Promise.resolve(),
    ),
  ]);

describe('checkout', () => {
  let t: TestShop;
  const items = [...demoItems({ seed: 9, count: 40 })]
    .filter((i) => !['televisions', 'refrigerators', 'furniture', 'dairy'].includes(i.category))
    .slice(0, 8);
  const shoppers: { userId: string; token: string }[] = [];
  const stockOf = async (itemId: string) =>
    (
      (await t.api('GET', `/inventory/${itemId}`, undefined, await t.staff())).body as {
        levels: { warehouseId: string; available: number }[];
      }
    ).levels.find((l) => l.warehouseId === WAREHOUSE)?.available;
  const setStock = async (itemId: string, available: number) =>
    t.api('PUT', `/inventory/${itemId}/warehouses/${WAREHOUSE}`, { available }, await t.staff());
  const checkout = (
    shopper: { userId: string; token: string },
    itemId: string,
    method = 'pay_success',
    key: string = randomUUID(),
  ) => {
    // Each checkout a millisecond after the last, so "newest first" has one answer.
    clock.advance(1);
    return t.api(
      'POST',
      `/users/${shopper.userId}/orders`,
      { lines: [{ itemId, quantity: 1 }], payment: { method } },
      shopper.token,
      { 'idempotency-key': key },
    );
  };
  const orderOf = (res: { body: unknown }) => (res.body as { order: Order }).order;

  beforeAll(async () => {
    t = await openTestShop({}, { clock, checkoutSteps: withInterruption });
    for (const item of items)
      await t.api('PUT', `/items/${item.itemId}`, { ...item, itemId: undefined }, await t.staff());
    for (let i = 0; i < 20; i++) {
      const shopper = (
        await t.api('POST', '/users', { email: `buyer-${i}@example.com`, password: 'checkout!', name: `Buyer ${i}` })
      ).body as { userId: string; token: string };
      await t.api(
        'POST',
        `/users/${shopper.userId}/addresses`,
        { line1: '1 River St', city: 'Hoboken', state: 'NJ', pincode: '07030' },
        shopper.token,
      );
      shoppers.push(shopper);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('sells 10 units to exactly 10 of 200 concurrent buyers; the other 190 are told the item is out of stock', async () => {
    const item = items[0]!.itemId;
    await setStock(item, 10);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => checkout(shoppers[i % shoppers.length]!, item)),
    );
    expect(answers.filter((a) => a.status === 201).map((a) => orderOf(a).status)).toEqual(
      Array.from({ length: 10 }, () => 'PLACED'),
    );
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(190);
    expect(refused[0]!.body).toEqual({
      code: 'out_of_stock',
      field: 'lines[0].itemId',
      message: expect.stringContaining(item) as string,
    });
    expect(await stockOf(item)).toBe(0);
  });

  it('answers a retried checkout with the first order and takes the stock once', async () => {
    const item = items[1]!.itemId;
    await setStock(item, 5);
    const key = randomUUID();
    const first = await checkout(shoppers[0]!, item, 'pay_success', key);
    const again = await checkout(shoppers[0]!, item, 'pay_success', key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(orderOf(again).orderId).toBe(orderOf(first).orderId);
    expect(await stockOf(item)).toBe(4);
  });

  it('answers a retried checkout of the cart with the first order, though that order took the lines out of the cart', async () => {
    const item = items[1]!.itemId;
    await setStock(item, 5);
    const shopper = shoppers[10]!;
    await t.api('POST', `/users/${shopper.userId}/cart/items`, { itemId: item, quantity: 2 }, shopper.token);
    const key = randomUUID();
    const payCart = () =>
      t.api('POST', `/users/${shopper.userId}/orders`, { payment: { method: 'pay_success' } }, shopper.token, {
        'idempotency-key': key,
      });
    const first = await payCart();
    expect(
      ((await t.api('GET', `/users/${shopper.userId}/cart`, undefined, shopper.token)).body as { lines: unknown[] })
        .lines,
    ).toEqual([]);
    const again = await payCart();
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(orderOf(again)).toEqual(orderOf(first));
    expect(await stockOf(item)).toBe(3);
  });

  it('cancels on a declined payment and gives the stock back', async () => {
    const item = items[2]!.itemId;
    await setStock(item, 1);
    const res = await checkout(shoppers[1]!, item, 'pay_decline');
    expect(res.status).toBe(402);
    expect(res.body).toMatchObject({ code: 'payment_declined', field: 'payment.method' });
    expect(await stockOf(item)).toBe(1);
    const [order] = (
      (await t.api('GET', `/users/${shoppers[1]!.userId}/orders?limit=1`, undefined, shoppers[1]!.token)).body as {
        orders: Order[];
      }
    ).orders;
    expect(order).toMatchObject({ status: 'CANCELLED', cancelReason: 'payment_failed' });
  });

  it('holds stock while the payment does not answer, and releases it when the order expires', async () => {
    const item = items[3]!.itemId;
    await setStock(item, 1);
    const res = await checkout(shoppers[2]!, item, 'pay_no_answer');
    expect(res.status).toBe(202);
    expect(await stockOf(item)).toBe(0);
    clock.set(orderOf(res).expiresAt - 1);
    await t.shop.orders.expiry.sweep();
    expect(await stockOf(item)).toBe(0);
    clock.set(orderOf(res).expiresAt);
    expect(await t.shop.orders.expiry.sweep()).toMatchObject({ expired: 1 });
    expect(await stockOf(item)).toBe(1);
    const after = await t.api(
      'GET',
      `/users/${shoppers[2]!.userId}/orders/${orderOf(res).orderId}`,
      undefined,
      shoppers[2]!.token,
    );
    expect(orderOf(after)).toMatchObject({ status: 'CANCELLED', cancelReason: 'expired' });
  });

  const callback = (order: Order, status: 'succeeded' | 'failed', signed = true) => {
    const body = JSON.stringify({
      paymentId: `sim-${order.orderId}`,
      orderId: order.orderId,
      status,
      ...(status === 'succeeded' ? { amountMinor: order.totalMinor } : { reason: 'declined late' }),
    });
    return t.shop.http.request('/api/payments/callbacks', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-payment-signature': signed ? t.shop.orders.gateway.sign(body) : 'ab'.repeat(32),
      },
      body,
    });
  };

  it('keeps an expiry trigger for an unpaid order only: none is left once the order is placed or declined', async () => {
    const item = items[6]!.itemId;
    await setStock(item, 5);
    const before = await t.shop.orders.expiry.armed();
    expect((await checkout(shoppers[5]!, item)).status).toBe(201);
    expect((await checkout(shoppers[5]!, item, 'pay_decline')).status).toBe(402);
    expect(await t.shop.orders.expiry.armed()).toBe(before);
    const unpaid = orderOf(await checkout(shoppers[5]!, item, 'pay_no_answer'));
    expect(await t.shop.orders.expiry.armed()).toBe(before + 1);
    expect((await callback(unpaid, 'succeeded')).status).toBe(200);
    expect(await t.shop.orders.expiry.armed()).toBe(before);
  });

  it('applies a payment callback once however often it comes, and refuses an unsigned one', async () => {
    const item = items[4]!.itemId;
    await setStock(item, 2);
    const order = orderOf(await checkout(shoppers[3]!, item, 'pay_no_answer'));
    expect((await callback(order, 'succeeded', false)).status).toBe(401);
    const first = (await (await callback(order, 'succeeded')).json()) as { order: Order; duplicate: boolean };
    const second = (await (await callback(order, 'succeeded')).json()) as { order: Order; duplicate: boolean };
    expect(first).toMatchObject({ duplicate: false, order: { status: 'PLACED' } });
    expect(second).toMatchObject({ duplicate: true, order: { status: 'PLACED' } });
    expect(await stockOf(item)).toBe(1);
    const reader = await openTestEvents(t.config.dataDir);
    try {
      await waitFor('the payment event', async () =>
        (await reader.readTopic('payments')).some((e) => e.orderId === order.orderId),
      );
      expect(
        (await reader.readTopic('payments')).filter(
          (e) => e.orderId === order.orderId && e.type === 'PaymentSucceeded',
        ),
      ).toHaveLength(1);
    } finally {
      await reader.close();
    }
  });

  it('places an order paid after its expiry if the stock is still there, and refunds it when it is not', async () => {
    const item = items[5]!.itemId;
    await setStock(item, 1);
    const lucky = orderOf(await checkout(shoppers[4]!, item, 'pay_no_answer'));
    clock.set(lucky.expiresAt);
    await t.shop.orders.expiry.sweep();
    expect(((await (await callback(lucky, 'succeeded')).json()) as { order: Order }).order.status).toBe('PLACED');
    expect(await stockOf(item)).toBe(0);

    await setStock(item, 1);
    const unlucky = orderOf(await checkout(shoppers[5]!, item, 'pay_no_answer'));
    clock.set(unlucky.expiresAt);
    await t.shop.orders.expiry.sweep();
    expect((await checkout(shoppers[6]!, item)).status).toBe(201);
    expect(((await (await callback(unlucky, 'succeeded')).json()) as { order: Order }).order.status).toBe('CANCELLED');
    expect(await t.shop.orders.expiry.sweep()).toMatchObject({ refunded: 1 });
    expect(t.shop.orders.gateway.refunds.get(`sim-${unlucky.orderId}`)).toBe(unlucky.totalMinor);
    const notifications = path.join(t.config.dataDir, 'notifications.jsonl');
    await waitFor(
      'the refund notification',
      () => fs.existsSync(notifications) && fs.readFileSync(notifications, 'utf8').includes('payment_refunded'),
    );
  });

  it.each(['create-order', 'arm-expiry', 'take-payment', 'place-order'])(
    'leaves stock, order and payment consistent when the checkout fails right after %s',
    async (after) => {
      const item = items[6]!.itemId;
      await setStock(item, 3);
      interrupt = { after };
      const res = await checkout(shoppers[7]!, item).finally(() => (interrupt = undefined));
      expect(res.status).toBe(500);
      const [order] = (
        (await t.api('GET', `/users/${shoppers[7]!.userId}/orders?limit=1`, undefined, shoppers[7]!.token)).body as {
          orders: Order[];
        }
      ).orders;
      const refunded = order?.paymentId ? t.shop.orders.gateway.refunds.has(order.paymentId) : false;
      if (after === 'place-order') {
        // Placed before the failure: it stands, paid, with its stock held; nothing is refunded.
        expect(order).toMatchObject({ status: 'PLACED' });
        expect(await stockOf(item)).toBe(2);
        expect(refunded).toBe(false);
      } else {
        expect(order).toMatchObject({ status: 'CANCELLED', cancelReason: 'checkout_failed' });
        expect(await stockOf(item)).toBe(3);
        if (after === 'take-payment') expect(t.shop.orders.gateway.refunds.has(`sim-${order!.orderId}`)).toBe(true);
      }
    },
  );

  it('places, rather than expires, an order whose captured payment never reached it', async () => {
    const item = items[7]!.itemId;
    const shopper = shoppers[9]!;
    await setStock(item, 1);
    const latest = async () =>
      (
        (await t.api('GET', `/users/${shopper.userId}/orders?limit=1`, undefined, shopper.token)).body as {
          orders: Order[];
        }
      ).orders[0];
    const before = (await latest())?.orderId;
    // The gateway captures the money, then this checkout never goes on: the answer is lost.
    interrupt = { after: 'take-payment', hang: true };
    void checkout(shopper, item);
    try {
      await waitFor('the payment to be captured', async () => {
        const pending = await latest();
        return (
          pending !== undefined &&
          pending.orderId !== before &&
          (await t.shop.orders.gateway.lookup(pending.orderId)) !== undefined
        );
      });
    } finally {
      interrupt = undefined;
    }
    const order = await latest();
    expect(order).toMatchObject({ status: 'CREATED' });
    clock.set(order!.expiresAt);
    expect(await t.shop.orders.expiry.sweep()).toMatchObject({ expired: 0 });
    const after = await t.api('GET', `/users/${shopper.userId}/orders/${order!.orderId}`, undefined, shopper.token);
    expect(orderOf(after)).toMatchObject({ status: 'PLACED', paymentId: `sim-${order!.orderId}` });
    expect(await stockOf(item)).toBe(0);
  });

  it('gives back the stock of a checkout killed midway once the restarted shop sweeps', async () => {
    const item = items[7]!.itemId;
    await setStock(item, 2);
    interrupt = { after: 'create-order', hang: true };
    void checkout(shoppers[8]!, item);
    await waitFor('the stock to be held', async () => (await stockOf(item)) === 1);
    // The process dies here: nothing after the hold runs, no compensation, no expiry trigger.
    await t.shop.close();
    interrupt = undefined;
    clock.advance(t.config.orders.paymentWindowMs);
    const restarted = await createShop(loadConfig({ EMPORIUM_DATA_DIR: t.config.dataDir, EMPORIUM_DEMO_ITEMS: '0' }), {
      logger: silentLogger,
      clock,
    });
    await restarted.start();
    t.shop = restarted;
    expect(await stockOf(item)).toBe(2);
  });
});
