import SQLite from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundCheckpoints } from './background-checkpoints.ts';

describe('BackgroundCheckpoints', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoints-'));
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('copies what a writer commits into the database file while the writer never checkpoints itself', async () => {
    const file = path.join(folder, 'store.db');
    const db = new SQLite(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE notes (body TEXT)');
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(500));
    const before = fs.statSync(file).size;

    const checkpoints = new BackgroundCheckpoints({ folder, everyMs: 10 });
    await checkpoints.start();
    try {
      await expect.poll(() => fs.statSync(file).size, { timeout: 5000 }).toBeGreaterThan(before + 500 * 2000);
    } finally {
      await checkpoints.close();
      db.close();
    }
    const reopened = new SQLite(file, { readonly: true });
    expect(reopened.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 2000 });
    reopened.close();
  });
});
