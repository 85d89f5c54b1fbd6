// The thread behind BackgroundCheckpoints: every few hundred milliseconds, a PASSIVE checkpoint of each
// SQLite file in the folder, on a connection of its own. PASSIVE copies what no reader still needs and
// never waits for (or blocks) the shop's writers.
import SQLite, { type Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const { folder, everyMs } = workerData as { folder: string; everyMs: number };
const connections = new Map<string, Database>();

const timer = setInterval(() => {
  for (const name of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
    if (!name.endsWith('.db')) continue;
    const file = path.join(folder, name);
    // A file not (yet) in WAL mode has nothing to checkpoint; a busy or vanished one waits for the next round.
    try {
      let db = connections.get(file);
      if (!db) connections.set(file, (db = new SQLite(file, { fileMustExist: true, timeout: 0 })));
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      connections.get(file)?.close();
      connections.delete(file);
    }
  }
}, everyMs);

parentPort!.once('message', () => {
  clearInterval(timer);
  for (const db of connections.values()) db.close();
  parentPort!.close();
});
