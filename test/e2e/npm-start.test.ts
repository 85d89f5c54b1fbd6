// `npm start` on a fresh data folder must serve health, the API docs and metrics within 15 seconds.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-start-'));
const child = spawn('npm', ['start', '--silent', '--', '--port', '0'], {
  env: { ...process.env, EMPORIUM_DATA_DIR: dataDir, EMPORIUM_LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true,
});

afterAll(() => {
  if (child.pid) process.kill(-child.pid, 'SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The base URL the CLI prints once the shop listens. */
function printedUrl(): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /API docs\s+(http:\/\/\S+)\/docs/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${out}`)));
  });
}

it('serves /health, /docs and /metrics within 15 s of npm start on an empty data folder', { timeout: 20_000 }, async () => {
  const started = Date.now();
  const url = await printedUrl();
  const [health, docs, metrics] = await Promise.all(['/health', '/docs', '/metrics'].map((p) => fetch(url + p)));
  expect(Date.now() - started).toBeLessThan(15_000);
  expect(health!.status).toBe(200);
  expect(docs!.status).toBe(200);
  expect(await docs!.text()).toContain('<html');
  expect(metrics!.status).toBe(200);
  expect(await metrics!.text()).toContain('http_request_duration_seconds');
});
