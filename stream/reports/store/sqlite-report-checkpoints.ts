// The live reports' embedded checkpoints: one SQLite file, each save one transaction.
import type { Database } from 'better-sqlite3';
import { openSqlite } from '../../../platform/sql/open-sqlite.ts';
import type { Checkpoint, CheckpointMeta, CheckpointWrite, ReportCheckpoints } from './report-checkpoints.ts';

/** Valid for one process writing the file (the shop's single aggregator). */
export class SqliteReportCheckpoints implements ReportCheckpoints {
  private db: Database | undefined;
  private write: ((write: CheckpointWrite) => void) | undefined;

  constructor(private readonly file: string) {}

  async start(): Promise<void> {
    const db = (this.db = await openSqlite(this.file));
    db.exec(`
      CREATE TABLE IF NOT EXISTS report_panes (
        source TEXT NOT NULL, minute INTEGER NOT NULL, body BLOB NOT NULL, PRIMARY KEY (source, minute)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS report_sources (source TEXT PRIMARY KEY, max_time INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS report_positions (
        topic TEXT NOT NULL, partition INTEGER NOT NULL, next_offset INTEGER NOT NULL,
        PRIMARY KEY (topic, partition)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS report_meta (id INTEGER PRIMARY KEY CHECK (id = 0), body TEXT NOT NULL);`);
    const pane = db.prepare<[string, number, Buffer]>(
      'INSERT INTO report_panes (source, minute, body) VALUES (?, ?, ?) ON CONFLICT (source, minute) DO UPDATE SET body = excluded.body',
    );
    const removePane = db.prepare<[string, number]>('DELETE FROM report_panes WHERE source = ? AND minute = ?');
    const source = db.prepare<[string, number]>(
      'INSERT INTO report_sources (source, max_time) VALUES (?, ?) ON CONFLICT (source) DO UPDATE SET max_time = excluded.max_time',
    );
    const position = db.prepare<[string, number, number]>(
      'INSERT INTO report_positions (topic, partition, next_offset) VALUES (?, ?, ?) ON CONFLICT (topic, partition) DO UPDATE SET next_offset = excluded.next_offset',
    );
    const meta = db.prepare<[string]>(
      'INSERT INTO report_meta (id, body) VALUES (0, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body',
    );
    this.write = db.transaction((write: CheckpointWrite) => {
      for (const p of write.panes) pane.run(p.source, p.minute, p.body);
      for (const r of write.removed) removePane.run(r.source, r.minute);
      for (const s of write.sources) source.run(s.name, s.maxTime);
      for (const p of write.positions) position.run(p.topic, p.partition, p.nextOffset);
      meta.run(JSON.stringify(write.meta));
    });
  }

  close(): Promise<void> {
    this.db?.close();
    this.db = this.write = undefined;
    return Promise.resolve();
  }

  load(): Promise<Checkpoint> {
    const db = this.opened();
    const meta = db.prepare<[], { body: string }>('SELECT body FROM report_meta WHERE id = 0').get();
    return Promise.resolve({
      sources: db
        .prepare<[], { name: string; maxTime: number }>(
          'SELECT source AS name, max_time AS maxTime FROM report_sources',
        )
        .all(),
      panes: db.prepare<[], Checkpoint['panes'][number]>('SELECT source, minute, body FROM report_panes').all(),
      positions: db
        .prepare<[], Checkpoint['positions'][number]>(
          'SELECT topic, partition, next_offset AS nextOffset FROM report_positions',
        )
        .all(),
      meta: meta ? (JSON.parse(meta.body) as CheckpointMeta) : undefined,
    });
  }

  save(write: CheckpointWrite): Promise<void> {
    if (!this.write) throw new Error('report checkpoints are not started');
    this.write(write);
    return Promise.resolve();
  }

  private opened(): Database {
    if (!this.db) throw new Error('report checkpoints are not started');
    return this.db;
  }
}
