// `emporium ingest FILE...`: sends supplier feed files through validation onto the feed, reporting every bad line.
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { ingestFile, type FeedReport } from '../ingest/feed/ingest-file.ts';
import { progressBar } from '../platform/progress.ts';
import { withInbound } from './with-inbound.ts';

export function ingestCommand() {
  return new Command('ingest')
    .description(
      'ingest supplier feed files (.csv with attr.<name> columns, or .jsonl); bad lines are reported and dead-lettered',
    )
    .argument('<files...>', 'feed files')
    .option('-r, --report <file>', 'also write the full report (every refused line with its reasons) as JSON')
    .option('--show <count>', 'refused lines to print per file', (v) => Number(v), 20)
    .action(async (files: string[], options: { report?: string; show: number }) => {
      const reports = await withInbound(async (inbound) => {
        const done: FeedReport[] = [];
        for (const file of files)
          done.push(await ingestFile(file, inbound, progressBar(`ingest ${path.basename(file)}`.slice(0, 22))));
        return done;
      });
      for (const report of reports) {
        process.stdout.write(`${report.file}: ${report.accepted} accepted, ${report.rejected} refused\n`);
        for (const r of report.rejections.slice(0, options.show)) {
          process.stdout.write(`  ${r.location}: ${r.reasons.map((x) => `${x.field} ${x.message}`).join('; ')}\n`);
        }
      }
      if (options.report) fs.writeFileSync(options.report, JSON.stringify(reports, null, 2));
      if (reports.some((r) => r.rejected > 0)) process.exitCode = 2;
    });
}
