// Compaction: merges runs of small files into one per run through the commit protocol, then the small ones go.
import path from 'node:path';
import { noProgress, type Progress } from '../../platform/progress.ts';
import { LakeCommits, type CrashPoint } from './commits.ts';
import { planCompaction, supersededFiles, DEFAULT_LIMITS, type CompactionLimits } from './compaction-plan.ts';
import { listLakeFiles } from './lake-files.ts';
import { filePath } from './layout.ts';
import { withMaintenanceLock } from './maintenance-lock.ts';
import { ParquetWriter } from './parquet-writer.ts';

export interface CompactionSummary {
  merged: number;
  filesBefore: number;
  filesAfter: number;
  bytesBefore: number;
  bytesAfter: number;
}

/** Compaction's flush ids: its recovery aborts only its own unfinished merges, never a running writer's flush. */
const PREFIX = 'c-';

/**
 * Safe beside a running writer (which only adds files past the highest offsets) and beside readers: a
 * merged file is renamed in before its inputs are deleted, and readers skip the inputs by their names.
 */
export async function compactLake(
  lakeDir: string,
  options: { limits?: CompactionLimits; progress?: Progress; crashPoint?: CrashPoint; now?: () => number } = {},
): Promise<CompactionSummary> {
  const progress = options.progress ?? noProgress;
  return withMaintenanceLock(lakeDir, async () => {
    const commits = new LakeCommits(lakeDir, options.crashPoint);
    await commits.recover(PREFIX);
    const before = await listLakeFiles(lakeDir);
    const stale = supersededFiles(before);
    if (stale.length) {
      const id = `${PREFIX}${(options.now ?? Date.now)()}-${process.pid}-stale`;
      await commits.stage(id);
      await commits.commit(id, { moves: [], deletes: stale.map((f) => f.path) });
    }
    const merges = planCompaction(before, options.limits ?? DEFAULT_LIMITS);
    progress.setTotal(merges.reduce((n, m) => n + m.inputs.length, 0));
    const parquet = await ParquetWriter.open();
    try {
      for (const [i, m] of merges.entries()) {
        const id = `${PREFIX}${(options.now ?? Date.now)()}-${process.pid}-${i}`;
        const final = filePath(m.topic, m.date, m.partition, m.firstOffset, m.lastOffset);
        const staged = path.join(await commits.stage(id), path.basename(final) + '.staged');
        await parquet.merge(
          m.inputs.map((f) => path.join(lakeDir, f.path)),
          staged,
        );
        await commits.commit(id, {
          moves: [[path.relative(lakeDir, staged), final]],
          deletes: m.inputs.map((f) => f.path),
        });
        progress.increment(m.inputs.length);
      }
    } finally {
      parquet.close();
      progress.stop();
    }
    const after = await listLakeFiles(lakeDir);
    const bytes = (files: { bytes: number }[]) => files.reduce((s, f) => s + f.bytes, 0);
    return {
      merged: merges.length,
      filesBefore: before.length,
      filesAfter: after.length,
      bytesBefore: bytes(before),
      bytesAfter: bytes(after),
    };
  });
}
