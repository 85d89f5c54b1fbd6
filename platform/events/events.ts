// The typed event layer every module uses: publishes and consumes schema-checked events, never raw bytes.
import type { Lifecycle } from '../lifecycle.ts';
import type { EventOf, TopicName } from '../../schemas/topics.ts';
import type { PartitionOffset } from '../bus/event-bus.ts';

export interface Delivered<E> {
  event: E;
  topic: string;
  partition: number;
  offset: number;
  key: string;
}

export interface ConsumeOptions<T extends TopicName> {
  groupId: string;
  topics: T[];
  fromBeginning?: boolean;
  /** At-least-once: a batch is redelivered after a crash, so handlers deduplicate by eventId or natural key. */
  handle(batch: Delivered<EventOf<T>>[]): Promise<void>;
  onError?(error: unknown): void;
  /**
   * Only these partitions of the topics are handed on; the others' messages are skipped undecoded. For a
   * member that owns fixed partitions while reading in a group of its own (the shared live reports).
   */
  partitions?: readonly number[];
  /** See SubscribeOptions.startFrom: a consumer whose output records its positions resumes from there. */
  startFrom?(topic: T, partition: number): Promise<number | undefined>;
}

export interface Events extends Lifecycle {
  /**
   * Validates each event against its Avro schema, encodes it in the Confluent wire format and appends it
   * to the topic keyed by the topic's key field. Throws before publishing anything if one event is invalid.
   */
  publish<T extends TopicName>(topic: T, events: EventOf<T>[]): Promise<void>;
  consume<T extends TopicName>(options: ConsumeOptions<T>): Promise<{ stop(): Promise<void> }>;
  /**
   * Moves a group's positions on a topic (the group must have no running consumer): a consumer that keeps
   * its own positions with its state, as the live reports do, starts from those rather than the group's.
   */
  setOffsets(groupId: string, topic: TopicName, offsets: PartitionOffset[]): Promise<void>;
}
