// Runs the event bus contract against the Kafka broker named by EMPORIUM_KAFKA_BROKERS (npm run test:real).
import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { KafkaEventBus } from '../../platform/bus/kafka-event-bus.ts';
import { silentLogger } from '../../platform/logger.ts';
import { testNamespace } from '../support/namespace.ts';
import { eventBusContract } from './event-bus.contract.ts';

const ns = testNamespace('bus');
afterAll(() => ns.drop());
const { bus } = ns.config;
if (bus.kind !== 'real') throw new Error('EMPORIUM_KAFKA_BROKERS must name the Kafka broker for the real suite');

eventBusContract('kafka', () => {
  const run = randomUUID().slice(0, 8);
  return {
    async open() {
      const kafka = new KafkaEventBus({ brokers: bus.brokers, prefix: bus.prefix, logger: silentLogger });
      await kafka.start();
      return kafka;
    },
    unique: (name) => `test-${run}-${name}`,
    timeoutMs: 30_000,
  };
});
