// The lake writer: the `lake` consumer group, buffering each partition's events and flushing them to Parquet exactly once.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { eventSchema } from '../../schemas/load-schemas.ts';
import { TOPICS, type TopicName } from '../../schemas/topics.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Events } from '../../platform/events/events.ts';
import type { Lifecycle } from '../../platform/lifecycle.ts';
import type { Logger } from '../../platform/logger.ts';
import { topicColumns, type LakeColumn } from './columns.ts';
import { LakeCommits, type CrashPoint } from './commits.ts';
import { listLakeFiles, readFloors } from './lake-files.ts';
import { dateOf, filePath, partitionKey, resumePositions } from './layout.ts';
import { ParquetWriter } from './parquet-writer.ts';
import { lakeRow, type DeliveredEvent } from './rows.ts';

export interface LakeWriterOptions {
  lakeDir: string;
  events: Events;
  logger: Logger;
  clock: Clock;
  /** Default: every topic of the table. */
  topics?: TopicName[];
  /** Each topic's columns; default from the current schemas (a test passes older ones). */
  columns?: (topic: TopicName) => LakeColumn[];
  /** A partition is flushed once it holds this many events… */
  flushRows?: number;
  /** Events held in memory in all, buffered or being written, before the biggest buffers are flushed early and reading waits. */
  maxBufferedRows?: number;
  /** …or its oldest has waited this long (checked every quarter of it, at most every second). */
  flushMs?: number;
  groupId?: string;
  crashPoint?: CrashPoint;
}

interface Pending {
  topic: TopicName;
  partition: number;
  first: number;
  last: number;
  rows: Map<string, string[]>;
  count: number;
  since: number;
}

/** Flush ids start with this: recovery at start aborts only the writer's own unfinished flushes. */
const PREFIX = 'w-';

export class LakeWriter implements Lifecycle {
  private readonly commits: LakeCommits;
  private readonly columns = new Map<TopicName, LakeColumn[]>();
  /** The next offset to accept per topic partition: one past what is in the lake or buffered. */
  private readonly next = new Map<string, number>();
  private readonly pending = new Map<string, Pending>();
  private parquet: ParquetWriter | undefined;
  private subscription: { stop(): Promise<void> } | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Flushes run one after another, in the order asked. */
  private flushing: Promise<void> = Promise.resolve();
  private failure: unknown;
  private sequence = 0;
  private readonly flushRows: number;
  private readonly maxBufferedRows: number;
  /** Events buffered, and events handed to flushes not yet done. */
  private buffered = 0;
  private writing = 0;
  private readonly flushMs: number;
  private readonly topics: TopicName[];

  constructor(private readonly options: LakeWriterOptions) {
    this.commits = new LakeCommits(options.lakeDir, options.crashPoint);
    this.flushRows = options.flushRows ?? 50_000;
    this.maxBufferedRows = options.maxBufferedRows ?? 200_000;
    this.flushMs = options.flushMs ?? 30_000;
    this.topics = options.topics ?? (Object.keys(TOPICS) as TopicName[]);
  }

  async start(): Promise<void> {
    for (const topic of this.topics)
      this.columns.set(
        topic,
        this.options.columns?.(topic) ??
          topicColumns(
            topic,
            TOPICS[topic].events.map((e) => JSON.parse(eventSchema(e).text) as object),
          ),
      );
    await this.commits.recover(PREFIX);
    const files = await listLakeFiles(this.options.lakeDir);
    for (const [key, offset] of resumePositions(files, await readFloors(this.options.lakeDir)))
      this.next.set(key, offset);
    this.parquet = await ParquetWriter.open();
    this.subscription = await this.options.events.consume({
      groupId: this.options.groupId ?? 'lake',
      topics: this.topics,
      fromBeginning: true,
      // The lake, not the group's committed offset, says where to resume (docs/lake.md, Resuming).
      // A partition with nothing in the lake starts at its beginning: the group may have moved past events
      // a crash lost from the buffer before their first flush.
      startFrom: (topic, partition) => Promise.resolve(this.next.get(partitionKey(topic, partition)) ?? 0),
      handle: (batch) => this.handle(batch as unknown as DeliveredEvent[]),
      onError: (error) => this.options.logger.error({ err: error }, 'lake writer stopped; restart to resume'),
    });
    const every = Math.max(50, Math.min(1000, this.flushMs / 4));
    this.timer = setInterval(() => this.flushAged(), every);
    this.timer.unref();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.subscription?.stop();
    this.subscription = undefined;
    if (this.parquet && this.failure === undefined) await this.flushAll();
    await this.flushing.catch(() => {});
    this.parquet?.close();
    this.parquet = undefined;
  }

