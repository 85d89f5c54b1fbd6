// A live-reports process for the kill -9 test: counts the data folder's log until it has read all of it, then prints the report.
import path from 'node:path';
import { EmbeddedEventBus } from '../../platform/bus/embedded-event-bus.ts';
import { newUuid, systemClock } from '../../platform/clock.ts';
import { BusEvents } from '../../platform/events/bus-events.ts';
import { silentLogger } from '../../platform/logger.ts';
import { EmbeddedSchemaRegistry } from '../../platform/registry/embedded-schema-registry.ts';
import { REPORTED_TOPICS } from '../../stream/reports/facts.ts';
import { DEFAULT_SETTINGS } from '../../stream/reports/report.ts';
import { ReportConsumer } from '../../stream/reports/report-consumer.ts';
import { SqliteReportCheckpoints } from '../../stream/reports/store/sqlite-report-checkpoints.ts';
import { waitFor } from './wait-for.ts';

const dir = process.argv[2]!;
const bus = new EmbeddedEventBus({ file: path.join(dir, 'bus.db'), pollMs: 10, batchSize: 200 });
const events = new BusEvents(bus, new EmbeddedSchemaRegistry({ file: path.join(dir, 'schema-registry.json') }));
await events.start();
const reports = new ReportConsumer({
  events,
  checkpoints: new SqliteReportCheckpoints(path.join(dir, 'reports.db')),
  settings: DEFAULT_SETTINGS,
  logger: silentLogger,
  clock: systemClock,
  newId: newUuid,
  memberId: 'kill-test',
  checkpointEveryMs: Number(process.argv[3] ?? 20),
  publish: () => Promise.resolve(),
});
await reports.start();
process.stdout.write('started\n');
const caughtUp = () =>
  REPORTED_TOPICS.every((topic) => bus.endOffsets(topic).every((end, p) => reports.nextOffset(topic, p) >= end));
await waitFor('the whole log', caughtUp, 120_000);
await reports.close();
process.stdout.write(`${JSON.stringify(reports.report())}\n`);
await events.close();
