// Typed events over a fresh embedded bus and registry, for tests that publish and read back real events.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedEventBus } from '../../platform/bus/embedded-event-bus.ts';
import { BusEvents } from '../../platform/events/bus-events.ts';
import type { Events } from '../../platform/events/events.ts';
import { EmbeddedSchemaRegistry } from '../../platform/registry/embedded-schema-registry.ts';
import type { EventOf, TopicName } from '../../schemas/topics.ts';
import { waitFor } from './wait-for.ts';

export interface TestEvents {
  events: Events;
  /** Every event on the topic so far, in partition order (each key in publish order). */
  readTopic<T extends TopicName>(topic: T): Promise<EventOf<T>[]>;
  close(): Promise<void>;
}

/** Events in a fresh folder, or over a running embedded shop's data folder (its bus and registry files). */
export async function openTestEvents(dataDir?: string): Promise<TestEvents> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-events-'));
  const bus = new EmbeddedEventBus({ file: path.join(dir, 'bus.db'), pollMs: 10 });
  const events = new BusEvents(bus, new EmbeddedSchemaRegistry({ file: path.join(dir, 'schema-registry.json') }));
  await events.start();
  let readers = 0;
  return {
    events,
    async readTopic<T extends TopicName>(topic: T) {
      const total = bus.endOffsets(topic).reduce((a, b) => a + b, 0);
      const seen: EventOf<T>[] = [];
      const subscription = await events.consume({
        groupId: `test-reader-${++readers}`,
        topics: [topic],
        fromBeginning: true,
        handle: (batch) => {
          seen.push(...batch.map((d) => d.event));
          return Promise.resolve();
        },
      });
      await waitFor(`${total} events on ${topic}`, () => seen.length >= total);
      await subscription.stop();
      return seen;
    },
    async close() {
      await events.close();
      if (!dataDir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
