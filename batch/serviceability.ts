// The offline serviceability job: builds the whole table from the saved network (the demo network when
// none is saved, or when asked for a fresh one) and saves it where the shop loads it from.
import { demoNetwork } from '../ingest/demo/network.ts';
import type { Progress } from '../platform/progress.ts';
import type { Network } from '../serving/serviceability/network.ts';
import { TableBuilder } from '../serving/serviceability/table-builder.ts';
import { TableFiles } from '../serving/serviceability/table-files.ts';
import { UNREACHABLE } from '../serving/serviceability/tat-table.ts';

export interface ServiceabilityReport {
  warehouses: number;
  pincodes: number;
  routes: number;
  cells: number;
  reachableShare: number;
  buildMs: number;
  tableFile: string;
}

export function buildServiceability(dataDir: string, options: { demoWarehouses?: number }, progress: Progress): ServiceabilityReport {
  const files = new TableFiles(dataDir);
  const network: Network = options.demoWarehouses !== undefined ? demoNetwork({ warehouses: options.demoWarehouses }) : (files.readNetwork() ?? demoNetwork());
  const started = performance.now();
  const table = new TableBuilder(network).build(progress);
  const buildMs = performance.now() - started;
  files.write(network, table);
  let reachable = 0;
  for (const m of table.minutes) if (m !== UNREACHABLE) reachable++;
  return {
    warehouses: network.warehouses.length,
    pincodes: network.pincodes.length,
    routes: network.routes.length,
    cells: table.minutes.length,
    reachableShare: reachable / table.minutes.length,
    buildMs,
    tableFile: files.tableFile,
  };
}
