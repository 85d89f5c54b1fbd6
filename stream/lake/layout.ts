// The lake's file names and what they say: which offsets a file covers, which files to read, where to resume.
import path from 'node:path';

/** One Parquet file of the lake, as its path names it (docs/lake.md, Folders and files). */
export interface LakeFile {
  topic: string;
  /** The UTC date of its events' time, YYYY-MM-DD. */
  date: string;
  partition: number;
  firstOffset: number;
  /** Inclusive. */
  lastOffset: number;
  /** Relative to the lake folder, with forward slashes. */
  path: string;
}

const FILE = /^topic=([^/]+)\/date=(\d{4}-\d{2}-\d{2})\/part-(\d+)-(\d+)-(\d+)\.parquet$/;

export function folderOf(topic: string, date: string): string {
  return `topic=${topic}/date=${date}`;
}

export function filePath(topic: string, date: string, partition: number, first: number, last: number): string {
  return `${folderOf(topic, date)}/part-${partition}-${first}-${last}.parquet`;
}

/** The file a relative path names, or undefined for anything else (the writer's `_lake/`, stray files). */
export function parseFilePath(relative: string): LakeFile | undefined {
  const m = FILE.exec(relative.split(path.sep).join('/'));
  if (!m) return undefined;
  const [, topic, date, partition, first, last] = m;
  const file = {
    topic: topic!,
    date: date!,
    partition: Number(partition),
    firstOffset: Number(first),
    lastOffset: Number(last),
    path: m[0],
  };
  return file.firstOffset <= file.lastOffset ? file : undefined;
}

/** Files of one topic, date and Kafka partition share a key: compaction and supersession work within one. */
export function groupKey(f: Pick<LakeFile, 'topic' | 'date' | 'partition'>): string {
  return `${f.topic}\u0000${f.date}\u0000${f.partition}`;
}

/**
 * The files to read: a file whose range lies inside another file's range of the same topic, date and
 * partition has been merged into it by a compaction that has not yet deleted it, and is left out.
 */
export function liveFiles<F extends LakeFile>(files: readonly F[]): F[] {
  const groups = new Map<string, F[]>();
  for (const f of files) {
    const key = groupKey(f);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const live: F[] = [];
  for (const group of groups.values()) {
    // Widest first among equal starts: a covering file comes before the files it covers.
    group.sort((a, b) => a.firstOffset - b.firstOffset || b.lastOffset - a.lastOffset);
    let reach = -1;
    for (const f of group) {
      if (f.lastOffset <= reach) continue; // inside an earlier file's range
      live.push(f);
      reach = f.lastOffset;
    }
  }
  return live;
}

export function partitionKey(topic: string, partition: number): string {
  return `${topic}/${partition}`;
}

/**
 * The next offset to write of every topic partition the lake has seen: one past the highest offset any
 * file covers, or the floor retention kept, whichever is higher.
 */
export function resumePositions(
  files: readonly Pick<LakeFile, 'topic' | 'partition' | 'lastOffset'>[],
  floors: Readonly<Record<string, number>> = {},
): Map<string, number> {
  const next = new Map<string, number>(Object.entries(floors));
  for (const f of files) {
    const key = partitionKey(f.topic, f.partition);
    next.set(key, Math.max(next.get(key) ?? 0, f.lastOffset + 1));
  }
  return next;
}

/** The UTC date of an instant (epoch milliseconds): the folder an event goes in. */
export function dateOf(epochMs: number): string {
  const day = Math.floor(epochMs / DAY_MS);
  // toISOString per event cost a tenth of the writer's time; events cluster on a few days.
  if (day === lastDay) return lastDate;
  lastDay = day;
  lastDate = new Date(day * DAY_MS).toISOString().slice(0, 10);
  return lastDate;
}

const DAY_MS = 86_400_000;
let lastDay = NaN;
let lastDate = '';
