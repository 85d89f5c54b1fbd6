import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { expect, it, vi } from 'vitest';
import { loadConfig } from '../platform/config.ts';
import { createEvents } from '../platform/events/create-events.ts';
import { silentLogger } from '../platform/logger.ts';
import { startAll } from '../platform/lifecycle.ts';
import { inProcess } from './create-search.ts';

it('refills the in-process index from the event log when its thread dies, and keeps following new events', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-search-'));
  const events = createEvents(loadConfig({ EMPORIUM_DATA_DIR: dataDir }), { logger: silentLogger });
  const { index, indexer } = inProcess({ events, logger: silentLogger });
  const closeAll = await startAll([events, index, indexer]);
  const upsert = (itemId: string) =>
    events.publish('catalog.items', [
      {
        type: 'ItemUpserted',
        eventId: `e-${itemId}`,
        occurredAt: 0,
        itemId,
        name: `Shirt ${itemId}`,
        description: '',
        brand: 'Arrow',
        category: 'shirts',
        priceMinor: 2999,
        currency: 'USD',
        itemClass: 'standard',
        attributes: {},
        supplierId: 'sup-1',
        imageUrl: null,
      },
    ]);
  try {
    await upsert('a');
    await upsert('b');
    await vi.waitFor(async () => expect(await index.count()).toBe(2), { timeout: 5000 });
    // As if the thread had crashed.
    await (index as unknown as { thread: { worker: Worker } }).thread.worker.terminate();
    await vi.waitFor(async () => expect(await index.count()).toBe(2), { timeout: 5000 });
    await upsert('c');
    await vi.waitFor(async () => expect(await index.count()).toBe(3), { timeout: 5000 });
  } finally {
    await closeAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
