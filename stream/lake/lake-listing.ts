// `emporium lake ls`: each topic and date of the lake with its events, files and bytes, read from the Parquet footers.
import path from 'node:path';
import type { LakeQuery } from './lake-query.ts';
import { listLakeFiles } from './lake-files.ts';
import { liveFiles } from './layout.ts';
import { literal } from './parquet-writer.ts';

export interface LakePartition {
  topic: string;
  date: string;
  events: number;
  files: number;
  bytes: number;
}

/** Live files only (a compaction's inputs still on disk are not counted twice); counts come from each footer. */
export async function lakePartitions(lake: LakeQuery): Promise<LakePartition[]> {
  const files = liveFiles(await listLakeFiles(lake.lakeDir));
  if (files.length === 0) return [];
  const rows = await lake.rows(
    `SELECT file_name, num_rows FROM parquet_file_metadata([${files.map((f) => literal(path.join(lake.lakeDir, f.path))).join(', ')}])`,
  );
  const counts = new Map(rows.map((r) => [String(r.file_name), Number(r.num_rows)]));
  const byFolder = new Map<string, LakePartition>();
  for (const f of files) {
    const key = `${f.topic}/${f.date}`;
    const p = byFolder.get(key) ?? { topic: f.topic, date: f.date, events: 0, files: 0, bytes: 0 };
    p.events += counts.get(path.join(lake.lakeDir, f.path)) ?? 0;
    p.files++;
    p.bytes += f.bytes;
    byFolder.set(key, p);
  }
  return [...byFolder.values()].sort((a, b) => a.topic.localeCompare(b.topic) || a.date.localeCompare(b.date));
}
