// The serviceability table: build time for 50 warehouses × every US pincode, lookup latency, and one
// route change applied incrementally.
import { performance } from 'node:perf_hooks';
import { demoNetwork } from '../ingest/demo/network.ts';
import { ITEM_CLASSES } from '../serving/catalog/taxonomy.ts';
import { TableBuilder } from '../serving/serviceability/table-builder.ts';
import { megabytes, trackPeakMemory } from './stats.ts';

const WAREHOUSES = Number(process.env.WAREHOUSES ?? 50);
const LOOKUPS = 10_000_000;

const network = demoNetwork({ warehouses: WAREHOUSES });
const memory = trackPeakMemory();
const builder = new TableBuilder(network);
let started = performance.now();
const table = builder.build();
const buildMs = performance.now() - started;

// Lookups in batches timed together: one lookup is far below the timer's resolution.
const pincodes = network.pincodes.length;
const batches: number[] = [];
let reachable = 0;
for (let b = 0; b < LOOKUPS / 1000; b++) {
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) {
    const n = b * 1000 + i;
    if (table.tat(n % WAREHOUSES, (n * 7919) % pincodes, n % ITEM_CLASSES.length) !== undefined) reachable++;
  }
  batches.push(((performance.now() - t0) * 1e6) / 1000);
}
batches.sort((a, b) => a - b);

const trunk = network.routes.find((r) => r.courier === 'roadrunner')!;
started = performance.now();
const changed = builder.applyRouteChange({ routeId: trunk.id, minutes: trunk.minutes * 3 });
const changeMs = performance.now() - started;
const lastMile = network.routes.find((r) => r.courier === 'lastmile')!;
started = performance.now();
const changedLastMile = builder.applyRouteChange({ routeId: lastMile.id, removed: true });
const lastMileMs = performance.now() - started;

console.log(
  `serviceability: ${WAREHOUSES} warehouses × ${pincodes.toLocaleString('en-US')} pincodes × ${ITEM_CLASSES.length} item classes, ${network.hubs.length} hubs, ${network.routes.length.toLocaleString('en-US')} routes`,
);
console.table({
  'full build': {
    'elapsed ms': buildMs.toFixed(0),
    cells: table.minutes.length.toLocaleString('en-US'),
    'table size': megabytes(table.minutes.byteLength),
  },
  'linehaul route 3x slower (incremental)': {
    'elapsed ms': changeMs.toFixed(1),
    cells: `${changed.toLocaleString('en-US')} changed`,
  },
  'last-mile route removed (incremental)': {
    'elapsed ms': lastMileMs.toFixed(1),
    cells: `${changedLastMile.toLocaleString('en-US')} changed`,
  },
});
console.log(
  `lookup: p50 ${batches[Math.floor(batches.length * 0.5)]!.toFixed(1)} ns, p99 ${batches[Math.floor(batches.length * 0.99)]!.toFixed(1)} ns (per lookup, batches of 1000), ${((reachable / LOOKUPS) * 100).toFixed(1)}% reachable; peak RSS ${megabytes(memory.stop())}`,
);
