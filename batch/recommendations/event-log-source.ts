// Signals read from the event log: a throwaway consumer group reads every signal topic from its
// beginning up to where each partition ended when the read began.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { EmbeddedEventBus } from '../../platform/bus/embedded-event-bus.ts';
import type { Config } from '../../platform/config.ts';
import { BusEvents } from '../../platform/events/bus-events.ts';
import type { Events } from '../../platform/events/events.ts';
import { createLogger } from '../../platform/logger.ts';
import { createSchemaRegistry } from '../../platform/registry/create-schema-registry.ts';
import type { InteractionSource } from './interaction-source.ts';
import { SIGNAL_TOPICS, SIGNAL_TYPES, type SignalEvent } from './signals.ts';

const SIGNAL_TYPE_SET: ReadonlySet<string> = new Set(SIGNAL_TYPES);

export class EventLogSource implements InteractionSource {
  /** `endOffsets(topic)` gives each partition's next offset (the embedded bus's `endOffsets`). */
  constructor(
    private readonly events: Events,
    private readonly endOffsets: (topic: string) => number[],
  ) {}

  async readSignalEvents(since: number | null): Promise<SignalEvent[]> {
    const remaining = new Map<string, number>();
    for (const topic of SIGNAL_TOPICS)
      this.endOffsets(topic).forEach((end, partition) => end > 0 && remaining.set(`${topic}/${partition}`, end));
    const byId = new Map<string, SignalEvent>();
    if (remaining.size === 0) return [];
    let finished!: () => void;
    let failed!: (error: unknown) => void;
    const done = new Promise<void>((resolve, reject) => {
      finished = resolve;
      failed = reject;
    });
    const subscription = await this.events.consume({
      groupId: `recommendations-read-${randomUUID()}`,
      topics: [...SIGNAL_TOPICS],
      fromBeginning: true,
      onError: (error) => failed(error),
      handle: (batch) => {
        for (const { event, topic, partition, offset } of batch) {
          if (SIGNAL_TYPE_SET.has(event.type) && (since === null || event.occurredAt >= since))
            byId.set(event.eventId, event as SignalEvent);
          const key = `${topic}/${partition}`;
          if (offset + 1 >= (remaining.get(key) ?? Infinity)) remaining.delete(key);
        }
        if (remaining.size === 0) finished();
        return Promise.resolve();
      },
    });
    try {
      await done;
    } finally {
      await subscription.stop();
    }
    return [...byId.values()];
  }
}

/**
 * The shop's embedded event log as a source, opened for each read and closed before training starts.
 * The embedded log only: Kafka deletes what is past its retention, so real mode reads the lake.
 */
export function embeddedEventLogSource(config: Config): InteractionSource {
  return {
    async readSignalEvents(since) {
      const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
      const bus = new EmbeddedEventBus({ file: path.join(config.dataDir, 'bus.db'), logger });
      const events = new BusEvents(bus, createSchemaRegistry(config));
      await events.start();
      try {
        return await new EventLogSource(events, (topic) => bus.endOffsets(topic)).readSignalEvents(since);
      } finally {
        await events.close();
      }
    },
  };
}
