// Runs the event bus contract against the Kafka broker named by EMPORIUM_KAFKA_BROKERS (npm run test:real).
import { randomUUID } from 'node:crypto';
import { KafkaEventBus } from '../../platform/bus/kafka-event-bus.ts';
import { loadConfig } from '../../platform/config.ts';
import { silentLogger } from '../../platform/logger.ts';
import { eventBusContract } from './event-bus.contract.ts';

const config = loadConfig();
if (config.bus.kind !== 'real') throw new Error('EMPORIUM_KAFKA_BROKERS must name the Kafka broker for the real suite');
const { brokers } = config.bus;

eventBusContract('kafka', () => {
  const run = randomUUID().slice(0, 8);
  return {
    async open() {
      const bus = new KafkaEventBus({ brokers, logger: silentLogger });
      await bus.start();
      return bus;
    },
    unique: (name) => `test-${run}-${name}`,
    timeoutMs: 30_000,
  };
});
