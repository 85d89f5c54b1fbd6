// Builds the typed event layer from the config: the chosen bus under the chosen registry.
import { createEventBus } from '../bus/create-event-bus.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createSchemaRegistry } from '../registry/create-schema-registry.ts';
import { BusEvents } from './bus-events.ts';
import type { Events } from './events.ts';

export function createEvents(config: Config, deps: { logger: Logger; clock?: Clock }): Events {
  return new BusEvents(createEventBus(config, deps), createSchemaRegistry(config));
}
