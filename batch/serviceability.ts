// The offline serviceability job: builds the whole table from the saved network (the network handed in when
// none is saved, or when asked for a fresh one) and saves it where the shop loads it from.
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

export function buildServiceability(
  dataDir: string,
  /** `fresh` replaces the saved network; `initial` is used when none is saved (the caller picks both, e.g. the demo's). */
  networks: { fresh?: Network; initial: () => Network },
  progress: Progress,
): ServiceabilityReport {
  const files = new TableFiles(dataDir);
  const network: Network = networks.fresh ?? files.readNetwork() ?? networks.initial();
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
