// Ingest end to end: a 100k-item feed file through validation, the bus and the item service into the embedded catalog.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { demoItems } from '../ingest/demo/items.ts';
import { ingestFile } from '../ingest/feed/ingest-file.ts';
import { Inbound } from '../ingest/inbound.ts';
import { newUuid, systemClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { createEvents } from '../platform/events/create-events.ts';
import { startAll } from '../platform/lifecycle.ts';
import { silentLogger } from '../platform/logger.ts';
import { createCatalog } from '../serving/catalog/create-catalog.ts';
import { megabytes, perSecond, trackPeakMemory } from './stats.ts';

const ITEMS = Number(process.env.ITEMS ?? 100_000);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-bench-ingest-'));
const feed = path.join(dataDir, 'feed.jsonl');
const out = fs.openSync(feed, 'w');
for (const item of demoItems({ seed: 1, count: ITEMS })) fs.writeSync(out, `${JSON.stringify(item)}\n`);
fs.closeSync(out);

const config = loadConfig({ EMPORIUM_DATA_DIR: dataDir });
const deps = { logger: silentLogger, clock: systemClock, newId: newUuid };
const events = createEvents(config, deps);
const catalog = createCatalog(config, { ...deps, events });
const closeAll = await startAll([events, ...catalog.parts]);
const memory = trackPeakMemory();

const started = performance.now();
const report = await ingestFile(feed, new Inbound({ events, ...deps }));
const onFeed = performance.now() - started;
while ((await catalog.store.count()) < report.accepted) await new Promise((r) => setTimeout(r, 20));
const inCatalog = performance.now() - started;
const peak = memory.stop();
await closeAll();

console.log(
  `ingest of ${ITEMS.toLocaleString('en-US')} items (${megabytes(fs.statSync(feed).size)} JSON lines), embedded`,
);
console.table({
  'file → supplier.items (validated, Avro)': {
    'items/s': perSecond(report.accepted, onFeed),
    'elapsed ms': onFeed.toFixed(0),
  },
  'file → catalog (end to end)': {
    'items/s': perSecond(report.accepted, inCatalog),
    'elapsed ms': inCatalog.toFixed(0),
  },
});
console.log(`accepted ${report.accepted}, refused ${report.rejected}, peak RSS ${megabytes(peak)}`);
fs.rmSync(dataDir, { recursive: true });
