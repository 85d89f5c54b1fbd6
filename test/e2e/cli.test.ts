// The emporium CLI as a user runs it: help on every command, seed to a feed file, ingest it with a report.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve('bin/emporium.mjs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-cli-'));
const env = { ...process.env, EMPORIUM_DATA_DIR: dataDir, EMPORIUM_LOG_LEVEL: 'warn' };

async function emporium(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run('node', [bin, ...args], { env });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('emporium CLI', { timeout: 30_000 }, () => {
  // One `emporium … --help` per command, each a fresh node loading the whole CLI: seconds apiece on a loaded
  // machine, so the guard is generous (it bounds a hang, it does not measure speed).
  it('has --help on every subcommand, nested ones included', { timeout: 180_000 }, async () => {
    const commandsOf = async (...path: string[]) => {
      const { stdout } = await emporium(...path, '--help');
      expect(stdout, path.join(' ')).toContain(`Usage: emporium${path.map((p) => ` ${p}`).join('')}`);
      const listed = stdout.split('Commands:')[1] ?? '';
      return [...listed.matchAll(/^ {2}([\w-]+) /gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    };
    const top = await commandsOf();
    expect(top).toEqual(expect.arrayContaining(['serve', 'seed', 'ingest', 'batch', 'access']));
    for (const command of top) for (const sub of await commandsOf(command)) await commandsOf(command, sub);
    expect(await commandsOf('batch')).toContain('serviceability');
  });

  it('builds the serviceability table offline and reports its size and build time', async () => {
    const { stdout } = await emporium('batch', 'serviceability', '--demo-warehouses', '3');
    expect(stdout).toMatch(/built [\d,]+ cells \(3 warehouses × [\d,]+ pincodes × 4 item classes/);
    expect(fs.existsSync(path.join(dataDir, 'serviceability', 'tat-table.bin'))).toBe(true);
  });

  it('writes a deterministic demo feed and ingests it, reporting the bad line and exiting 2', async () => {
    const feed = path.join(dataDir, 'feed.jsonl');
    const again = path.join(dataDir, 'again.jsonl');
    await emporium('seed', '--items', '50', '--seed', '9', '--out', feed);
    await emporium('seed', '--items', '50', '--seed', '9', '--out', again);
    expect(fs.readFileSync(feed, 'utf8')).toBe(fs.readFileSync(again, 'utf8'));

    fs.appendFileSync(feed, `${JSON.stringify({ itemId: 'broken', priceMinor: 12.5 })}\n`);
    const report = path.join(dataDir, 'report.json');
    const result = await emporium('ingest', feed, '--report', report);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('50 accepted, 1 refused');
    expect(result.stdout).toContain('feed.jsonl:51: supplierId is required');
    expect(JSON.parse(fs.readFileSync(report, 'utf8'))).toMatchObject([{ accepted: 50, rejected: 1 }]);
  });
});
