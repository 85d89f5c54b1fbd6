// The lake across kill -9: a writer process is killed at seeded random moments (inside the commit protocol
// and at random times), started again, and the lake ends holding every event sent exactly once.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { randomFor } from '../../ingest/demo/random.ts';
import { listLakeFiles } from '../../stream/lake/lake-files.ts';
import { LakeQuery } from '../../stream/lake/lake-query.ts';
import { openTestEvents } from '../support/events.ts';
import { publishAll, randomShopEvents } from '../support/report-events.ts';

const child = path.join(import.meta.dirname, '../support/lake-child.ts');

/** Runs the writer; it kills itself at crash point `crashAt`, or is killed `killAfterMs` after it started. */
function runChild(dir: string, crashAt: number, killAfterMs?: number): Promise<'killed' | 'done'> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dir, String(crashAt), '37'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (killAfterMs !== undefined && out === 'started\n') setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
    });
    proc.once('error', reject);
    proc.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0 && out.includes('done')) resolve('done');
      else reject(new Error(`lake child exited with ${code}: ${out}`));
    });
  });
}

/** The event ids the lake holds, one per row, sorted. */
async function landed(lakeDir: string): Promise<string[]> {
  const lake = await LakeQuery.open(lakeDir);
  try {
    return (await lake.rows('select event_id from events order by event_id')).map((r) => String(r.event_id));
  } finally {
    lake.close();
  }
}

describe('lake across kill -9', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-lake-kill-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('holds every event sent exactly once, and never a half-written file', async () => {
    const sent = randomShopEvents(17, 3000, Date.UTC(2026, 11, 2, 23, 40), 40);
    const t = await openTestEvents(dir);
    const r = randomFor(2026, 17, 2);
    const outcomes: string[] = [];
    const counts: number[] = [];
    // Events keep arriving between the crashes, as they would in a running shop.
    for (let round = 0; round < 8; round++) {
      await publishAll(t.events, sent.slice((round * sent.length) / 8, ((round + 1) * sent.length) / 8));
      const outcome = r.chance(0.6) ? await runChild(dir, r.int(1, 60)) : await runChild(dir, 0, r.int(0, 600));
      outcomes.push(outcome);
      const files = await listLakeFiles(path.join(dir, 'lake'));
      // Only whole Parquet files are ever visible under their final names.
      expect(files.every((f) => f.bytes > 0)).toBe(true);
      const ids = await landed(path.join(dir, 'lake'));
      expect(new Set(ids).size + duplicates(sent, ids)).toBe(ids.length);
      counts.push(ids.length);
    }
    await t.close();
    expect(await runChild(dir, 0)).toBe('done');

    const ids = await landed(path.join(dir, 'lake'));
    expect(ids).toEqual(sent.map((p) => p.event.eventId).sort());
    expect(fs.readdirSync(path.join(dir, 'lake', '_lake', 'commits'))).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'lake', '_lake', 'staging'))).toEqual([]);
    // The kills landed mid-way: some rounds ended killed with part of the log in the lake.
    expect(outcomes.filter((o) => o === 'killed').length).toBeGreaterThan(3);
    expect(counts.some((n) => n > 0 && n < sent.length)).toBe(true);
  }, 240_000);
});

/** Ids in the lake more than once that were also sent more than once (one in twenty is published twice). */
function duplicates(sent: { event: { eventId: string } }[], ids: string[]): number {
  const times = new Map<string, number>();
  for (const p of sent) times.set(p.event.eventId, (times.get(p.event.eventId) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
  let extra = 0;
  for (const [id, n] of seen) if (n > 1) extra += Math.min(n, times.get(id) ?? 1) - 1;
  return extra;
}
