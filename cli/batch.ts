// `emporium batch`: offline jobs, each with a progress bar and a report of what it did.
import { Command } from 'commander';
import { runArchiveOrders } from '../batch/archive-orders-run.ts';
import { runReconcile } from '../batch/reconcile-run.ts';
import { buildServiceability } from '../batch/serviceability.ts';
import { demoNetwork } from '../ingest/demo/network.ts';
import { loadConfig } from '../platform/config.ts';
import { progressBar } from '../platform/progress.ts';
import { evaluateRecsCommand, trainRecsCommand } from './recs.ts';
import { wholeNumber } from './whole-number.ts';

const days = wholeNumber(0, 3650, 'days');
const warehouses = wholeNumber(1, 1000);

export function batchCommand() {
  return new Command('batch')
    .description('offline jobs over the shop data (run them while the shop is stopped, or restart it after)')
    .addCommand(
      new Command('archive-orders')
        .description(
          'move delivered and cancelled orders (owed no refund) from the live orders database to the archive (Cassandra in real mode)',
        )
        .option(
          '--older-than-days <days>',
          'only orders last changed at least this many days ago (never inside the return window)',
          days,
          30,
        )
        .action(async (options: { olderThanDays: number }) => {
          const archived = await runArchiveOrders(loadConfig(), options.olderThanDays, progressBar('archiving orders'));
          process.stdout.write(
            `archived ${archived.toLocaleString('en-US')} finished orders older than ${options.olderThanDays} days\n`,
          );
        }),
    )
    .addCommand(
      new Command('reconcile')
        .description(
          'recompute stock from its ledger of stock takes, holds and releases; repair drift, give back stock held by cancelled orders, cancel expired unpaid orders',
        )
        .action(async () => {
          const report = await runReconcile(loadConfig(), progressBar('repairing counts'));
          const units = report.orphanedHolds.reduce((sum, h) => sum + h.units, 0);
          const lines = [
            `expired unpaid orders cancelled: ${report.expiredOrders}`,
            `units given back from holds of cancelled or missing orders: ${units}`,
            `counts that drifted from their ledger: ${report.drift.length}${report.drift.length ? ' (now repaired)' : ''}`,
            ...report.drift.map(
              (d) => `  ${d.itemId} @ ${d.warehouseId}: was ${d.available}, ledger says ${d.expected}`,
            ),
            '',
          ];
          process.stdout.write(lines.join('\n'));
        }),
    )
    .addCommand(
      new Command('serviceability')
        .description(
          'compute, for every warehouse × pincode × item class, whether delivery is possible and the best turnaround time',
        )
        .option(
          '--demo-warehouses <count>',
          'start from a fresh demo network with this many warehouses instead of the saved one',
          warehouses,
        )
        .action((options: { demoWarehouses?: number }) => {
          const config = loadConfig();
          const report = buildServiceability(
            config.dataDir,
            {
              fresh:
                options.demoWarehouses === undefined ? undefined : demoNetwork({ warehouses: options.demoWarehouses }),
              initial: () => demoNetwork(),
            },
            progressBar('serviceability'),
          );
          process.stdout.write(
            [
              `built ${report.cells.toLocaleString('en-US')} cells (${report.warehouses} warehouses × ${report.pincodes.toLocaleString('en-US')} pincodes × 4 item classes, ${report.routes.toLocaleString('en-US')} routes) in ${report.buildMs.toFixed(0)} ms`,
              `${(report.reachableShare * 100).toFixed(1)}% of cells deliverable; saved to ${report.tableFile}`,
              '',
            ].join('\n'),
          );
        }),
    )
    .addCommand(trainRecsCommand())
    .addCommand(evaluateRecsCommand());
}
