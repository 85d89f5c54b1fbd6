// Runs the event bus contract against the embedded SQLite log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedEventBus } from '../../platform/bus/embedded-event-bus.ts';
import { eventBusContract } from './event-bus.contract.ts';

eventBusContract('embedded', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-bus-')), 'bus.db');
  let n = 0;
  return {
    async open() {
      const bus = new EmbeddedEventBus({ file, batchSize: 7, pollMs: 20 });
      await bus.start();
      return bus;
    },
    unique: (name) => `${name}-${++n}`,
    timeoutMs: 5000,
  };
});
