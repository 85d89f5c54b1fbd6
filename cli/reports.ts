// `emporium reports`: the live reports as of their last checkpoint, read from the data folder.
import path from 'node:path';
import { Command, Option } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { ITEM_METRICS } from '../stream/reports/facts.ts';
import type { Report } from '../stream/reports/report.ts';
import { savedReport } from '../stream/reports/saved-report.ts';
import { SqliteReportCheckpoints } from '../stream/reports/store/sqlite-report-checkpoints.ts';
import { LakeQuery } from '../stream/lake/lake-query.ts';
import { verifyReport } from '../stream/lake/verify-report.ts';
import { wholeNumber } from './whole-number.ts';

async function currentReport(): Promise<{ report: Report; windows: number[] }> {
  const config = loadConfig();
  const { latenessMs, windowsMinutes, listLength } = config.reports;
  const checkpoints = new SqliteReportCheckpoints(path.join(config.dataDir, 'reports.db'));
  const { report } = await savedReport(checkpoints, { latenessMs, windowsMinutes, listLength });
  return { report, windows: windowsMinutes };
}

const iso = (ms: number | null) => (ms === null ? 'none yet' : new Date(ms).toISOString());

export function reportsCommand() {
  return new Command('reports')
    .description('the live reports (top items, top searches) as of their last checkpoint in the data folder')
    .addCommand(
      new Command('top-items')
        .description('items most bought, wishlisted, added to cart or viewed in a sliding window')
        .addOption(new Option('--metric <metric>', 'what to rank by').choices(ITEM_METRICS).default('bought'))
        .option(
          '--window <minutes>',
          'the window, in minutes (one of EMPORIUM_REPORTS_WINDOWS)',
          wholeNumber(1, 1440),
          30,
        )
        .option('--category <category>', 'only this category')
        .option('--limit <n>', 'how many items', wholeNumber(1, 20), 10)
        .option('--json', 'print the answer as JSON')
        .action(
          async (options: { metric: string; window: number; category?: string; limit: number; json?: boolean }) => {
            const { report, windows } = await currentReport();
            if (!windows.includes(options.window))
              throw new Error(`--window must be one of ${windows.join(', ')} (EMPORIUM_REPORTS_WINDOWS)`);
            const window = report.windows.find((w) => w.minutes === options.window);
            const entries = (
              window?.lists.find((l) => l.metric === options.metric && l.category === (options.category ?? null))
                ?.entries ?? []
            ).slice(0, options.limit);
            const answer = {
              metric: options.metric,
              category: options.category ?? null,
              window: window ? { minutes: window.minutes, start: iso(window.start), end: iso(window.end) } : null,
              watermark: report.watermark === null ? null : iso(report.watermark),
              late: window?.late ?? 0,
              dropped: window?.dropped ?? 0,
              items: entries.map((e) => ({ itemId: e.key, count: e.count })),
            };
            if (options.json) {
              process.stdout.write(`${JSON.stringify(answer)}\n`);
              return;
            }
            const lines = [
              `most ${options.metric} items${options.category ? ` in ${options.category}` : ''}, ${answer.window ? `${answer.window.start} to ${answer.window.end}` : 'no window yet'} (watermark ${answer.watermark ?? 'none yet'}; late ${answer.late}, dropped ${answer.dropped})`,
              ...answer.items.map((item, i) => `${String(i + 1).padStart(3)}. ${item.itemId}  ${item.count}`),
              '',
            ];
            process.stdout.write(lines.join('\n'));
          },
        ),
    )
    .addCommand(
      new Command('verify')
        .description(
          'recount the live report from the lake with DuckDB, for the events it had read at its last checkpoint, and say whether they match',
        )
        .option('--json', 'print the verdict as JSON')
        .action(async (options: { json?: boolean }) => {
          const config = loadConfig();
          const { latenessMs, windowsMinutes, listLength } = config.reports;
          const settings = { latenessMs, windowsMinutes, listLength };
          const saved = await savedReport(
            new SqliteReportCheckpoints(path.join(config.dataDir, 'reports.db')),
            settings,
          );
          const lake = await LakeQuery.open(config.lakeDir);
          const verdict = await verifyReport(lake, saved, settings).finally(() => lake.close());
          const { recounted, ...summary } = verdict;
          void recounted;
          if (options.json)
            process.stdout.write(`${JSON.stringify({ ...summary, watermark: iso(saved.report.watermark) })}\n`);
          else
            process.stdout.write(
              [
                verdict.matches === null
                  ? `cannot verify yet: the lake holds ${verdict.inLake} of the ${verdict.read} events the report had read (its writer flushes every EMPORIUM_LAKE_FLUSH_SECONDS)`
                  : `${verdict.matches ? 'matches' : 'DIFFERS from'} the recount of ${verdict.inLake} lake events (watermark ${iso(saved.report.watermark)})`,
                ...verdict.behind.slice(0, 10).map((b) => `  behind: ${b}`),
                ...verdict.differences.map((d) => `  ${d}`),
                '',
              ].join('\n'),
            );
          if (verdict.matches === false) process.exitCode = 1;
        }),
    );
}
