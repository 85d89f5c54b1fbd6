// `emporium reports verify`: recounts a live report from the lake's events up to the checkpoint's positions.
import { isDeepStrictEqual } from 'node:util';
import { factOf, REPORTED_TOPICS, type ReportedEvent } from '../reports/facts.ts';
import { recount, type Arrival } from '../reports/recount.ts';
import type { Report, ReportSettings } from '../reports/report.ts';
import type { Position } from '../reports/store/report-checkpoints.ts';
import { eventOfRow } from './lake-events.ts';
import { viewName, type LakeQuery } from './lake-query.ts';

export interface Verdict {
  /** True when the report equals the recount; false when not; null when the lake does not yet hold what the report read. */
  matches: boolean | null;
  /** Events the report had read, and of them the lake holds. */
  read: number;
  inLake: number;
  /** Partitions where the lake is behind the report (flushes still in memory), as `topic/partition: lake < report`. */
  behind: string[];
  /** What differs, by window and list; empty when it matches. */
  differences: string[];
  recounted: Report;
}

/**
 * Reads each reported partition's events below the report's next offset, in offset order, and feeds
 * them to the same brute-force recount the property tests use. The recount judges each partition by
 * its own clock, as the aggregator did, so reading partition after partition gives the same report.
 */
export async function verifyReport(
  lake: LakeQuery,
  saved: { report: Report; positions: Position[] },
  settings: ReportSettings,
): Promise<Verdict> {
  const limit = new Map(saved.positions.map((p) => [`${p.topic}/${p.partition}`, p.nextOffset]));
  const arrivals: Arrival[] = [];
  const held = new Map<string, number>();
  for (const topic of REPORTED_TOPICS) {
    const rows = await lake.rows(
      `SELECT kafka_partition AS p, kafka_offset AS o, to_json(v)::VARCHAR AS row FROM ${viewName(topic)} v ORDER BY kafka_partition, kafka_offset`,
    );
    for (const { p, o, row } of rows as { p: number; o: number; row: string }[]) {
      const source = `${topic}/${p}`;
      if (o >= (limit.get(source) ?? 0)) continue;
      held.set(source, (held.get(source) ?? 0) + 1);
      const fact = factOf(eventOfRow(JSON.parse(row) as Record<string, unknown>) as ReportedEvent);
      if (fact) arrivals.push({ source, fact });
    }
  }
  const read = saved.positions.reduce((s, p) => s + p.nextOffset, 0);
  const inLake = [...held.values()].reduce((s, n) => s + n, 0);
  const behind = saved.positions
    .filter((p) => (held.get(`${p.topic}/${p.partition}`) ?? 0) < p.nextOffset)
    .map((p) => `${p.topic}/${p.partition}: ${held.get(`${p.topic}/${p.partition}`) ?? 0} < ${p.nextOffset}`);
  const recounted = recount(arrivals, settings);
  if (behind.length) return { matches: null, read, inLake, behind, differences: [], recounted };
  const differences = differencesOf(saved.report, recounted);
  return { matches: differences.length === 0, read, inLake, behind, differences, recounted };
}

function differencesOf(report: Report, recounted: Report): string[] {
  const out: string[] = [];
  if (report.watermark !== recounted.watermark) out.push(`watermark ${report.watermark} ≠ ${recounted.watermark}`);
  if (!isDeepStrictEqual(report.totals, recounted.totals))
    out.push(`totals ${JSON.stringify(report.totals)} ≠ ${JSON.stringify(recounted.totals)}`);
  for (const window of report.windows) {
    const other = recounted.windows.find((w) => w.minutes === window.minutes);
    if (!other) {
      out.push(`${window.minutes}-minute window missing from the recount`);
      continue;
    }
    for (const list of window.lists) {
      const theirs = other.lists.find((l) => l.metric === list.metric && l.category === list.category);
      if (!isDeepStrictEqual(list.entries, theirs?.entries ?? []))
        out.push(`${window.minutes} min, ${list.metric}${list.category ? ` in ${list.category}` : ''}: lists differ`);
    }
    if (!isDeepStrictEqual(window.revenue, other.revenue)) out.push(`${window.minutes} min: revenue differs`);
    if (window.late !== other.late || window.dropped !== other.dropped)
      out.push(`${window.minutes} min: late/dropped ${window.late}/${window.dropped} ≠ ${other.late}/${other.dropped}`);
  }
  if (out.length === 0 && !isDeepStrictEqual(report, recounted)) out.push('the reports differ');
  return out;
}
