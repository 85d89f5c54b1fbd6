import type { Worker } from 'node:worker_threads';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ThreadIndex } from './thread-index.ts';

describe('ThreadIndex', () => {
  const index = new ThreadIndex();
  afterEach(() => index.close());

  it("answers a refused write with the index's own reason and keeps serving afterwards", async () => {
    await index.start();
    await index.upsert([{ itemId: 'tv', name: 'Crystal TV', description: '', brand: 'Samsung', category: 'televisions', attributes: {}, priceMinor: 49999, itemClass: 'large' }]);
    const stock = Array.from({ length: 65 }, (_, i) => ({ itemId: 'tv', warehouseId: `wh-${i}`, inStock: true }));
    await expect(index.setStock(stock)).rejects.toThrow('the embedded index tracks at most 64 warehouses');
    expect(await index.count()).toBe(1);
  });

  it('fails calls made after it is closed, naming why', async () => {
    await index.start();
    await index.close();
    await expect(index.count()).rejects.toThrow('the search index is closed');
  });

  it('fails every search once its thread has died, and logs why once', async () => {
    const lines: { msg: string; err: { message: string } }[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) });
    const dying = new ThreadIndex(logger);
    await dying.start();
    // As if the thread had crashed: the index has no way to ask for this itself.
    await (dying as unknown as { thread: { worker: Worker } }).thread.worker.terminate();
    await expect(dying.count()).rejects.toThrow('the search index thread exited (code 1)');
    await expect(dying.count()).rejects.toThrow('exited');
    expect(lines.map((l) => [l.msg, l.err.message])).toEqual([['search index thread stopped; searches fail until the shop restarts', 'the search index thread exited (code 1)']]);
    await dying.close();
  });
});
