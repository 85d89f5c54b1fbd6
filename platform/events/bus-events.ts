// The typed event layer over the bus and the registry: events are checked against their Avro schema on the way out.
import type { EventType, TypedEvent } from '../../schemas/events.ts';
import { eventSchema, subjectOf } from '../../schemas/load-schemas.ts';
import { keyOf, TOPICS, type EventOf, type TopicName } from '../../schemas/topics.ts';
import type { BusMessage, EventBus, PartitionOffset } from '../bus/event-bus.ts';
import { invalid } from '../errors.ts';
import type { SchemaRegistry } from '../registry/schema-registry.ts';
import type { ConsumeOptions, Delivered, Events } from './events.ts';

export class BusEvents implements Events {
  private readonly schemaIds = new Map<string, number>();
  private readonly typeOfId = new Map<number, EventType>();

  constructor(
    private readonly bus: EventBus,
    private readonly registry: SchemaRegistry,
  ) {}

  /** Connects, creates every topic with its partition count and registers every record schema under its subject. */
  async start(): Promise<void> {
    await this.registry.start();
    await this.bus.start();
    await this.bus.createTopics(Object.entries(TOPICS).map(([name, spec]) => ({ name, partitions: spec.partitions })));
    for (const [topic, spec] of Object.entries(TOPICS) as [TopicName, (typeof TOPICS)[TopicName]][]) {
      for (const name of spec.events) {
        const id = await this.registry.register(subjectOf(topic, name), eventSchema(name).text);
        this.schemaIds.set(subjectOf(topic, name), id);
        this.typeOfId.set(id, name);
      }
    }
  }

  async close(): Promise<void> {
    await this.bus.close();
    await this.registry.close();
  }

  async publish<T extends TopicName>(topic: T, events: EventOf<T>[]): Promise<void> {
    if (events.length === 0) return;
    const records = events.map((event, index) => this.checked(topic, event as TypedEvent, index));
    const values = await Promise.all(records.map(({ id, record }) => this.registry.encode(id, record)));
    await this.bus.publish(
      topic,
      events.map((event, i) => ({ key: keyOf(topic, event), value: values[i]! })),
    );
  }

  consume<T extends TopicName>(options: ConsumeOptions<T>): Promise<{ stop(): Promise<void> }> {
    return this.bus.subscribe({
      groupId: options.groupId,
      topics: options.topics,
      fromBeginning: options.fromBeginning,
      onError: (error) => options.onError?.(error),
      startFrom: options.startFrom && ((topic, partition) => options.startFrom!(topic as T, partition)),
      handle: async (batch) => {
        const { partitions } = options;
        const kept = partitions ? batch.filter((m) => partitions.includes(m.partition)) : batch;
        if (kept.length > 0) await options.handle(await this.decodeAll<EventOf<T>>(kept));
      },
    });
  }

  setOffsets(groupId: string, topic: TopicName, offsets: PartitionOffset[]): Promise<void> {
    return this.bus.setOffsets(groupId, topic, offsets);
  }

  /** The schema id and the plain record of an event; throws naming the first field that does not fit. */
  private checked(topic: TopicName, event: TypedEvent, index: number): { id: number; record: object } {
    const { type, ...record } = event;
    if (!(TOPICS[topic].events as readonly EventType[]).includes(type))
      throw invalid(`events.${index}.type`, `${type} does not belong on topic ${topic}`);
    const id = this.schemaIds.get(subjectOf(topic, type));
    if (id === undefined) throw new Error('events are not started');
    let fault: string | undefined;
    const valid = eventSchema(type).type.isValid(record, {
      errorHook: (path, value) => (fault ??= `${path.join('.')} ${JSON.stringify(value) ?? 'undefined'}`),
    });
    if (!valid) {
      const [field = '', shown = ''] = (fault ?? '').split(' ');
      throw invalid(`events.${index}.${field}`, `${type}.${field} does not fit its schema (got ${shown})`);
    }
    return { id, record };
  }

  /** Without a promise per message while every schema id is at hand (the usual case after the first batch). */
  private async decodeAll<E>(batch: BusMessage[]): Promise<Delivered<E>[]> {
    const out: Delivered<E>[] = [];
    for (const message of batch) {
      const known = this.registry.decodeKnown(message.value);
      out.push(this.delivered<E>(message, known ?? (await this.registry.decode(message.value))));
    }
    return out;
  }

  private delivered<E>(message: BusMessage, { schemaId, value }: { schemaId: number; value: unknown }): Delivered<E> {
    const type = this.typeOfId.get(schemaId);
    if (!type)
      throw new Error(
        `message ${message.topic}/${message.partition}@${message.offset} has schema id ${schemaId}, unknown to this version`,
      );
    return {
      event: { type, ...(value as object) } as E,
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      key: message.key,
    };
  }
}
