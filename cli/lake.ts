// `emporium lake`: list, query, export, compact and prune the event lake (docs/lake.md) with DuckDB.
import { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { progressBar } from '../platform/progress.ts';
import { compactLake } from '../stream/lake/compactor.ts';
import { lakePartitions } from '../stream/lake/lake-listing.ts';
import { LakeQuery, type Row } from '../stream/lake/lake-query.ts';
import { pruneLake } from '../stream/lake/retention.ts';
import { wholeNumber } from './whole-number.ts';

const out = (text: string): void => void process.stdout.write(`${text}\n`);
const n = (value: number) => value.toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 0)} MB`;

async function withLake<T>(work: (lake: LakeQuery, lakeDir: string) => Promise<T>): Promise<T> {
  const { lakeDir } = loadConfig();
  const lake = await LakeQuery.open(lakeDir);
  try {
    return await work(lake, lakeDir);
  } finally {
    lake.close();
  }
}

/** Rows as an aligned table, long values cut so a row stays on a line. */
export function table(rows: Row[]): string {
  if (rows.length === 0) return '(no rows)';
  const show = (v: unknown) => {
    const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? 'null');
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  };
  const columns = Object.keys(rows[0]!);
  const cells = rows.map((r) => columns.map((c) => show(r[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function lakeCommand() {
  return new Command('lake')
    .description('the event lake: every event of every topic as Parquet under the lake folder (docs/lake.md)')
    .addCommand(
      new Command('ls')
        .description('each topic and date with its events, files and size')
        .option('--json', 'print the partitions as JSON')
        .action(async (options: { json?: boolean }) => {
          const partitions = await withLake((lake) => lakePartitions(lake));
          if (options.json) return out(JSON.stringify(partitions));
          const rows = partitions.map((p) => ({
            topic: p.topic,
            date: p.date,
            events: n(p.events),
            files: p.files,
            size: mb(p.bytes),
          }));
          out(table(rows));
          const events = partitions.reduce((s, p) => s + p.events, 0);
          const bytes = partitions.reduce((s, p) => s + p.bytes, 0);
          out(`${n(events)} events in ${partitions.length} partitions, ${mb(bytes)} (${loadConfig().lakeDir})`);
        }),
    )
    .addCommand(
      new Command('sql')
        .description('run SQL over the lake: one view per topic (orders, search_performed, …) and `events` over all')
        .argument('<query>')
        .option('--json', 'print the rows as JSON lines')
        .action(async (query: string, options: { json?: boolean }) => {
          const rows = await withLake((lake) => lake.rows(query));
          if (options.json) return out(rows.map((r) => JSON.stringify(r)).join('\n'));
          out(table(rows));
          out(`${n(rows.length)} rows`);
        }),
    )
    .addCommand(
      new Command('export')
        .description('write the rows of a query to a CSV or Parquet file')
        .argument('<query>')
        .requiredOption('--out <file>', 'a .csv or .parquet file')
        .option('--json', 'print the summary as JSON')
        .action(async (query: string, options: { out: string; json?: boolean }) => {
          const started = performance.now();
          const rows = await withLake((lake) => lake.export(query, options.out));
          const summary = { rows, out: options.out, ms: Math.round(performance.now() - started) };
          out(
            options.json ? JSON.stringify(summary) : `exported ${n(rows)} rows to ${options.out} in ${summary.ms} ms`,
          );
        }),
    )
    .addCommand(
      new Command('compact')
        .description('merge the small files of each topic, date and partition (safe beside a running shop)')
        .option('--small-mb <mb>', 'files under this size are merged', wholeNumber(1, 4096), 16)
        .option('--target-mb <mb>', 'merged files stay under this size', wholeNumber(1, 65536), 128)
        .option('--json', 'print the summary as JSON')
        .action(async (options: { smallMb: number; targetMb: number; json?: boolean }) => {
          const summary = await compactLake(loadConfig().lakeDir, {
            limits: { smallBytes: options.smallMb << 20, targetBytes: options.targetMb << 20 },
            progress: progressBar('compacting files'),
          });
          out(
            options.json
              ? JSON.stringify(summary)
              : `${summary.merged} merges: ${n(summary.filesBefore)} files (${mb(summary.bytesBefore)}) now ${n(summary.filesAfter)} (${mb(summary.bytesAfter)})`,
          );
        }),
    )
    .addCommand(
      new Command('retention')
        .description('delete the days of events older than the retention (by event date)')
        .option(
          '--older-than-days <days>',
          'days kept, today included (default EMPORIUM_LAKE_RETENTION_DAYS)',
          wholeNumber(1, 36500),
        )
        .option('--json', 'print the summary as JSON')
        .action(async (options: { olderThanDays?: number; json?: boolean }) => {
          const config = loadConfig();
          const days = options.olderThanDays ?? config.lake.retentionDays;
          const summary = await pruneLake(config.lakeDir, days, Date.now());
          out(
            options.json
              ? JSON.stringify(summary)
              : `deleted ${n(summary.files)} files (${mb(summary.bytes)}) of events before ${summary.before} in ${summary.folders.length} date folders`,
          );
        }),
    );
}
