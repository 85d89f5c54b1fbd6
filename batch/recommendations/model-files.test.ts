import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readCurrentModel, writeModel, type RecsModel } from './model-files.ts';

let dir: string;
beforeEach(async () => (dir = await mkdtemp(path.join(tmpdir(), 'recs-models-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A model whose every number is its generation, so a mixed read shows. */
const model = (generation: number, users = 50, items = 40): RecsModel => ({
  factors: 4,
  userIds: Array.from({ length: users }, (_, u) => `user-${generation}-${u}`),
  itemIds: Array.from({ length: items }, (_, i) => `item-${generation}-${i}`),
  categories: ['tea'],
  itemCategory: new Int32Array(items).fill(generation % 2 ? 0 : -1),
  userFactors: new Float32Array(users * 4).fill(generation),
  itemFactors: new Float32Array(items * 4).fill(generation),
  seen: {
    rows: users,
    cols: items,
    indptr: Int32Array.from({ length: users + 1 }, (_, u) => u),
    indices: new Int32Array(users).fill(generation % items),
    data: new Float32Array(users).fill(generation),
  },
  training: { generation },
});

it('reads back what was written, and nothing before the first version', async () => {
  expect(await readCurrentModel(dir)).toBeNull();
  const version = await writeModel(dir, model(3), Date.UTC(2026, 10, 1));
  const read = await readCurrentModel(dir);
  expect(read!.version).toBe(version);
  expect(version).toMatch(/^20261101T000000000Z-[0-9a-f]{6}$/);
  const { version: _v, createdAt: _c, ...rest } = read!;
  expect(rest).toEqual(model(3));
});

it('never shows a reader half of one version and half of another while versions are switched', async () => {
  await writeModel(dir, model(0));
  let writing = true;
  const writer = (async () => {
    for (let g = 1; g <= 12; g++) await writeModel(dir, model(g), Date.now() + g);
    writing = false;
  })();
  const generations = new Set<number>();
  while (writing) {
    const read = (await readCurrentModel(dir))!;
    const g = read.training.generation as number;
    generations.add(g);
    expect(read.userIds[0]).toBe(`user-${g}-0`);
    expect(read.itemFactors.every((v) => v === g)).toBe(true);
    expect(read.seen.data.every((v) => v === g)).toBe(true);
  }
  await writer;
  expect((await readCurrentModel(dir))!.training.generation).toBe(12);
  expect(generations.size).toBeGreaterThan(1);
  // Older versions are pruned, the newest three kept; no temporary file is left behind.
  expect((await readdir(dir)).sort()).toHaveLength(4);
  expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});
