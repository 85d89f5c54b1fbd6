// An archive file from before orders were kept by id and seller still shows its orders after an upgrade.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Order } from '../order.ts';
import { SqliteOrderArchive } from './sqlite-order-archive.ts';

describe('the embedded order archive', () => {
  it("moves an older file's orders over on start: by id, by shopper, and by seller where lines name one", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'archive-')), 'order-archive.db');
    const old = {
      orderId: 'order-1',
      userId: 'ann',
      status: 'DELIVERED',
      createdAt: 1000,
      // Lines of the time named no seller.
      lines: [{ itemId: 'itm-1', category: 'shirts', quantity: 1, unitPriceMinor: 900, warehouseId: 'wh-1' }],
    } as unknown as Order;
    const legacy = new Database(file);
    legacy.exec(`CREATE TABLE archived_orders (user_id TEXT NOT NULL, created_at INTEGER NOT NULL,
      order_id TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (user_id, created_at, order_id)) WITHOUT ROWID`);
    legacy.prepare('INSERT INTO archived_orders VALUES (?, ?, ?, ?)').run('ann', 1000, 'order-1', JSON.stringify(old));
    legacy.close();

    const archive = new SqliteOrderArchive(file);
    await archive.start();
    expect(await archive.get('order-1')).toEqual(old);
    expect(await archive.list({ userId: 'ann' }, { limit: 5, status: 'DELIVERED' })).toEqual([old]);
    await archive.close();
    // Started again, nothing is moved twice.
    await archive.start();
    expect(await archive.list({ userId: 'ann' }, { limit: 5 })).toEqual([old]);
    await archive.close();
  });
});
