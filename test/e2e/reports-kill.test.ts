// The live reports across kill -9: a child process counting the log is killed at seeded random points and
// started again; the report it ends with equals the recount of every event, each counted once.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqlite } from '../../platform/sql/open-sqlite.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { randomFor } from '../../ingest/demo/random.ts';
import { recount } from '../../stream/reports/recount.ts';
import { DEFAULT_SETTINGS, type Report } from '../../stream/reports/report.ts';
import { openTestEvents } from '../support/events.ts';
import { publishAll, randomShopEvents, readArrivals } from '../support/report-events.ts';

const child = path.join(import.meta.dirname, '../support/report-child.ts');

/** Runs the child; kills it `killAfterMs` after it started counting (never, when undefined). */
function runChild(dir: string, killAfterMs?: number): Promise<{ killed: boolean; report?: Report }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (killAfterMs !== undefined && out.startsWith('started\n') && !proc.killed)
        setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
    });
    proc.once('error', reject);
    proc.once('exit', (code, signal) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (signal === 'SIGKILL') resolve({ killed: true });
      else if (code === 0 && last.startsWith('{')) resolve({ killed: false, report: JSON.parse(last) as Report });
      else reject(new Error(`report child exited with ${code}: ${out}`));
    });
  });
}

async function positionsRead(dir: string): Promise<number> {
  const file = path.join(dir, 'reports.db');
  if (!fs.existsSync(file)) return 0;
  const db = await openSqlite(file);
  try {
    const row = db.prepare<[], { read: number | null }>('SELECT SUM(next_offset) AS read FROM report_positions').get();
    return row?.read ?? 0;
  } finally {
    db.close();
  }
}

describe('live reports across kill -9', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-reports-kill-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('ends with the recount of every event after being killed at random points', async () => {
    const t = await openTestEvents(dir);
    const published = randomShopEvents(19, 30_000, Date.UTC(2026, 11, 2, 9), 40);
    await publishAll(t.events, published);
    const expected = recount(await readArrivals(t.events, published.length), DEFAULT_SETTINGS);
    await t.close();

    const r = randomFor(2026, 19, 1);
    const progress: number[] = [];
    for (let kill = 0; kill < 6; kill++) {
      const outcome = await runChild(dir, r.int(0, 400));
      if (!outcome.killed) break;
      progress.push(await positionsRead(dir));
    }
    const { report } = await runChild(dir);
    expect(report).toEqual(expected);
    // Some kills landed while it was counting, with part of the log checkpointed.
    expect(progress.some((read) => read > 0 && read < published.length)).toBe(true);
    expect(expected.totals.duplicates).toBeGreaterThan(0);
  }, 120_000);
});
