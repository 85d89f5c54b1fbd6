// Which small files of the lake to merge: runs of adjacent small files of one topic, date and partition.
import { groupKey, liveFiles, type LakeFile } from './layout.ts';

export interface SizedFile extends LakeFile {
  bytes: number;
}

export interface CompactionLimits {
  /** A file at least this big is left alone. */
  smallBytes: number;
  /** A merged file stays under this many bytes of inputs (a run longer than that is cut). */
  targetBytes: number;
}

export interface Merge {
  topic: string;
  date: string;
  partition: number;
  /** Consecutive in offset order, at least two. */
  inputs: SizedFile[];
  firstOffset: number;
  lastOffset: number;
}

export const DEFAULT_LIMITS: CompactionLimits = { smallBytes: 16 << 20, targetBytes: 128 << 20 };

/**
 * Merges of the live files only (superseded ones are deleted, not merged). A run is files next to each
 * other in offset order within one folder and partition, all small, so no other file's range falls
 * between them and the merged file's name says truly what it covers.
 */
export function planCompaction(files: readonly SizedFile[], limits: CompactionLimits = DEFAULT_LIMITS): Merge[] {
  const groups = new Map<string, SizedFile[]>();
  for (const f of liveFiles(files)) {
    const key = groupKey(f);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const merges: Merge[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => a.firstOffset - b.firstOffset);
    let run: SizedFile[] = [];
    let bytes = 0;
    const close = () => {
      if (run.length >= 2) merges.push(merge(run));
      run = [];
      bytes = 0;
    };
    for (const f of group) {
      if (f.bytes >= limits.smallBytes) {
        close();
        continue;
      }
      if (run.length && bytes + f.bytes > limits.targetBytes) close();
      run.push(f);
      bytes += f.bytes;
    }
    close();
  }
  return merges;
}

function merge(inputs: SizedFile[]): Merge {
  const first = inputs[0]!;
  return {
    topic: first.topic,
    date: first.date,
    partition: first.partition,
    inputs,
    firstOffset: first.firstOffset,
    lastOffset: inputs.at(-1)!.lastOffset,
  };
}

/** Files a compaction left behind after renaming its merged file in: to delete, never to read. */
export function supersededFiles<F extends LakeFile>(files: readonly F[]): F[] {
  const live = new Set(liveFiles(files));
  return files.filter((f) => !live.has(f));
}
