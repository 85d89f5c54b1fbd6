// Picks the event bus adapter the config names: Kafka when brokers are set, else the embedded log.
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { EventBus } from './event-bus.ts';
import { EmbeddedEventBus } from './embedded-event-bus.ts';
import { KafkaEventBus } from './kafka-event-bus.ts';

export function createEventBus(config: Config, deps: { logger: Logger; clock?: Clock }): EventBus {
  return config.bus.kind === 'real'
    ? new KafkaEventBus({ brokers: config.bus.brokers, prefix: config.bus.prefix, logger: deps.logger })
    : new EmbeddedEventBus({ file: path.join(config.dataDir, 'bus.db'), clock: deps.clock, logger: deps.logger });
}
