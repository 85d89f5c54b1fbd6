// The small simulated shop every notebook reads: two weeks of simulated shoppers over the demo catalog,
// published through the embedded bus, written into the lake and counted by the live reports, then
// recommendations trained and evaluated.
// `node --import tsx notebooks/prepare.ts <data folder>`; notebooks find it through NOTEBOOK_DATA.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { interactionSource } from '../app/recommendations-source.ts';
import { runEvaluateRecs, runTrainRecs } from '../batch/recommendations/run-recs.ts';
import { demoItems } from '../ingest/demo/items.ts';
import { publishHistory } from '../ingest/demo/simulate/publish-history.ts';
import { newUuid, systemClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { createEvents } from '../platform/events/create-events.ts';
import { createLogger } from '../platform/logger.ts';
import { LakeQuery } from '../stream/lake/lake-query.ts';
import { LakeWriter } from '../stream/lake/lake-writer.ts';
import { REPORTED_TOPICS } from '../stream/reports/facts.ts';
import { ReportConsumer } from '../stream/reports/report-consumer.ts';
import { SqliteReportCheckpoints } from '../stream/reports/store/sqlite-report-checkpoints.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: prepare.ts <data folder>');
const ITEMS = 300;
const config = loadConfig({ EMPORIUM_DATA_DIR: dataDir, EMPORIUM_DEMO_ITEMS: String(ITEMS) });
const logger = createLogger('warn');

const events = createEvents(config, { logger });
await events.start();
const items = [...demoItems({ seed: config.demo.seed, count: ITEMS })];
const history = await publishHistory(events, items, { seed: 1, shoppers: 300, days: 14, end: Date.now() });

// Into the lake, as the shop's writer does it, until every published event is there.
const writer = new LakeWriter({ lakeDir: config.lakeDir, events, logger, clock: systemClock, flushMs: 200 });
await writer.start();
for (let waited = 0; ; waited += 100) {
  await writer.flushAll();
  const lake = await LakeQuery.open(config.lakeDir);
  const [row] = await lake.rows('select count(*)::INTEGER as n from events');
  lake.close();
  if (Number(row?.n) >= history.events) break;
  if (waited > 120_000) throw new Error(`the lake holds ${String(row?.n)} of ${history.events} events after 2 minutes`);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
await writer.close();

// The live report over the same events, as the shop's aggregator keeps it; saved as JSON beside the lake
// with the positions it covers (the notebooks' kernel cannot open the aggregator's SQLite checkpoints).
const { latenessMs, windowsMinutes, listLength } = config.reports;
const settings = { latenessMs, windowsMinutes, listLength };
const reports = new ReportConsumer({
  events,
  checkpoints: new SqliteReportCheckpoints(path.join(dataDir, 'reports.db')),
  settings,
  logger,
  clock: systemClock,
  newId: newUuid,
  memberId: 'notebooks',
  publish: () => Promise.resolve(),
});
await reports.start();
const lake = await LakeQuery.open(config.lakeDir);
const ends = await lake.rows(
  `select topic, kafka_partition::INTEGER as p, (max(kafka_offset) + 1)::INTEGER as next from events group by all`,
);
lake.close();
const positions = ends
  .filter((e) => (REPORTED_TOPICS as readonly string[]).includes(String(e.topic)))
  .map((e) => ({ topic: String(e.topic), partition: Number(e.p), nextOffset: Number(e.next) }));
for (let waited = 0; positions.some((p) => reports.nextOffset(p.topic, p.partition) < p.nextOffset); waited += 50) {
  if (waited > 120_000) throw new Error('the live report did not catch up with the lake in 2 minutes');
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const report = reports.report();
await reports.close();
await events.close();
await writeFile(path.join(dataDir, 'live-report.json'), JSON.stringify({ report, positions, settings }));

const quiet = () => {};
const { source } = interactionSource(config);
const trained = await runTrainRecs(config, source, {}, quiet);
const evaluated = await runEvaluateRecs(config, source, {}, quiet);
process.stdout.write(
  `notebook data in ${dataDir}: ${history.events} events of ${history.shoppers} shoppers over ${history.days} days; model ${trained.version}; evaluation ${evaluated.json}\n`,
);