  /** Next offset per `topic/partition` that the writer has accepted (in the lake or about to be). */
  positions(): ReadonlyMap<string, number> {
    return this.next;
  }

  /** Flushes every partition's buffer; resolves once all are in the lake. */
  async flushAll(): Promise<void> {
    for (const key of [...this.pending.keys()]) this.enqueue(key);
    await this.flushing;
  }

  private async handle(batch: DeliveredEvent[]): Promise<void> {
    if (this.failure !== undefined)
      throw new Error('the lake writer stopped after a failed flush', { cause: this.failure });
    for (const message of batch) {
      const key = partitionKey(message.topic, message.partition);
      const expected = this.next.get(key);
      // Already in the lake (a redelivery, or read again after a restart).
      if (expected !== undefined && message.offset < expected) continue;
      if (expected !== undefined && message.offset > expected)
        this.options.logger.warn(
          { key, expected, got: message.offset },
          'lake writer skipped offsets the bus did not deliver',
        );
      this.next.set(key, message.offset + 1);
      let pending = this.pending.get(key);
      if (!pending) {
        pending = {
          topic: message.topic as TopicName,
          partition: message.partition,
          first: message.offset,
          last: message.offset,
          rows: new Map(),
          count: 0,
          since: this.options.clock(),
        };
        this.pending.set(key, pending);
      }
      const date = dateOf(message.event.occurredAt);
      const rows = pending.rows.get(date);
      const row = lakeRow(message);
      if (rows) rows.push(row);
      else pending.rows.set(date, [row]);
      pending.last = message.offset;
      this.buffered++;
      if (++pending.count >= this.flushRows) this.enqueue(key);
    }
    // Many partitions, none full: the biggest go early, so memory stays bounded and DuckDB writes
    // on its threads while this one decodes.
    if (this.buffered > this.maxBufferedRows) {
      const biggest = [...this.pending].sort(([, a], [, b]) => b.count - a.count);
      for (const [key] of biggest) {
        if (this.buffered <= this.maxBufferedRows / 2) break;
        this.enqueue(key);
      }
    }
    // Waited for, so a writer that cannot keep up holds the bus back rather than filling memory.
    if (this.writing > this.maxBufferedRows) await this.flushing;
  }

  private flushAged(): void {
    const now = this.options.clock();
    for (const [key, p] of this.pending) if (now - p.since >= this.flushMs) this.enqueue(key);
  }

  private enqueue(key: string): void {
    const pending = this.pending.get(key);
    if (!pending) return;
    this.pending.delete(key);
    this.flushing = this.flushing
      .then(() => this.flush(pending))
      .catch((error: unknown) => {
        // Offsets after a lost flush must not land: nothing more is written until a restart resumes from the files.
        this.failure ??= error;
        this.options.logger.error({ err: error }, 'lake flush failed; the writer stops');
      });
  }

  /** Stage each date's file, then commit them together (docs/lake.md, Writing). */
  private async flush(p: Pending): Promise<void> {
    if (this.failure !== undefined) return;
    const id = `${PREFIX}${this.options.clock()}-${process.pid}-${this.sequence++}`;
    const staging = await this.commits.stage(id);
    const moves: [string, string][] = [];
    for (const [date, rows] of p.rows) {
      const final = filePath(p.topic, date, p.partition, p.first, p.last);
      const staged = path.join(staging, `${final}.staged`);
      await mkdirFor(staged);
      await this.parquet!.write(rows, this.columns.get(p.topic)!, staged);
      moves.push([path.relative(this.options.lakeDir, staged), final]);
    }
    await this.commits.commit(id, { moves, deletes: [] });
  }
}

async function mkdirFor(file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
}
