// The lake's commit protocol on disk: staged files, a commit record whose rename is the commit, then the moves.
import fs from 'node:fs/promises';
import path from 'node:path';

/** Paths relative to the lake folder. */
export interface CommitRecord {
  moves: [staged: string, final: string][];
  deletes: string[];
}

/** Where a test kills the process (kill -9 in a child) to check that every moment is recoverable. */
export type CrashPoint = (moment: 'staged' | 'committed' | 'moved' | 'done') => void;

export const WRITER_FOLDER = '_lake';

/**
 * Applies changes to the lake so a crash at any moment leaves it as before the change or as after it
 * (docs/lake.md, Exactly once). Valid for one writer process and one maintenance process at a time, each
 * with its own flush-id prefix: recovery aborts only staging folders of its own prefix.
 */
export class LakeCommits {
  readonly stagingRoot: string;
  private readonly commitsDir: string;

  constructor(
    readonly lakeDir: string,
    private readonly crashPoint: CrashPoint = () => {},
  ) {
    this.stagingRoot = path.join(lakeDir, WRITER_FOLDER, 'staging');
    this.commitsDir = path.join(lakeDir, WRITER_FOLDER, 'commits');
  }

  /** A new, empty staging folder for one change; its files are never read until committed. */
  async stage(id: string): Promise<string> {
    const dir = path.join(this.stagingRoot, id);
    await fs.mkdir(dir, { recursive: true });
    await fs.mkdir(this.commitsDir, { recursive: true });
    return dir;
  }

  /** Commits a staged change (its files already fsynced) and applies it; resolves once it is applied. */
  async commit(id: string, record: CommitRecord): Promise<void> {
    this.crashPoint('staged');
    const file = path.join(this.commitsDir, `${id}.json`);
    const temp = `${file}.tmp`;
    await writeDurably(temp, JSON.stringify(record));
    await fs.rename(temp, file);
    await fsyncFolder(this.commitsDir);
    this.crashPoint('committed');
    await this.apply(id, record);
  }

  /** Applies every commit left by a crash, then deletes staging folders of `prefix` that never committed. */
  async recover(prefix: string): Promise<number> {
    await fs.mkdir(this.commitsDir, { recursive: true });
    const records = (await fs.readdir(this.commitsDir)).sort();
    let applied = 0;
    for (const name of records) {
      const file = path.join(this.commitsDir, name);
      // A temporary record was never committed: its change did not happen.
      if (!name.endsWith('.json')) {
        if (name.startsWith(prefix)) await fs.rm(file, { force: true });
        continue;
      }
      const record = JSON.parse(await fs.readFile(file, 'utf8')) as CommitRecord;
      await this.apply(name.slice(0, -'.json'.length), record);
      applied++;
    }
    const staged = await fs.readdir(this.stagingRoot).catch(() => [] as string[]);
    for (const id of staged)
      if (id.startsWith(prefix)) await fs.rm(path.join(this.stagingRoot, id), { recursive: true, force: true });
    return applied;
  }

  /** Idempotent: a move already made or a file already deleted is skipped, so recovery may repeat it. */
  private async apply(id: string, record: CommitRecord): Promise<void> {
    const folders = new Set<string>();
    for (const [staged, final] of record.moves) {
      const to = path.join(this.lakeDir, final);
      await fs.mkdir(path.dirname(to), { recursive: true });
      try {
        await fs.rename(path.join(this.lakeDir, staged), to);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        await fs.access(to); // moved before a crash; anything else is a lost file and must not pass quietly
      }
      folders.add(path.dirname(to));
      this.crashPoint('moved');
    }
    for (const folder of folders) await fsyncFolder(folder);
    for (const gone of record.deletes) await fs.rm(path.join(this.lakeDir, gone), { force: true });
    await fs.rm(path.join(this.commitsDir, `${id}.json`), { force: true });
    await fs.rm(path.join(this.stagingRoot, id), { recursive: true, force: true });
    this.crashPoint('done');
  }
}

export async function writeDurably(file: string, text: string): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A rename is durable once its folder is synced. */
export async function fsyncFolder(folder: string): Promise<void> {
  await fsyncFile(folder);
}
