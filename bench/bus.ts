// Embedded event bus throughput: publish and consume on one core, printed as events/s with latency and memory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { EmbeddedEventBus } from '../platform/bus/embedded-event-bus.ts';
import { megabytes, perSecond, summarize, trackPeakMemory } from './stats.ts';

const EVENTS = Number(process.env.EVENTS ?? 300_000);
const BATCH = 1000;
// A typical encoded event (Avro cart/order events are 80-200 bytes).
const value = Buffer.alloc(160, 7);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-bench-bus-'));
const bus = new EmbeddedEventBus({ file: path.join(dir, 'bus.db'), batchSize: 2000 });
await bus.start();
await bus.createTopics([{ name: 'bench', partitions: 6 }]);
const memory = trackPeakMemory();

const publishMs: number[] = [];
const publishStart = performance.now();
for (let i = 0; i < EVENTS; i += BATCH) {
  const messages = Array.from({ length: BATCH }, (_, j) => ({ key: `user-${(i + j) % 5000}`, value }));
  const t = performance.now();
  await bus.publish('bench', messages);
  publishMs.push(performance.now() - t);
}
const publishElapsed = performance.now() - publishStart;

let consumed = 0;
const consumeStart = performance.now();
const done = new Promise<void>((resolve) => {
  void bus.subscribe({
    groupId: 'bench',
    topics: ['bench'],
    fromBeginning: true,
    handle: (batch) => {
      consumed += batch.length;
      if (consumed >= EVENTS) resolve();
      return Promise.resolve();
    },
  });
});
await done;
const consumeElapsed = performance.now() - consumeStart;
await bus.close();
const peak = memory.stop();

console.log(
  `embedded bus, ${EVENTS.toLocaleString('en-US')} events of ${value.length} bytes, 6 partitions, batches of ${BATCH}`,
);
console.table({
  publish: {
    'events/s': perSecond(EVENTS, publishElapsed),
    'elapsed ms': publishElapsed.toFixed(0),
    ...summarize(publishMs),
  },
  consume: { 'events/s': perSecond(consumed, consumeElapsed), 'elapsed ms': consumeElapsed.toFixed(0) },
  'publish+consume': {
    'events/s': perSecond(EVENTS, publishElapsed + consumeElapsed),
    'elapsed ms': (publishElapsed + consumeElapsed).toFixed(0),
  },
});
console.log(`peak RSS ${megabytes(peak)}, log file ${megabytes(fs.statSync(path.join(dir, 'bus.db')).size)}`);
fs.rmSync(dir, { recursive: true });
