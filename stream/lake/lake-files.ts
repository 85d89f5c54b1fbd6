// The lake folder as it is on disk: its Parquet files (by name), their sizes, and the floors retention kept.
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeDurably, fsyncFolder, WRITER_FOLDER } from './commits.ts';
import type { SizedFile } from './compaction-plan.ts';
import { parseFilePath } from './layout.ts';

/** Every file of the lake (superseded ones too), optionally of one topic; an absent lake has none. */
export async function listLakeFiles(lakeDir: string, topic?: string): Promise<SizedFile[]> {
  const topics = topic ? [`topic=${topic}`] : await entries(lakeDir);
  const files: SizedFile[] = [];
  for (const t of topics) {
    if (!t.startsWith('topic=')) continue;
    for (const d of await entries(path.join(lakeDir, t))) {
      if (!d.startsWith('date=')) continue;
      for (const name of await entries(path.join(lakeDir, t, d))) {
        const file = parseFilePath(`${t}/${d}/${name}`);
        if (!file) continue;
        const stat = await fs.stat(path.join(lakeDir, file.path)).catch(() => undefined);
        if (stat) files.push({ ...file, bytes: stat.size });
      }
    }
  }
  return files;
}

async function entries(dir: string): Promise<string[]> {
  return fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
}

const positionsFile = (lakeDir: string) => path.join(lakeDir, WRITER_FOLDER, 'positions.json');

/** Next offsets kept by retention, by `topic/partition`. */
export async function readFloors(lakeDir: string): Promise<Record<string, number>> {
  try {
    return JSON.parse(await fs.readFile(positionsFile(lakeDir), 'utf8')) as Record<string, number>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

/** Replaces the floors in one rename. */
export async function writeFloors(lakeDir: string, floors: Record<string, number>): Promise<void> {
  const file = positionsFile(lakeDir);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeDurably(`${file}.tmp`, JSON.stringify(floors));
  await fs.rename(`${file}.tmp`, file);
  await fsyncFolder(path.dirname(file));
}
