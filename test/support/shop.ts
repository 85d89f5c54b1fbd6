// A whole embedded shop in a temporary data folder, for end-to-end tests through the HTTP API.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../platform/config.ts';
import { silentLogger } from '../../platform/logger.ts';
import { createShop, type Shop, type ShopOptions } from '../../serving/app.ts';

export interface TestShop {
  shop: Shop;
  config: Config;
  /** Calls the API (paths are relative to /api) as the shopper holding `token`, if given, and parses the JSON answer. */
  api(method: string, path: string, body?: unknown, token?: string, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** Starts a shop with no demo data unless `env` asks for it. */
export async function openTestShop(env: Record<string, string> = {}, options: ShopOptions = {}): Promise<TestShop> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-shop-'));
  const config = loadConfig({ EMPORIUM_DATA_DIR: dataDir, EMPORIUM_DEMO_ITEMS: '0', ...env });
  const shop = await createShop(config, { logger: silentLogger, ...options });
  await shop.start();
  const test: TestShop = {
    shop,
    config,
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
  return test;
}
