// A lake writer process for the kill -9 test: writes the data folder's log into its lake until it has all of it.
// argv: data folder, the crash point to kill itself at (0: none), events per flush.
import path from 'node:path';
import { EmbeddedEventBus } from '../../platform/bus/embedded-event-bus.ts';
import { systemClock } from '../../platform/clock.ts';
import { BusEvents } from '../../platform/events/bus-events.ts';
import { silentLogger } from '../../platform/logger.ts';
import { EmbeddedSchemaRegistry } from '../../platform/registry/embedded-schema-registry.ts';
import { TOPICS, type TopicName } from '../../schemas/topics.ts';
import { LakeWriter } from '../../stream/lake/lake-writer.ts';
import { waitFor } from './wait-for.ts';

const [dir = '', crashAt = '0', flushRows = '50'] = process.argv.slice(2);
const bus = new EmbeddedEventBus({ file: path.join(dir, 'bus.db'), pollMs: 10, batchSize: 100 });
const events = new BusEvents(bus, new EmbeddedSchemaRegistry({ file: path.join(dir, 'schema-registry.json') }));
await events.start();
let moments = 0;
const writer = new LakeWriter({
  lakeDir: path.join(dir, 'lake'),
  events,
  logger: silentLogger,
  clock: systemClock,
  flushRows: Number(flushRows),
  flushMs: 20,
  // Dies at one moment of the commit protocol: after staging, after the commit, after a rename, after cleaning up.
  crashPoint: () => {
    if (++moments === Number(crashAt)) process.kill(process.pid, 'SIGKILL');
  },
});
await writer.start();
process.stdout.write('started\n');
const caughtUp = () =>
  (Object.keys(TOPICS) as TopicName[]).every((topic) =>
    bus.endOffsets(topic).every((end, p) => end === 0 || (writer.positions().get(`${topic}/${p}`) ?? 0) >= end),
  );
await waitFor('the whole log', caughtUp, 120_000);
await writer.close();
await events.close();
process.stdout.write('done\n');
