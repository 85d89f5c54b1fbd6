// The user store contract: accounts, credentials and addresses with one default, run against every adapter.
import { afterEach, describe, expect, it } from 'vitest';
import type { UserStore } from '../../serving/users/store/user-store.ts';
import type { Address } from '../../serving/users/user.ts';

export interface UserStoreHarness {
  open(): Promise<UserStore>;
  unique(name: string): string;
}

const address = (addressId: string, pincode: string): Address => ({
  addressId,
  label: 'home',
  line1: '221 Baker St',
  line2: null,
  city: 'New York',
  state: 'NY',
  pincode,
  phone: null,
});

export function userStoreContract(name: string, makeHarness: () => UserStoreHarness) {
  describe(`user store contract: ${name}`, () => {
    const h = makeHarness();
    const opened: UserStore[] = [];
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });
    const open = async () => {
      const store = await h.open();
      opened.push(store);
      return store;
    };
    const newUser = async (store: UserStore, name: string) => {
      const userId = h.unique(name);
      await store.create({
        userId,
        email: `${userId}@example.com`,
        name: 'Ada Lovelace',
        passwordHash: 'scrypt$salt$key',
        at: 1000,
      });
      return userId;
    };

    it('creates a user, reads them back without addresses and finds their credentials by email', async () => {
      const store = await open();
      const userId = await newUser(store, 'create');
      expect(await store.get(userId)).toEqual({
        userId,
        email: `${userId}@example.com`,
        name: 'Ada Lovelace',
        addresses: [],
        defaultAddressId: null,
        createdAt: 1000,
        updatedAt: 1000,
      });
      expect(await store.credentials(`${userId}@example.com`)).toEqual({ userId, passwordHash: 'scrypt$salt$key' });
      expect(await store.credentials(`nobody-${userId}@example.com`)).toBeUndefined();
    });

    it('refuses a second account with the same email as a conflict on email', async () => {
      const store = await open();
      const userId = await newUser(store, 'dup');
      await expect(
        store.create({ userId: h.unique('dup2'), email: `${userId}@example.com`, name: 'B', passwordHash: 'x', at: 1 }),
      ).rejects.toMatchObject({
        code: 'conflict',
        field: 'email',
      });
    });

    it('makes the first address the default, keeps it until another is asked to be, and renames', async () => {
      const store = await open();
      const userId = await newUser(store, 'addresses');
      const home = h.unique('home');
      const work = h.unique('work');
      expect(await store.addAddress(userId, address(home, '10001'), false, 2000)).toBe(true);
      expect(await store.addAddress(userId, address(work, '94105'), false, 3000)).toBe(true);
      expect((await store.get(userId))?.defaultAddressId).toBe(home);
      expect(await store.setDefaultAddress(userId, work, 4000)).toBe(true);
      expect(await store.rename(userId, 'Ada King', 5000)).toBe(true);
      const user = await store.get(userId);
      expect(user).toMatchObject({ name: 'Ada King', defaultAddressId: work, updatedAt: 5000 });
      expect(user?.addresses.map((a) => [a.addressId, a.pincode])).toEqual([
        [home, '10001'],
        [work, '94105'],
      ]);
    });

    it('passes a removed default to the oldest remaining address, and to none after the last', async () => {
      const store = await open();
      const userId = await newUser(store, 'remove');
      const [a, b, c] = [h.unique('a'), h.unique('b'), h.unique('c')];
      await store.addAddress(userId, address(a, '10001'), false, 2000);
      await store.addAddress(userId, address(b, '10002'), false, 3000);
      await store.addAddress(userId, address(c, '10003'), true, 4000);
      expect(await store.removeAddress(userId, c, 5000)).toBe(true);
      expect((await store.get(userId))?.defaultAddressId).toBe(a);
      await store.removeAddress(userId, a, 6000);
      await store.removeAddress(userId, b, 7000);
      expect(await store.get(userId)).toMatchObject({ addresses: [], defaultAddressId: null });
      expect(await store.removeAddress(userId, b, 8000)).toBe(false);
    });

    it("never lets one user touch another's address, and answers false for an unknown user", async () => {
      const store = await open();
      const owner = await newUser(store, 'owner');
      const other = await newUser(store, 'other');
      const theirs = h.unique('theirs');
      await store.addAddress(owner, address(theirs, '10001'), false, 2000);
      expect(await store.setDefaultAddress(other, theirs, 3000)).toBe(false);
      expect(await store.removeAddress(other, theirs, 3000)).toBe(false);
      expect((await store.get(owner))?.addresses).toHaveLength(1);
      const ghost = h.unique('ghost');
      expect(await store.get(ghost)).toBeUndefined();
      expect(await store.rename(ghost, 'x', 1)).toBe(false);
      expect(await store.addAddress(ghost, address(h.unique('g'), '10001'), false, 1)).toBe(false);
    });
  });
}
