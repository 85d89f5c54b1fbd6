// The embedded bus's storage: one SQLite file holding topics, partitioned messages and committed group offsets.
import type { Database, Statement, Transaction } from 'better-sqlite3';
import { openSqlite } from '../../sql/open-sqlite.ts';
import type { BusMessage, TopicConfig } from '../event-bus.ts';
import { groupPartitionKey, partitionKey } from './keys.ts';
import { RecentMessages } from './recent-messages.ts';

type Placed = { partition: number; key: string; value: Buffer };
export type Batches = { topic: string; messages: Placed[] }[];
/** Where a consumer group reads a partition next. */
export type GroupOffset = { groupId: string; topic: string; partition: number; nextOffset: number };
/** Per partition (topic and partition joined by partitionKey), the offset its first appended message got. */
export type FirstOffsets = Map<string, number>;

/**
 * Synchronous SQLite statements behind the bus, with this process's latest appends also in memory.
 * Valid for one machine: several processes may append to the same file (offsets are taken inside the
 * write transaction), but consumer-group coordination lives in the process that subscribes (see
 * consumer-group.ts).
 */
export class LogStore {
  private readonly partitionCounts = new Map<string, number>();
  /** Committed offsets, kept in memory too: a group's members all live in this process, so only it moves them. */
  private readonly offsets = new Map<string, number>();
  private readonly lastOffset: Statement<[string, number], { last: number | null }>;
  private readonly insert: Statement<[string, number, number, string, Buffer, number]>;
  private readonly readFrom: Statement<[string, number, number, number], [number, number, string, Buffer, number]>;
  private readonly committed: Statement<[string, string, number], { next_offset: number }>;
  private readonly commitAll: Transaction<(offsets: GroupOffset[]) => void>;
  private readonly appendAll: Transaction<(batches: Batches, timestamp: number) => FirstOffsets>;
  private readonly recent = new RecentMessages(1000);

  private constructor(private readonly db: Database) {
    // Built once: making a transaction function costs about as much as a small append.
    this.appendAll = db.transaction((batches: Batches, timestamp: number) => {
      const firsts: FirstOffsets = new Map();
      eachInOrder(
        batches,
        (at, topic, partition) => {
          const offset = this.end(topic, partition);
          firsts.set(at, offset);
          return offset;
        },
        (topic, { partition, key, value }, offset) => this.insert.run(topic, partition, offset, key, value, timestamp),
      );
      return firsts;
    });
    this.lastOffset = db.prepare('SELECT MAX(offset) AS last FROM messages WHERE topic = ? AND partition = ?');
    this.insert = db.prepare(
      'INSERT INTO messages (topic, partition, offset, key, value, timestamp) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.readFrom = db.prepare(
      'SELECT partition, offset, key, value, timestamp FROM messages WHERE topic = ? AND partition = ? AND offset >= ? ORDER BY offset LIMIT ?',
    );
    // Rows as arrays, made into messages here: better-sqlite3 builds a row object a property at a time,
    // several times slower than an object literal for a consumer reading thousands of messages.
    this.readFrom.raw(true);
    this.committed = db.prepare(
      'SELECT next_offset FROM group_offsets WHERE group_id = ? AND topic = ? AND partition = ?',
    );
    const commit = db.prepare<[string, string, number, number]>(
      `INSERT INTO group_offsets (group_id, topic, partition, next_offset) VALUES (?, ?, ?, ?)
       ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = excluded.next_offset`,
    );
    this.commitAll = db.transaction((offsets: GroupOffset[]) => {
      for (const { groupId, topic, partition, nextOffset } of offsets) {
        commit.run(groupId, topic, partition, nextOffset);
        this.offsetCommitted(groupId, topic, partition, nextOffset);
      }
    });
  }

  static async open(file: string): Promise<LogStore> {
    const db = await openSqlite(file);
    db.exec(`
      CREATE TABLE IF NOT EXISTS topics (name TEXT PRIMARY KEY, partitions INTEGER NOT NULL CHECK (partitions > 0));
      CREATE TABLE IF NOT EXISTS messages (
        topic TEXT NOT NULL, partition INTEGER NOT NULL, offset INTEGER NOT NULL,
        key TEXT NOT NULL, value BLOB NOT NULL, timestamp INTEGER NOT NULL,
        PRIMARY KEY (topic, partition, offset)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS group_offsets (
        group_id TEXT NOT NULL, topic TEXT NOT NULL, partition INTEGER NOT NULL, next_offset INTEGER NOT NULL,
        PRIMARY KEY (group_id, topic, partition)) WITHOUT ROWID;`);
    return new LogStore(db);
  }

