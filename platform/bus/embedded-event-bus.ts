// The embedded event bus: a durable partitioned log in one SQLite file, with Kafka's consumer-group semantics.
import type { Clock } from '../clock.ts';
import { systemClock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type {
  EventBus,
  OutgoingMessage,
  PartitionOffset,
  SubscribeOptions,
  Subscription,
  TopicConfig,
} from './event-bus.ts';
import { ConsumerGroups, type TopicPartition } from './embedded/consumer-group.ts';
import { groupPartitionKey, partitionKey } from './embedded/keys.ts';
import type { WriterCall } from './embedded/writer-thread.ts';
import { LogStore, type Batches, type FirstOffsets, type GroupOffset } from './embedded/log-store.ts';
import { partitionFor } from './partitioner.ts';
import { ThreadCalls } from '../threads/thread-calls.ts';

export interface EmbeddedEventBusOptions {
  file: string;
  clock?: Clock;
  /** Messages handed to a handler at once, from one partition. */
  batchSize?: number;
  /**
   * How often an idle consumer looks for messages appended by another process (a CLI run against the same
   * data folder); this process's appends wake it at once. Each look reads every partition of its topics:
   * at 100 ms the idle shop spent 670-710 ms of CPU every 20 s, at the default 500 ms 490-520 ms.
   */
  pollMs?: number;
  /** Told if the writer thread dies. */
  logger?: Logger;
}

/**
 * Valid on one machine: the log survives restarts and may be appended to by several processes, but the
 * members of a consumer group must live in one process (groups are coordinated in memory). Writes
 * (appends and consumers' offsets) run on a thread of their own: appending took a twentieth of the
 * request thread under checkout load. Reads stay here; SQLite lets them run beside the thread's writes.
 */
export class EmbeddedEventBus implements EventBus {
  private store: LogStore | undefined;
  private readonly writer: ThreadCalls<WriterCall>;
  /** The last append sent to the thread, settled or not. */
  private appending: Promise<void> = Promise.resolve();
  /** Consumers' positions moved since they were last written, by group, topic and partition. */
  private readonly unsaved = new Map<string, GroupOffset>();
  private saver: NodeJS.Timeout | undefined;
  private readonly groups = new ConsumerGroups();
  private readonly subscriptions = new Set<Subscription>();
  /** Idle consumer loops, each with the topics whose appends should wake it. */
  private readonly waiters = new Map<(published: boolean) => void, readonly string[]>();
  /** Publishes waiting for the next group commit. */
  private readonly queued: {
    topic: string;
    messages: { partition: number; key: string; value: Buffer }[];
    resolve: () => void;
    reject: (error: unknown) => void;
  }[] = [];
  /** Appends made by this process per partition: an idle consumer rereads only partitions that changed. */
  private readonly appends = new Map<string, number>();
  private readonly clock: Clock;
  private readonly batchSize: number;
  private readonly pollMs: number;

  constructor(private readonly options: EmbeddedEventBusOptions) {
    this.clock = options.clock ?? systemClock;
    this.batchSize = options.batchSize ?? 1000;
    this.pollMs = options.pollMs ?? 500;
    this.writer = new ThreadCalls('event log writer', new URL('./embedded/writer-thread.ts', import.meta.url), {
      data: { file: options.file },
      logger: options.logger,
      failing: 'publishing fails until the shop restarts',
    });
  }

  async start(): Promise<void> {
    // Opened here first: the thread then finds the tables made.
    this.store = await LogStore.open(this.options.file);
    await this.writer.start();
    this.saver = setInterval(
      () =>
        void this.saveOffsets().catch((error: unknown) =>
          this.options.logger?.error({ err: error }, 'could not save consumer offsets; retrying'),
        ),
      SAVE_OFFSETS_MS,
    );
  }

  async close(): Promise<void> {
    if (this.queued.length) this.flush();
    await this.appending;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    clearInterval(this.saver);
    await this.saveOffsets();
    await this.writer.close();
    this.store?.close();
    this.store = undefined;
  }

  createTopics(topics: TopicConfig[]): Promise<void> {
    for (const topic of topics) this.log().createTopic(topic);
    return Promise.resolve();
  }

  /**
   * Resolves once the messages are on disk. Publishes made in the same turn of the event loop are
   * written in one transaction (group commit): many requests publishing at once share one write.
   */
  publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    const partitions = this.partitionsOf(topic);
    const placed = messages.map((m) => ({ partition: partitionFor(m.key, partitions), key: m.key, value: m.value }));
    return new Promise((resolve, reject) => {
      this.queued.push({ topic, messages: placed, resolve, reject });
      if (this.queued.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.queued.splice(0);
    const batches = packed(batch);
    const timestamp = this.clock();
    // The thread answers in the order it was asked, so appends reach memory and consumers in log order.
    this.appending = this.writer.call({ write: 'append', batches, timestamp }).then(
      (firsts) => this.appended(batch, firsts as FirstOffsets, timestamp),
      (error: unknown) => batch.forEach((b) => b.reject(error)),
    );
  }

  private appended(batch: typeof this.queued, firsts: FirstOffsets, timestamp: number): void {
    this.store?.appended(batch, firsts, timestamp);
    const topics = new Set<string>();
    for (const { topic, messages, resolve } of batch) {
      topics.add(topic);
      for (const partition of new Set(messages.map((m) => m.partition))) {
        const key = partitionKey(topic, partition);
        this.appends.set(key, (this.appends.get(key) ?? 0) + 1);
      }
      resolve();
    }
    for (const [wake, waitingFor] of this.waiters) if (waitingFor.some((t) => topics.has(t))) wake(true);
  }

  /** The next offset of every partition of a topic: how many messages each holds. */
  endOffsets(topic: string): number[] {
    return Array.from({ length: this.partitionsOf(topic) }, (_, partition) => this.log().end(topic, partition));
  }

  async setOffsets(groupId: string, topic: string, offsets: PartitionOffset[]): Promise<void> {
    if (this.groups.hasMembers(groupId))
      throw new Error(`group ${groupId} has running consumers; stop them before moving offsets`);
    this.partitionsOf(topic);
    await Promise.all(offsets.map(({ partition, offset }) => this.commit(groupId, topic, partition, offset)));
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const partitions: TopicPartition[] = options.topics.flatMap((topic) =>
      Array.from({ length: this.partitionsOf(topic) }, (_, partition) => ({ topic, partition })),
    );
    // The consumer's own positions first, then a new group's place is fixed before this resolves: what is
    // published afterwards is the group's to read.
    if (options.startFrom)
      for (const tp of partitions) {
        const at = await options.startFrom(tp.topic, tp.partition);
        if (at !== undefined) await this.commit(options.groupId, tp.topic, tp.partition, at);
      }
    await Promise.all(partitions.map((tp) => this.position(options.groupId, tp, options.fromBeginning ?? false)));
    const member = this.groups.join(options.groupId);
    let stopped = false;
    const loop = this.consume(options, member, partitions, () => stopped).finally(() =>
      this.groups.leave(options.groupId, member),
    );
    const subscription: Subscription = {
      stop: async () => {
        stopped = true;
        for (const wake of this.waiters.keys()) wake(true);
        await loop;
        this.subscriptions.delete(subscription);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  private async consume(
    options: SubscribeOptions,
    member: symbol,
    partitions: TopicPartition[],
    stopped: () => boolean,
  ): Promise<void> {
    const { groupId } = options;
    // Partitions last found empty, with this process's append count then; after a poll timeout all are read (other processes append too).
    const empty = new Map<string, number>();
    let everything = true;
    while (!stopped()) {
      let handled = false;
      for (const tp of this.groups.assignment(groupId, member, partitions)) {
        const key = partitionKey(tp.topic, tp.partition);
        const appended = this.appends.get(key) ?? 0;
        if (!everything && empty.get(key) === appended) continue;
        if (stopped() || !this.groups.lock(groupId, tp)) continue;
        try {
          const from = await this.position(groupId, tp, options.fromBeginning ?? false);
          const batch = this.log().read(tp.topic, tp.partition, from, this.batchSize);
          if (batch.length === 0) {
            empty.set(key, appended);
            continue;
          }
          await options.handle(batch);
          const next = batch[batch.length - 1]!.offset + 1;
          // Committed only after the handler resolved: a crash before it is saved redelivers the batch.
          this.moved(groupId, tp.topic, tp.partition, next);
          // Read to the last append here: not read again until the next one (or the poll for other
          // processes' appends), rather than found empty by a read of its own after every batch.
          if (this.log().caughtUp(tp.topic, tp.partition, next)) empty.set(key, appended);
          else empty.delete(key);
          handled = true;
        } catch (error) {
          options.onError?.(error);
          return;
        } finally {
          this.groups.unlock(groupId, tp);
        }
      }
      everything = !handled && !stopped() ? !(await this.nextAppend(options.topics)) : false;
    }
  }

  /** Where a group reads next; a new group starts at the oldest message or at the current end. */
  private async position(groupId: string, tp: TopicPartition, fromBeginning: boolean): Promise<number> {
    const committed = this.log().committedOffset(groupId, tp.topic, tp.partition);
    if (committed !== undefined) return committed;
    const start = fromBeginning ? 0 : this.log().end(tp.topic, tp.partition);
    await this.commit(groupId, tp.topic, tp.partition, start);
    return start;
  }

  /** Writes a group's position on the thread (a write here would wait for the thread's), and keeps it in memory. */
  private async commit(groupId: string, topic: string, partition: number, nextOffset: number): Promise<void> {
    await this.writer.call({ write: 'commit', offsets: [{ groupId, topic, partition, nextOffset }] });
    this.log().offsetCommitted(groupId, topic, partition, nextOffset);
  }

  /**
   * A consumer's new position: kept in memory at once, written with the others every SAVE_OFFSETS_MS
   * and on close, as Kafka's consumers commit. Written per batch, it cost a thread call per batch (6%
   * of the shop's CPU at a steady 1,000 checkouts/s); a crash now redelivers up to a second of
   * messages, which consumers deduplicate as they must anyway.
   */
  private moved(groupId: string, topic: string, partition: number, nextOffset: number): void {
    this.log().offsetCommitted(groupId, topic, partition, nextOffset);
    this.unsaved.set(groupPartitionKey(groupId, topic, partition), { groupId, topic, partition, nextOffset });
  }

  private async saveOffsets(): Promise<void> {
    if (this.unsaved.size === 0) return;
    const offsets = [...this.unsaved];
    this.unsaved.clear();
    try {
      await this.writer.call({ write: 'commit', offsets: offsets.map(([, offset]) => offset) });
    } catch (error) {
      // Kept for the next try, unless the consumer has moved on meanwhile.
      for (const [key, offset] of offsets) if (!this.unsaved.has(key)) this.unsaved.set(key, offset);
      throw error;
    }
  }

  /** Resolves true on the next publish in this process, or false after pollMs (to see appends by other processes). */
  private nextAppend(topics: readonly string[]): Promise<boolean> {
    return new Promise((resolve) => {
      const wake = (published: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(published);
      };
      const timer = setTimeout(() => wake(false), this.pollMs);
      this.waiters.set(wake, topics);
    });
  }

  private partitionsOf(topic: string): number {
    const partitions = this.log().partitions(topic);
    if (partitions === undefined) throw new Error(`unknown topic ${topic}: create it first`);
    return partitions;
  }

  private log(): LogStore {
    if (!this.store) throw new Error('embedded event bus is not started');
    return this.store;
  }
}

const SAVE_OFFSETS_MS = 1000;

/**
 * The batches with their values copied into one buffer of their own. Encoded values are slices of the
 * encoder's 64 KB slabs (wire-format.ts), and a message to a thread copies the whole buffer behind
 * every view it carries: sent as they are, each append would copy a slab or two for a few hundred bytes.
 */
function packed(batches: Batches): Batches {
  let size = 0;
  for (const { messages } of batches) for (const m of messages) size += m.value.length;
  const pack = Buffer.allocUnsafeSlow(size);
  let at = 0;
  return batches.map(({ topic, messages }) => ({
    topic,
    messages: messages.map(({ partition, key, value }) => {
      value.copy(pack, at);
      return { partition, key, value: pack.subarray(at, (at += value.length)) };
    }),
  }));
}
