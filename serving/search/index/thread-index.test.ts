import type { Worker } from 'node:worker_threads';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ThreadIndex } from './thread-index.ts';

describe('ThreadIndex', () => {
  const index = new ThreadIndex();
  afterEach(() => index.close());

  it("answers a refused write with the index's own reason and keeps serving afterwards", async () => {
    await index.start();
    await index.upsert([
      {
        itemId: 'tv',
        name: 'Crystal TV',
        description: '',
        brand: 'Samsung',
        category: 'televisions',
        attributes: {},
        priceMinor: 49999,
        itemClass: 'large',
      },
    ]);
    const stock = Array.from({ length: 65 }, (_, i) => ({ itemId: 'tv', warehouseId: `wh-${i}`, inStock: true }));
    await expect(index.setStock(stock)).rejects.toThrow('the embedded index tracks at most 64 warehouses');
    expect(await index.count()).toBe(1);
  });

  it('fails calls made after it is closed, naming why', async () => {
    await index.start();
    await index.close();
    await expect(index.count()).rejects.toThrow('the search index is closed');
  });

  const logged = () => {
    const lines: { level: number; msg: string }[] = [];
    const logger = pino(
      { level: 'warn' },
      { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) },
    );
    return { logger, messages: () => lines.map((l) => l.msg) };
  };
  // As if the thread had crashed: the index has no way to ask for this itself.
  const crash = (index: ThreadIndex) => (index as unknown as { thread: { worker: Worker } }).thread.worker.terminate();
  const tv = {
    itemId: 'tv',
    name: 'Crystal TV',
    description: '',
    brand: 'Samsung',
    category: 'televisions',
    attributes: {},
    priceMinor: 49999,
    itemClass: 'large',
  } as const;

  it('starts a thread that died again and refills it, failing calls only while it is down', async () => {
    const { logger, messages } = logged();
    const healing = new ThreadIndex(logger);
    healing.onRestart(() => healing.upsert([tv]));
    await healing.start();
    await healing.upsert([tv, { ...tv, itemId: 'radio' }]);
    await crash(healing);
    await expect(healing.count()).rejects.toThrow('the search index thread exited (code 1)');
    // Refilled by its refill alone: the radio was in the thread that died.
    await vi.waitFor(async () => expect(await healing.count()).toBe(1));
    expect(messages()).toEqual([
      'search index thread stopped; searches fail until it is started again',
      'search index thread started again; filling it',
    ]);
    await healing.close();
  });

  it('leaves a thread that died again soon after being started again stopped, and says so', async () => {
    const { logger, messages } = logged();
    const dying = new ThreadIndex(logger);
    let refills = 0;
    dying.onRestart(() => Promise.resolve(void refills++));
    await dying.start();
    await crash(dying);
    await vi.waitFor(() => expect(refills).toBe(1));
    await crash(dying);
    await expect(dying.count()).rejects.toThrow('the search index thread exited (code 1)');
    // Once it has said it leaves the thread stopped, no refill may follow.
    await vi.waitFor(() => expect(messages()).toHaveLength(4));
    await expect(dying.count()).rejects.toThrow('exited');
    expect(refills).toBe(1);
    expect(messages()).toEqual([
      'search index thread stopped; searches fail until it is started again',
      'search index thread started again; filling it',
      'search index thread stopped; searches fail until it is started again',
      'search index thread died within 60 s of being started again; left stopped, searches fail until the shop restarts',
    ]);
    await dying.close();
  });
});