  close(): void {
    this.db.close();
  }

  createTopic(topic: TopicConfig): void {
    this.db
      .prepare('INSERT INTO topics (name, partitions) VALUES (?, ?) ON CONFLICT (name) DO NOTHING')
      .run(topic.name, topic.partitions);
  }

  /** Partition count of a topic, or undefined when it does not exist. A topic's count never changes. */
  partitions(topic: string): number | undefined {
    let count = this.partitionCounts.get(topic);
    if (count === undefined) {
      count = this.db
        .prepare<[string], { partitions: number }>('SELECT partitions FROM topics WHERE name = ?')
        .get(topic)?.partitions;
      if (count !== undefined) this.partitionCounts.set(topic, count);
    }
    return count;
  }

  /**
   * Appends several topics' batches in one immediate transaction: they are all there after a crash or
   * none is, and offsets are taken under the write lock, so another process appending to the same
   * file cannot collide.
   */
  append(batches: Batches, timestamp: number): FirstOffsets {
    return this.appendAll.immediate(batches, timestamp);
  }

  /**
   * Keeps in memory what an append (this connection's or the writer thread's) has committed, for
   * consumers in this process; `firsts` is what the append answered.
   */
  appended(batches: Batches, firsts: FirstOffsets, timestamp: number): void {
    const messages = new Map<string, BusMessage[]>();
    eachInOrder(
      batches,
      (at) => {
        messages.set(at, []);
        return firsts.get(at)!;
      },
      (topic, { partition, key, value }, offset, at) =>
        messages.get(at)!.push({ topic, partition, offset, key, value, timestamp }),
    );
    for (const [at, appended] of messages) this.recent.appended(at, appended);
  }

  /** The offset the next appended message of the partition will get. */
  end(topic: string, partition: number): number {
    return (this.lastOffset.get(topic, partition)?.last ?? -1) + 1;
  }

  read(topic: string, partition: number, from: number, limit: number): BusMessage[] {
    return (
      this.recent.read(partitionKey(topic, partition), from, limit) ??
      this.readFrom
        .all(topic, partition, from, limit)
        .map(([partition, offset, key, value, timestamp]) => ({ topic, partition, offset, key, value, timestamp }))
    );
  }

  /** Whether a reader at `next` has read all this process has appended to the partition (another process may have appended since). */
  caughtUp(topic: string, partition: number, next: number): boolean {
    return this.recent.caughtUp(partitionKey(topic, partition), next);
  }

  committedOffset(groupId: string, topic: string, partition: number): number | undefined {
    const key = groupPartitionKey(groupId, topic, partition);
    let offset = this.offsets.get(key);
    if (offset === undefined) {
      offset = this.committed.get(groupId, topic, partition)?.next_offset;
      if (offset !== undefined) this.offsets.set(key, offset);
    }
    return offset;
  }

  /** Writes the groups' positions in one transaction. */
  commitOffsets(offsets: GroupOffset[]): void {
    this.commitAll(offsets);
  }

  /** A commit made on another connection of this process (the bus's writer thread). */
  offsetCommitted(groupId: string, topic: string, partition: number, nextOffset: number): void {
    this.offsets.set(groupPartitionKey(groupId, topic, partition), nextOffset);
  }
}

/**
 * Walks an append's messages in the order they take offsets: one after another within each partition,
 * from `first`; `at` is the partition's key.
 */
function eachInOrder(
  batches: Batches,
  first: (at: string, topic: string, partition: number) => number,
  each: (topic: string, message: Placed, offset: number, at: string) => void,
): void {
  const next = new Map<string, number>();
  for (const { topic, messages } of batches) {
    for (const message of messages) {
      const at = partitionKey(topic, message.partition);
      const offset = next.get(at) ?? first(at, topic, message.partition);
      each(topic, message, offset, at);
      next.set(at, offset + 1);
    }
  }
}
