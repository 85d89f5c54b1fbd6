import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LogStore } from './log-store.ts';

const open: LogStore[] = [];
afterEach(() => open.splice(0).forEach((log) => log.close()));

async function twoProcesses() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-log-')), 'bus.db');
  const here = await LogStore.open(file);
  const there = await LogStore.open(file);
  open.push(here, there);
  here.createTopic({ name: 't', partitions: 1 });
  return { here, there };
}

/** As the bus appends: written (by its writer thread), then kept in memory by the connection its consumers read through. */
const append = (log: LogStore, ...keys: string[]) => {
  const batches = [{ topic: 't', messages: keys.map((key) => ({ partition: 0, key, value: Buffer.from(key) })) }];
  log.appended(batches, log.append(batches, 1), 1);
};
const keysRead = (log: LogStore, from: number, limit = 100) =>
  log.read('t', 0, from, limit).map((m) => `${m.offset}:${m.key}:${m.value.toString()}`);

describe('log store', () => {
  it('reads its own appends back in order, from any offset, in pages', async () => {
    const { here } = await twoProcesses();
    expect(keysRead(here, 0)).toEqual([]);
    append(here, 'a', 'b');
    append(here, 'c');
    expect(keysRead(here, 0)).toEqual(['0:a:a', '1:b:b', '2:c:c']);
    expect(keysRead(here, 1, 1)).toEqual(['1:b:b']);
    expect(keysRead(here, 3)).toEqual([]);
  });

  it('tells a reader when it has read all this process appended to a partition', async () => {
    const { here, there } = await twoProcesses();
    keysRead(here, 0);
    append(here, 'a', 'b');
    expect([1, 2].map((next) => here.caughtUp('t', 0, next))).toEqual([false, true]);
    append(there, 'x');
    // Another process's append is not known here: its reader finds it by reading (see the bus's poll).
    expect(here.caughtUp('t', 0, 2)).toBe(true);
    append(here, 'c');
    expect([2, 3, 4].map((next) => here.caughtUp('t', 0, next))).toEqual([false, false, true]);
  });

  it('sees what another process appended between its own appends, with no message skipped or repeated', async () => {
    const { here, there } = await twoProcesses();
    expect(keysRead(here, 0)).toEqual([]);
    append(here, 'a');
    append(there, 'x', 'y');
    append(here, 'b');
    expect(keysRead(here, 0)).toEqual(['0:a:a', '1:x:x', '2:y:y', '3:b:b']);
    append(there, 'z');
    expect(keysRead(here, 4)).toEqual(['4:z:z']);
    expect(keysRead(there, 0)).toEqual(keysRead(here, 0));
  });

  it('keeps reading every offset correctly as its appends outgrow what it holds in memory', async () => {
    const { here } = await twoProcesses();
    keysRead(here, 0);
    const all: string[] = [];
    for (let i = 0; i < 2500; i++) {
      append(here, `k${i}`);
      all.push(`${i}:k${i}:k${i}`);
      if (i % 100 === 99)
        expect(Array.from({ length: all.length / 100 }, (_, page) => keysRead(here, page * 100, 100)).flat()).toEqual(
          all,
        );
    }
  });
});
