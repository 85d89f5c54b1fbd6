// The Kafka event bus: the same port over Apache Kafka through kafkajs, keyed so each entity stays in order.
import type { Admin, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import type { Logger } from '../logger.ts';
import type {
  EventBus,
  OutgoingMessage,
  PartitionOffset,
  SubscribeOptions,
  Subscription,
  TopicConfig,
} from './event-bus.ts';

export interface KafkaEventBusOptions {
  brokers: string[];
  /** Goes before every topic and group id on the broker (the namespace); callers and messages see names without it. */
  prefix?: string;
  clientId?: string;
  logger: Logger;
}

export class KafkaEventBus implements EventBus {
  private kafka: Kafka | undefined;
  private producer: Producer | undefined;
  private admin: Admin | undefined;
  private readonly subscriptions = new Set<Subscription>();

  private readonly prefix: string;

  constructor(private readonly options: KafkaEventBusOptions) {
    this.prefix = options.prefix ?? '';
  }

  async start(): Promise<void> {
    const { Kafka, Partitioners, logLevel } = await import('kafkajs');
    const log = this.options.logger.child({ component: 'kafka' });
    this.kafka = new Kafka({
      clientId: this.options.clientId ?? 'emporium',
      brokers: this.options.brokers,
      logLevel: logLevel.WARN,
      logCreator: () => (entry) => log.warn({ namespace: entry.namespace, ...entry.log }, entry.log.message),
    });
    // Murmur2, as the embedded bus: a key maps to the same partition in both modes.
    this.producer = this.kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    this.admin = this.kafka.admin();
    await Promise.all([this.producer.connect(), this.admin.connect()]);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await Promise.all([this.producer?.disconnect(), this.admin?.disconnect()]);
    this.kafka = this.producer = this.admin = undefined;
  }

  async createTopics(topics: TopicConfig[]): Promise<void> {
    await this.adminClient().createTopics({
      waitForLeaders: true,
      topics: topics.map((t) => ({ topic: this.prefix + t.name, numPartitions: t.partitions, replicationFactor: -1 })),
    });
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (!this.producer) throw new Error('kafka event bus is not started');
    // acks=-1: resolved only once every in-sync replica has the batch.
    await this.producer.send({
      topic: this.prefix + topic,
      acks: -1,
      messages: messages.map((m) => ({ key: m.key, value: m.value })),
    });
  }

  async setOffsets(groupId: string, topic: string, offsets: PartitionOffset[]): Promise<void> {
    await this.adminClient().setOffsets({
      groupId: this.prefix + groupId,
      topic: this.prefix + topic,
      partitions: offsets.map((o) => ({ partition: o.partition, offset: String(o.offset) })),
    });
  }

  /** Resolves once this member has joined its group and holds its partitions. */
  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    if (!this.kafka) throw new Error('kafka event bus is not started');
    const groupId = this.prefix + options.groupId;
    const topics = options.topics.map((t) => this.prefix + t);
    if (!options.fromBeginning) await this.startNewGroupAtEnd(groupId, topics);
    // A throw from the handler stops the subscription (the port's promise); anything else that crashes
    // the consumer, such as a rebalance while members join together, restarts it into the group.
    let handlerFailed = false;
    const consumer = this.kafka.consumer({
      groupId,
      heartbeatInterval: 500,
      sessionTimeout: 10_000,
      rebalanceTimeout: 10_000,
      maxWaitTimeInMs: 100,
      retry: { retries: 0, restartOnFailure: () => Promise.resolve(!handlerFailed) },
    });
    consumer.on(consumer.events.CRASH, (event) => {
      if (!event.payload.restart) options.onError?.(event.payload.error);
    });
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    // Seeks asked for by startFrom, by prefixed topic and partition, until a batch from there arrives.
    const seeking = new Map<string, number>();
    const joined = new Promise<void>((resolve) =>
      consumer.on(consumer.events.GROUP_JOIN, (event) => {
        if (!options.startFrom) return resolve();
        void this.seekAssigned(options, event.payload.memberAssignment, seeking, consumer.seek.bind(consumer)).then(
          resolve,
          (error: unknown) => options.onError?.(error),
        );
      }),
    );
    await consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: async (payload) => {
        const key = `${payload.batch.topic}/${payload.batch.partition}`;
        const target = seeking.get(key);
        // A batch fetched before the seek took effect is not handed on (nor resolved): it is fetched again from there.
        if (target !== undefined) {
          if (target === UNKNOWN || Number(payload.batch.firstOffset()) !== target) return;
          seeking.delete(key);
        }
        try {
          await handleBatch(options, this.prefix, payload);
        } catch (error) {
          handlerFailed = true;
          throw error;
        }
      },
    });
    await joined;

    const subscription: Subscription = {
      stop: async () => {
        await consumer.disconnect();
        this.subscriptions.delete(subscription);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Moves this member to where startFrom says for each partition it was just given. */
  private async seekAssigned(
    options: SubscribeOptions,
    assignment: Record<string, number[]>,
    seeking: Map<string, number>,
    seek: (at: { topic: string; partition: number; offset: string }) => void,
  ): Promise<void> {
    // Held back until their seek is known: fetching goes on meanwhile, from the committed offsets.
    for (const [topic, partitions] of Object.entries(assignment))
      for (const partition of partitions) seeking.set(`${topic}/${partition}`, UNKNOWN);
    for (const [topic, partitions] of Object.entries(assignment)) {
      // An offset the broker no longer holds (its retention deleted it) starts at the oldest it has.
      const lows = new Map(
        (await this.adminClient().fetchTopicOffsets(topic)).map((o) => [o.partition, Number(o.low)]),
      );
      for (const partition of partitions) {
        const asked = await options.startFrom!(topic.slice(this.prefix.length), partition);
        if (asked === undefined) {
          seeking.delete(`${topic}/${partition}`);
          continue;
        }
        const at = Math.max(asked, lows.get(partition) ?? 0);
        seeking.set(`${topic}/${partition}`, at);
        seek({ topic, partition, offset: String(at) });
      }
    }
  }

  /**
   * Kafka's "latest" reset happens at the first fetch, after the join; pinning a new group's offsets to
   * the current end at subscribe time gives the embedded bus's meaning: only messages published from now on.
   */
  private async startNewGroupAtEnd(groupId: string, topics: string[]): Promise<void> {
    const admin = this.adminClient();
    const committed = await admin.fetchOffsets({ groupId, topics });
    for (const { topic, partitions } of committed) {
      if (partitions.some((p) => p.offset !== '-1')) continue;
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId,
        topic,
        partitions: ends.map((e) => ({ partition: e.partition, offset: e.high })),
      });
    }
  }

  private adminClient(): Admin {
    if (!this.admin) throw new Error('kafka event bus is not started');
    return this.admin;
  }
}

/** A partition whose startFrom is still being asked: its batches are not handed on yet. */
const UNKNOWN = -1;

/** Hands one partition batch to the handler and commits it only after the handler resolved. */
async function handleBatch(options: SubscribeOptions, prefix: string, payload: EachBatchPayload): Promise<void> {
  const { batch } = payload;
  if (!payload.isRunning() || payload.isStale() || batch.messages.length === 0) return;
  await options.handle(
    batch.messages.map((m) => ({
      topic: batch.topic.slice(prefix.length),
      partition: batch.partition,
      offset: Number(m.offset),
      key: m.key?.toString() ?? '',
      value: m.value ?? Buffer.alloc(0),
      timestamp: Number(m.timestamp),
    })),
  );
  // Committed only after the handler resolved: a crash before this redelivers the batch.
  payload.resolveOffset(batch.lastOffset());
  await payload.commitOffsetsIfNecessary();
}
