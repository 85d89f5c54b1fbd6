import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';
import { prepared } from './prepared.ts';

interface Db {
  notes: { id: number; text: string | null; kind: string };
}

describe('prepared statements on SQLite', () => {
  let database: Database<Db>;
  beforeAll(async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-prepared-')), 'prepared.db');
    database = await openDatabase<Db>(
      { kind: 'embedded', file },
      {
        '001-notes': {
          up: (db: Kysely<unknown>) =>
            db.schema
              .createTable('notes')
              .addColumn('id', 'integer', (c) => c.primaryKey())
              .addColumn('text', 'text')
              .addColumn('kind', 'text', (c) => c.notNull())
              .execute(),
        },
      },
    );
  });
  afterAll(async () => {
    await database.close();
  });

  it('builds once and binds each call its own values, keeping the constants it was built with', async () => {
    let builds = 0;
    const insert = prepared(['id', 'text'], (db: Kysely<Db>, note: { id: number; text: string | null }) => {
      builds++;
      return db.insertInto('notes').values({ id: note.id, text: note.text, kind: 'memo' });
    });
    const byKind = prepared(['kind', 'from'], (db: Kysely<Db>, v: { kind: string; from: number }) =>
      db.selectFrom('notes').select(['id', 'text']).where('kind', '=', v.kind).where('id', '>=', v.from).orderBy('id'),
    );
    await insert(database.db, 'sqlite', { id: 1, text: 'milk' });
    await insert(database.db, 'sqlite', { id: 2, text: null });
    await insert(database.db, 'sqlite', { id: 3, text: 'eggs' });
    expect(builds).toBe(1);
    expect((await byKind(database.db, 'sqlite', { kind: 'memo', from: 2 })).rows).toEqual([
      { id: 2, text: null },
      { id: 3, text: 'eggs' },
    ]);
    expect((await byKind(database.db, 'sqlite', { kind: 'todo', from: 0 })).rows).toEqual([]);
  });

  it('refuses a statement that reads a value not among its names', async () => {
    const careless = prepared(['id'], (db: Kysely<Db>, v: { id: number; kind: string }) =>
      db.selectFrom('notes').selectAll().where('id', '=', v.id).where('kind', '=', v.kind),
    );
    await expect(careless(database.db, 'sqlite', { id: 1, kind: 'memo' })).rejects.toThrow(
      'prepared statement reads a value not among its names (id)',
    );
  });
});
