import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';
import { groupCommit } from './group-commit.ts';
import { prepared } from './prepared.ts';

interface Db {
  notes: { id: number; text: string };
}

describe('group commit on SQLite', () => {
  let database: Database<Db>;
  beforeAll(async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-group-')), 'group.db');
    database = await openDatabase<Db>(
      { kind: 'embedded', file },
      {
        '001-notes': {
          up: (db: Kysely<unknown>) =>
            db.schema
              .createTable('notes')
              .addColumn('id', 'integer', (c) => c.primaryKey())
              .addColumn('text', 'text')
              .execute(),
        },
      },
    );
  });
  afterAll(async () => {
    await database.close();
  });

  it('commits units asked for together, rolls back only the one that failed, and answers each with its own result', async () => {
    const run = groupCommit(() => database);
    const insert = (id: number, fail = false) =>
      run(async (tx) => {
        await tx
          .insertInto('notes')
          .values({ id, text: `note ${id}` })
          .execute();
        if (fail) throw new Error(`unit ${id} failed`);
        return id;
      });
    const outcomes = await Promise.allSettled([insert(1), insert(2, true), insert(3), insert(1)]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: 1 });
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain('unit 2 failed');
    const rows = await database.db.selectFrom('notes').select('id').orderBy('id').execute();
    expect(rows.map((r) => r.id)).toEqual([1, 3]);
  });

  it('runs prepared statements inside the shared transaction: a unit reads its own writes, and a failed unit leaves none', async () => {
    const run = groupCommit(() => database);
    const insert = prepared(['id', 'text'], (db: Kysely<Db>, note: Db['notes']) => db.insertInto('notes').values(note));
    const byId = prepared(['id'], (db: Kysely<Db>, v: { id: number }) =>
      db.selectFrom('notes').select('text').where('id', '=', v.id),
    );
    const unit = (id: number, fail: boolean) =>
      run(async (tx) => {
        await insert(tx, 'sqlite', { id, text: `prepared ${id}` });
        const seen = (await byId(tx, 'sqlite', { id })).rows;
        if (fail) throw new Error(`unit ${id} failed`);
        return seen;
      });
    const outcomes = await Promise.allSettled([unit(10, false), unit(11, true), unit(12, false)]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: [{ text: 'prepared 10' }] });
    const rows = await database.db.selectFrom('notes').select('id').where('id', '>=', 10).orderBy('id').execute();
    expect(rows.map((r) => r.id)).toEqual([10, 12]);
  });
});
