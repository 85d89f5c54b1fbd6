// The access store contract: roles on accounts, suppliers' API keys (kept as hashes, revoked once) and
// suppliers' contact details, run against every adapter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessStore } from '../../serving/users/store/access-store.ts';
import type { UserStore } from '../../serving/users/store/user-store.ts';

export interface AccessStoreHarness {
  /** The access store and the user store over the same users database. */
  open(): Promise<{ access: AccessStore; users: UserStore }>;
  unique(name: string): string;
}

export function accessStoreContract(name: string, makeHarness: () => AccessStoreHarness) {
  describe(`access store contract: ${name}`, () => {
    const h = makeHarness();
    let access: AccessStore;
    let users: UserStore;
    beforeAll(async () => {
      ({ access, users } = await h.open());
    });
    afterAll(async () => {
      await access?.close();
      await users?.close();
    });

    it('makes a shopper staff by email, and lists who has the role', async () => {
      const email = `${h.unique('ann')}@example.com`;
      const userId = h.unique('user');
      await users.create({ userId, email, name: 'Ann', passwordHash: 'x', at: 1 });
      expect(await access.roleOf(userId)).toBe('shopper');
      expect(await access.setRole(email, 'staff')).toBe(userId);
      expect(await access.roleOf(userId)).toBe('staff');
      expect(await access.withRole('staff')).toContainEqual({ userId, email });
      expect(await access.setRole(`${h.unique('nobody')}@example.com`, 'staff')).toBeUndefined();
      expect(await access.roleOf(h.unique('missing'))).toBeUndefined();
    });

    it("keeps a supplier's keys by id, lists them oldest first, and revokes each once", async () => {
      const supplierId = h.unique('sup');
      const [first, second] = [h.unique('k1'), h.unique('k2')];
      await access.addApiKey({ keyId: first, supplierId, secretHash: 'a'.repeat(64), createdAt: 10 });
      await access.addApiKey({ keyId: second, supplierId, secretHash: 'b'.repeat(64), createdAt: 20 });
      expect(await access.apiKey(first)).toEqual({
        keyId: first,
        supplierId,
        secretHash: 'a'.repeat(64),
        createdAt: 10,
        revokedAt: null,
      });
      expect((await access.apiKeys(supplierId)).map((k) => k.keyId)).toEqual([first, second]);
      expect(await access.revokeApiKey(first, 30)).toBe(true);
      expect(await access.revokeApiKey(first, 40)).toBe(false);
      expect((await access.apiKey(first))?.revokedAt).toBe(30);
      expect(await access.apiKey(h.unique('never'))).toBeUndefined();
    });

    it("keeps a supplier's contact details, the latest replacing the earlier", async () => {
      const supplierId = h.unique('sup');
      expect(await access.supplierContact(supplierId)).toBeUndefined();
      await access.setSupplierContact(supplierId, { email: 'orders@acme.example', phone: null }, 1);
      expect(await access.supplierContact(supplierId)).toEqual({ email: 'orders@acme.example', phone: null });
      await access.setSupplierContact(supplierId, { email: null, phone: '+1 201 555 0100' }, 2);
      expect(await access.supplierContact(supplierId)).toEqual({ email: null, phone: '+1 201 555 0100' });
      expect(await access.supplierContact(h.unique('sup'))).toBeUndefined();
    });
  });
}
