// The event bus port: an append-only, partitioned log of byte messages with consumer groups (Kafka's model).
import type { Lifecycle } from '../lifecycle.ts';

export interface TopicConfig {
  name: string;
  partitions: number;
}

export interface OutgoingMessage {
  /** Chooses the partition (hash of the key), so one key's messages stay in order. */
  key: string;
  value: Buffer;
}

export interface BusMessage {
  topic: string;
  partition: number;
  /** Position in the partition, starting at 0. */
  offset: number;
  key: string;
  value: Buffer;
  /** Milliseconds since the epoch when the message was appended. */
  timestamp: number;
}

export interface SubscribeOptions {
  /** Consumers sharing a group split the partitions; each group sees every message. */
  groupId: string;
  topics: string[];
  /** For a group with no committed offset: start at the oldest message (true) or only new ones (false, default). */
  fromBeginning?: boolean;
  /**
   * Called with batches in partition order. Offsets are committed after it resolves, so a crash
   * redelivers the batch (at-least-once). A throw stops the subscription and is reported through onError.
   */
  handle(batch: BusMessage[]): Promise<void>;
  onError?(error: unknown): void;
  /**
   * Where to read a partition from when this member is given it (at subscribe and after each rebalance),
   * overriding the group's committed offset; undefined keeps that. For a consumer whose output, not the
   * group, records how far it got (the lake's files).
   */
  startFrom?(topic: string, partition: number): Promise<number | undefined>;
}

export interface Subscription {
  /** Stops consuming after the batch in hand is committed; resolves when stopped. */
  stop(): Promise<void>;
}

export interface EventBus extends Lifecycle {
  /** Creates topics that do not exist yet; an existing topic is left as it is. */
  createTopics(topics: TopicConfig[]): Promise<void>;
  /** Appends the messages durably; resolves once they will survive a restart. */
  publish(topic: string, messages: OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /**
   * Moves a group's committed position on a topic (replay or skip); the group must have no running
   * consumer. Partitions not named keep their position.
   */
  setOffsets(groupId: string, topic: string, offsets: PartitionOffset[]): Promise<void>;
}

export interface PartitionOffset {
  partition: number;
  /** The next offset the group will read. */
  offset: number;
}
