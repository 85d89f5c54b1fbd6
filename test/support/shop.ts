// A whole embedded shop in a temporary data folder, for end-to-end tests through the HTTP API.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../platform/config.ts';
import { silentLogger } from '../../platform/logger.ts';
import { createShop, type Shop, type ShopOptions } from '../../app/shop.ts';
import type { SupplierItem } from '../../serving/catalog/supplier-item.ts';

export interface TestShop {
  shop: Shop;
  config: Config;
  /** Calls the API (paths are relative to /api) as the shopper holding `token`, if given, and parses the JSON answer. */
  api(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown }>;
  /** A staff account's token (made on the first call; a shop never asked makes none): pass it to `api`. */
  staff(): Promise<string>;
  /** A new API key for the supplier, for the supplier feed routes. */
  supplierKey(supplierId: string): Promise<string>;
  /** A new shopper `<name>@example.com` whose default address is in Hoboken, 07030. */
  shopper(name: string): Promise<{ userId: string; token: string }>;
  /** Puts the item in the catalog (as staff) with `units` in stock at wh-01-newark, which delivers to 07030. */
  stock(item: SupplierItem, units: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a shop with no demo data (nor a simulated history) unless `env` asks for it. */
export async function openTestShop(env: Record<string, string> = {}, options: ShopOptions = {}): Promise<TestShop> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-shop-'));
  // No simulated recommendations history or scheduled training unless a test asks: they would add events to every report.
  const config = loadConfig({
    EMPORIUM_DATA_DIR: dataDir,
    EMPORIUM_DEMO_ITEMS: '0',
    EMPORIUM_RECS_HISTORY_DAYS: '0',
    EMPORIUM_RECS_TRAIN_EVERY_HOURS: '0',
    ...env,
  });
  const shop = await createShop(config, { logger: silentLogger, ...options });
  await shop.start();
  const test: TestShop = {
    shop,
    config,
    staff: () => (staff ??= signUpStaff()),
    supplierKey: async (supplierId) => (await test.shop.access.createKey(supplierId)).key,
    async shopper(name) {
      const signUp = await test.api('POST', '/users', {
        email: `${name}@example.com`,
        password: `password of ${name}`,
        name,
      });
      const made = signUp.body as { userId: string; token: string };
      const address = { line1: '1 River St', city: 'Hoboken', state: 'NJ', pincode: '07030' };
      const added = await test.api('POST', `/users/${made.userId}/addresses`, address, made.token);
      if (signUp.status !== 201 || added.status !== 201)
        throw new Error(`could not make shopper ${name}: ${JSON.stringify([signUp.body, added.body])}`);
      return made;
    },
    async stock(item, units) {
      const staff = await test.staff();
      await test.api('PUT', `/items/${item.itemId}`, { ...item, itemId: undefined }, staff);
      await test.api('PUT', `/inventory/${item.itemId}/warehouses/wh-01-newark`, { available: units }, staff);
    },
    async api(method, url, body, token, headers = {}) {
      // Through test.shop, so a test that restarts the shop goes on calling the new one.
      const res = await test.shop.http.request(`/api${url}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    async close() {
      await test.shop.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  let staff: Promise<string> | undefined;
  const signUpStaff = async () => {
    const email = `staff-${path.basename(dataDir)}@example.com`.toLowerCase();
    const signedUp = await test.api('POST', '/users', { email, password: 'staff password', name: 'Staff' });
    if (signedUp.status !== 201) throw new Error(`could not sign up the test staff: ${JSON.stringify(signedUp.body)}`);
    await test.shop.access.setRole(email, 'staff');
    return (signedUp.body as { token: string }).token;
  };
  return test;
}
