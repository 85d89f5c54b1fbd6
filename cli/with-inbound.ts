// Runs a CLI task with the inbound service connected to the configured bus and registry, and closes them after.
import { Inbound } from '../ingest/inbound.ts';
import { newUuid, systemClock } from '../platform/clock.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import { createEvents } from '../platform/events/create-events.ts';
import { createLogger } from '../platform/logger.ts';

export async function withInbound<T>(task: (inbound: Inbound, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const events = createEvents(config, { logger });
  await events.start();
  try {
    return await task(new Inbound({ events, clock: systemClock, newId: newUuid }), config);
  } finally {
    await events.close();
  }
}
