// Bus clients a real-server suite opens as it goes, all closed after it with its namespace and scratch folder dropped.
import fs from 'node:fs';
import { afterAll } from 'vitest';
import type { Config } from '../../platform/config.ts';
import { createEvents } from '../../platform/events/create-events.ts';
import type { Events } from '../../platform/events/events.ts';
import { silentLogger } from '../../platform/logger.ts';
import type { TestNamespace } from './namespace.ts';

/** Call inside the suite's describe: returns a function that opens (and starts) another client. */
export function suiteEvents(config: Config, ns: TestNamespace, scratch: string): () => Promise<Events> {
  const opened: Events[] = [];
  afterAll(async () => {
    for (const events of opened) await events.close();
    await ns.drop();
    fs.rmSync(scratch, { recursive: true, force: true });
  });
  return async () => {
    const events = createEvents(config, { logger: silentLogger });
    await events.start();
    opened.push(events);
    return events;
  };
}
