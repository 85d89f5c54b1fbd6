// A supplier gives its contact details with its own API key, and its new-order notice goes there.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoItems } from '../../ingest/demo/items.ts';
import type { Notification } from '../../serving/orders/notifications/notifier.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';
import { waitFor } from '../support/wait-for.ts';

describe("a supplier's contact details", () => {
  let t: TestShop;
  const item = [...demoItems({ seed: 9, count: 30 })].find((i) => i.category === 'shirts')!;
  const contactOf = (supplierId: string) => `/suppliers/${supplierId}/contact`;

  beforeAll(async () => {
    t = await openTestShop();
    await t.stock(item, 5);
  });
  afterAll(async () => {
    await t.close();
  });

  it('are set and read with its own key or by staff, never by another supplier, and checked field by field', async () => {
    const key = await t.supplierKey(item.supplierId);
    expect((await t.api('GET', contactOf(item.supplierId), undefined, key)).body).toEqual({ email: null, phone: null });
    const contact = { email: 'orders@seller.example', phone: '+1 201 555 0100' };
    expect(await t.api('PUT', contactOf(item.supplierId), contact, key)).toMatchObject({ status: 200, body: contact });
    expect((await t.api('GET', contactOf(item.supplierId), undefined, await t.staff())).body).toEqual(contact);
    const other = await t.supplierKey('sup-someone-else');
    expect(await t.api('PUT', contactOf(item.supplierId), contact, other)).toMatchObject({
      status: 403,
      body: { field: 'supplierId' },
    });
    expect(await t.api('PUT', contactOf(item.supplierId), { email: 'not an address', phone: null }, key)).toMatchObject(
      { status: 400, body: { field: 'email' } },
    );
    expect((await t.api('GET', contactOf(item.supplierId), undefined, key)).body).toEqual(contact);
  });

  it("sends the seller's new-order notice to its email address and phone", async () => {
    const ann = await t.shopper('ann');
    const placed = await t.api(
      'POST',
      `/users/${ann.userId}/orders`,
      { lines: [{ itemId: item.itemId, quantity: 1 }], payment: { method: 'pay_success' } },
      ann.token,
      { 'idempotency-key': randomUUID() },
    );
    expect(placed.status).toBe(201);
    const file = path.join(t.config.dataDir, 'notifications.jsonl');
    const toSeller = () =>
      (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n') : [])
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Notification)
        .filter((n) => n.recipient.kind === 'seller' && n.template === 'seller_new_order');
    await waitFor('the seller told of the order', () => toSeller().length === 2);
    expect(
      toSeller()
        .map((n) => [n.channel, n.to])
        .sort(),
    ).toEqual([
      ['email', 'orders@seller.example'],
      ['sms', '+1 201 555 0100'],
    ]);
  });
});
