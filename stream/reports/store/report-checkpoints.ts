// The checkpoint store port of the live reports: their state and the input positions it covers, saved together.
import type { Lifecycle } from '../../../platform/lifecycle.ts';
import type { SavedSource } from '../aggregator.ts';

export interface StoredPane {
  source: string;
  minute: number;
  body: Buffer;
}

export interface Position {
  topic: string;
  partition: number;
  /** The next offset to read: everything before it is in the saved state. */
  nextOffset: number;
}

/** Running totals and the snapshot count, which travel with the state. */
export interface CheckpointMeta {
  totals: { counted: number; late: number; dropped: number; duplicates: number };
  sequence: number;
}

export interface Checkpoint {
  sources: SavedSource[];
  panes: StoredPane[];
  positions: Position[];
  meta: CheckpointMeta | undefined;
}

export interface CheckpointWrite {
  /** Panes written whole (inserted or replaced). */
  panes: StoredPane[];
  removed: { source: string; minute: number }[];
  sources: SavedSource[];
  positions: Position[];
  meta: CheckpointMeta;
}

export interface ReportCheckpoints extends Lifecycle {
  /** Everything saved under the scope (empty lists and no meta for a first start). */
  load(): Promise<Checkpoint>;
  /**
   * Applies the write in one transaction: after a crash either all of it is there or none, so the state
   * read back always matches the positions read back.
   */
  save(write: CheckpointWrite): Promise<void>;
}
