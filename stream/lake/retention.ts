// Retention: deletes the date folders older than N days, keeping each partition's next offset first.
import fs from 'node:fs/promises';
import path from 'node:path';
import { LakeCommits } from './commits.ts';
import { listLakeFiles, readFloors, writeFloors } from './lake-files.ts';
import { dateOf, folderOf, resumePositions } from './layout.ts';
import { withMaintenanceLock } from './maintenance-lock.ts';

export interface RetentionSummary {
  /** Events' dates before this were deleted (YYYY-MM-DD). */
  before: string;
  files: number;
  bytes: number;
  folders: string[];
}

const PREFIX = 'r-';

/** The first date kept when keeping `days` days up to `now` (UTC): today counts as one. */
export function retentionCutoff(now: number, days: number): string {
  return dateOf(now - Math.max(0, days - 1) * 86_400_000);
}

export async function pruneLake(lakeDir: string, days: number, now: number): Promise<RetentionSummary> {
  return withMaintenanceLock(lakeDir, async () => {
    const commits = new LakeCommits(lakeDir);
    await commits.recover(PREFIX);
    const files = await listLakeFiles(lakeDir);
    const before = retentionCutoff(now, days);
    const old = files.filter((f) => f.date < before);
    if (old.length === 0) return { before, files: 0, bytes: 0, folders: [] };
    // Floors first: the writer must never read again what is about to be deleted.
    const floors = resumePositions(files, await readFloors(lakeDir));
    await writeFloors(lakeDir, Object.fromEntries(floors));
    const id = `${PREFIX}${now}-${process.pid}`;
    await commits.stage(id);
    await commits.commit(id, { moves: [], deletes: old.map((f) => f.path) });
    const folders = [...new Set(old.map((f) => folderOf(f.topic, f.date)))].sort();
    for (const folder of folders) await fs.rmdir(path.join(lakeDir, folder)).catch(() => {});
    return { before, files: old.length, bytes: old.reduce((s, f) => s + f.bytes, 0), folders };
  });
}
