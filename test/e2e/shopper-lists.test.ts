// Shoppers through the HTTP API: accounts and tokens, their own cart and wishlist only, and the events they leave.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoItems } from '../../ingest/demo/items.ts';
import { openTestEvents, type TestEvents } from '../support/events.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';
import { waitFor } from '../support/wait-for.ts';

interface Shopper {
  userId: string;
  token: string;
}
interface View {
  lines: { itemId: string; quantity: number; lineTotalMinor: number; item: { priceMinor: number } | null }[];
  itemCount: number;
  subtotalMinor: number;
}

describe('shoppers, carts and wishlists over HTTP', () => {
  let t: TestShop;
  let reader: TestEvents;
  let ann: Shopper;
  let bob: Shopper;
  const [shirt, tv] = [...demoItems({ seed: 7, count: 2 })];

  const register = async (name: string) => {
    const res = await t.api('POST', '/users', { email: `${name}@example.com`, password: 'correct horse', name });
    expect(res.status).toBe(201);
    return res.body as Shopper;
  };

  beforeAll(async () => {
    t = await openTestShop();
    for (const item of [shirt!, tv!])
      expect(
        (await t.api('PUT', `/items/${item.itemId}`, { ...item, itemId: undefined }, await t.staff())).status,
      ).toBe(201);
    ann = await register('ann');
    bob = await register('bob');
    reader = await openTestEvents(t.config.dataDir);
  });
  afterAll(async () => {
    await reader.close();
    await t.close();
  });

  it('signs a shopper in by email and password, and refuses a wrong password without saying which part was wrong', async () => {
    const ok = await t.api('POST', '/sessions', { email: 'ANN@example.com', password: 'correct horse' });
    expect(ok).toMatchObject({ status: 200, body: { userId: ann.userId } });
    const wrong = await t.api('POST', '/sessions', { email: 'ann@example.com', password: 'wrong horse' });
    expect(wrong).toMatchObject({ status: 401, body: { code: 'unauthenticated', message: 'wrong email or password' } });
    const taken = await t.api('POST', '/users', { email: 'ann@example.com', password: 'another one', name: 'Ann 2' });
    expect(taken).toMatchObject({ status: 409, body: { field: 'email' } });
  });

  it('keeps the first address as default and serves the profile only to its owner', async () => {
    const added = await t.api(
      'POST',
      `/users/${ann.userId}/addresses`,
      { line1: '1 Main St', city: 'Newark', state: 'NJ', pincode: '07102' },
      ann.token,
    );
    expect(added).toMatchObject({ status: 201, body: { user: { addresses: [{ pincode: '07102' }] } } });
    const { address } = added.body as { address: { addressId: string } };
    expect((await t.api('GET', `/users/${ann.userId}`, undefined, ann.token)).body).toMatchObject({
      defaultAddressId: address.addressId,
    });
    expect((await t.api('GET', `/users/${ann.userId}`, undefined, bob.token)).status).toBe(403);
    expect((await t.api('GET', `/users/${ann.userId}`)).status).toBe(401);
    expect((await t.api('GET', `/users/${ann.userId}`, undefined, `${ann.token}x`)).status).toBe(401);
  });

  it('sums concurrent adds of one item and prices the cart from the catalog', async () => {
    const adds = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.api('POST', `/users/${ann.userId}/cart/items`, { itemId: shirt!.itemId, quantity: 2 }, ann.token),
      ),
    );
    expect(adds.map((a) => a.status)).toEqual(Array(10).fill(200));
    await t.api('POST', `/users/${ann.userId}/cart/items`, { itemId: tv!.itemId }, ann.token);
    const cart = (await t.api('GET', `/users/${ann.userId}/cart`, undefined, ann.token)).body as View;
    expect(cart.lines.map((l) => [l.itemId, l.quantity])).toEqual([
      [shirt!.itemId, 20],
      [tv!.itemId, 1],
    ]);
    expect(cart.itemCount).toBe(21);
    expect(cart.subtotalMinor).toBe(20 * shirt!.priceMinor + tv!.priceMinor);
  });

  it("never shows or changes another shopper's cart or wishlist", async () => {
    for (const [method, path, body] of [
      ['GET', `/users/${ann.userId}/cart`, undefined],
      ['POST', `/users/${ann.userId}/cart/items`, { itemId: tv!.itemId }],
      ['DELETE', `/users/${ann.userId}/cart`, undefined],
      ['GET', `/users/${ann.userId}/wishlist`, undefined],
      ['POST', `/users/${ann.userId}/wishlist/items`, { itemId: tv!.itemId }],
    ] as const) {
      const res = await t.api(method, path, body, bob.token);
      expect([res.status, (res.body as { code: string }).code]).toEqual([403, 'forbidden']);
      expect(JSON.stringify(res.body)).not.toContain(shirt!.itemId);
    }
    expect(((await t.api('GET', `/users/${ann.userId}/cart`, undefined, ann.token)).body as View).itemCount).toBe(21);
  });

  it('answers an unknown item, a zero quantity and a line over the limit with the field at fault', async () => {
    const cartItems = `/users/${bob.userId}/cart/items`;
    expect(await t.api('POST', cartItems, { itemId: 'no-such-item' }, bob.token)).toMatchObject({
      status: 404,
      body: { field: 'itemId' },
    });
    expect(await t.api('POST', cartItems, { itemId: tv!.itemId, quantity: 0 }, bob.token)).toMatchObject({
      status: 400,
      body: { field: 'quantity' },
    });
    expect(await t.api('POST', cartItems, { itemId: tv!.itemId, quantity: 2.5 }, bob.token)).toMatchObject({
      status: 400,
      body: { field: 'quantity' },
    });
    await t.api('POST', cartItems, { itemId: tv!.itemId, quantity: 90 }, bob.token);
    expect(await t.api('POST', cartItems, { itemId: tv!.itemId, quantity: 10 }, bob.token)).toMatchObject({
      status: 409,
      body: { field: 'quantity' },
    });
    expect(await t.api('PATCH', `${cartItems}/${tv!.itemId}`, { quantity: 3 }, bob.token)).toMatchObject({
      status: 200,
      body: { itemCount: 3 },
    });
    expect(await t.api('DELETE', `${cartItems}/${shirt!.itemId}`, undefined, bob.token)).toMatchObject({
      status: 404,
      body: { field: 'itemId' },
    });
  });

  it('moves an item from the wishlist to the cart and back, and adds a wishlist item only once', async () => {
    const wishlist = `/users/${bob.userId}/wishlist`;
    await t.api('POST', `${wishlist}/items`, { itemId: shirt!.itemId }, bob.token);
    const twice = await t.api('POST', `${wishlist}/items`, { itemId: shirt!.itemId }, bob.token);
    expect((twice.body as View).lines).toHaveLength(1);
    const moved = (await t.api('POST', `${wishlist}/items/${shirt!.itemId}/move-to-cart`, undefined, bob.token))
      .body as { cart: View; wishlist: View };
    expect(moved.wishlist.lines).toEqual([]);
    expect(moved.cart.lines.find((l) => l.itemId === shirt!.itemId)?.quantity).toBe(1);
    const back = (
      await t.api('POST', `/users/${bob.userId}/cart/items/${shirt!.itemId}/move-to-wishlist`, undefined, bob.token)
    ).body as { cart: View; wishlist: View };
    expect(back.wishlist.lines.map((l) => l.itemId)).toEqual([shirt!.itemId]);
    expect(back.cart.lines.map((l) => l.itemId)).toEqual([tv!.itemId]);
  });

  it('keeps the quantity of a line moved to the wishlist, so moving it back restores it', async () => {
    const cy = await register('cy');
    const cart = `/users/${cy.userId}/cart`;
    const wishlist = `/users/${cy.userId}/wishlist`;
    await t.api('POST', `${cart}/items`, { itemId: tv!.itemId, quantity: 3 }, cy.token);
    const there = (await t.api('POST', `${cart}/items/${tv!.itemId}/move-to-wishlist`, undefined, cy.token)).body as {
      cart: View;
      wishlist: View;
    };
    expect(there.cart.lines).toEqual([]);
    expect(there.wishlist.lines.map((l) => [l.itemId, l.quantity])).toEqual([[tv!.itemId, 3]]);
    const back = (await t.api('POST', `${wishlist}/items/${tv!.itemId}/move-to-cart`, undefined, cy.token)).body as {
      cart: View;
      wishlist: View;
    };
    expect(back.wishlist.lines).toEqual([]);
    expect(back.cart.lines.map((l) => [l.itemId, l.quantity])).toEqual([[tv!.itemId, 3]]);
  });

  it('announces every add and removal on the cart and wishlist topics, and product views with or without a shopper', async () => {
    expect((await t.api('POST', `/items/${tv!.itemId}/views`, undefined, ann.token)).status).toBe(202);
    expect((await t.api('POST', `/items/${tv!.itemId}/views`)).status).toBe(202);
    expect((await t.api('POST', '/items/no-such-item/views')).status).toBe(404);
    const cart = await reader.readTopic('cart');
    const annAdds = cart.filter(
      (e) => e.type === 'CartItemAdded' && e.userId === ann.userId && e.itemId === shirt!.itemId,
    );
    expect(annAdds).toHaveLength(10);
    expect(annAdds[0]).toMatchObject({ quantity: 2, unitPriceMinor: shirt!.priceMinor, category: shirt!.category });
    // Bob's line of 90 went down to 3: a removal of the 87 difference.
    expect(cart).toContainEqual(
      expect.objectContaining({ type: 'CartItemRemoved', userId: bob.userId, itemId: tv!.itemId, quantity: 87 }),
    );
    const wishlist = await reader.readTopic('wishlist');
    expect(wishlist.filter((e) => e.userId === bob.userId).map((e) => e.type)).toEqual([
      'WishlistItemAdded',
      'WishlistItemRemoved',
      'WishlistItemAdded',
    ]);
    let views: { userId: string | null }[] = [];
    await waitFor('two product views', async () => (views = await reader.readTopic('product.viewed')).length === 2);
    expect(views.map((v) => v.userId).sort()).toEqual([ann.userId, null].sort());
  });
});
