// One compaction or retention at a time per lake: a lock file naming its holder's pid, taken over if that process is gone.
import fs from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../../platform/errors.ts';
import { WRITER_FOLDER } from './commits.ts';

/** Runs `work` holding `_lake/maintenance.lock`; refuses (conflict) while a live process holds it. Valid on one machine. */
export async function withMaintenanceLock<T>(lakeDir: string, work: () => Promise<T>): Promise<T> {
  const file = path.join(lakeDir, WRITER_FOLDER, 'maintenance.lock');
  await fs.mkdir(path.dirname(file), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.writeFile(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw lockError(error, file);
      const holder = Number(await fs.readFile(file, 'utf8').catch(() => '0'));
      if (alive(holder))
        throw new DomainError('conflict', null, `process ${holder} is compacting or pruning the lake (${file})`);
      await fs.rm(file, { force: true }); // its holder died: the commit protocol recovers whatever it left
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(file, { force: true });
  }
}

function alive(pid: number): boolean {
  if (!pid || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockError(error: unknown, file: string): unknown {
  return (error as NodeJS.ErrnoException).code === 'EEXIST'
    ? new DomainError('conflict', null, `another process took the lake's maintenance lock (${file})`)
    : error;
}
