// The live reports shared by two shop instances on the real Kafka: each re-keys and counts half, and the view's
// merge equals the recount of the re-keyed facts; a member resumes from its checkpoint; the namespace is dropped.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { KafkaEventBus } from '../../platform/bus/kafka-event-bus.ts';
import { BusEvents } from '../../platform/events/bus-events.ts';
import type { Events } from '../../platform/events/events.ts';
import { silentLogger } from '../../platform/logger.ts';
import { createSchemaRegistry } from '../../platform/registry/create-schema-registry.ts';
import { testNamespace } from '../support/namespace.ts';
import { runSharedReports } from '../support/shared-reports.ts';

const ns = testNamespace('reports');
const { config } = ns;
if (config.bus.kind !== 'real') throw new Error('the real suite needs EMPORIUM_KAFKA_BROKERS');
const { brokers, prefix } = config.bus;

function eventsOn(): Events {
  return new BusEvents(new KafkaEventBus({ brokers, prefix, logger: silentLogger }), createSchemaRegistry(config));
}

describe('live reports shared on Kafka', () => {
  let producer: Events;
  beforeAll(async () => {
    producer = eventsOn();
    await producer.start();
  });
  afterAll(async () => {
    await producer.close();
    await ns.drop();
  });

  it(
    'two instances split the counting, the view merges them to the recount, and a member resumes',
    { timeout: 400_000 },
    async () => {
      await runSharedReports({
        producer,
        // Each instance a Kafka client of its own, as two shop processes are.
        openInstance: async () => {
          const events = eventsOn();
          await events.start();
          return { events, close: () => events.close() };
        },
        start: Date.UTC(2026, 11, 2, 9),
        count: 1200,
        timeoutMs: 90_000,
      });
    },
  );
});
