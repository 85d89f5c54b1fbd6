// Sign-in timing: a wrong password for a registered email against an unknown email, through the HTTP app
// in process, alternating, so an attacker cannot tell from the answer time who has an account.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createShop } from '../app/shop.ts';
import { fakeClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { silentLogger } from '../platform/logger.ts';
import { percentile } from './stats.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 100);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-bench-signin-'));
// The throttle would answer 429 after a few wrong passwords: the clock moves ten minutes between tries.
const clock = fakeClock(Date.now());
const shop = await createShop(loadConfig({ EMPORIUM_DATA_DIR: dataDir, EMPORIUM_DEMO_ITEMS: '0' }), {
  logger: silentLogger,
  clock,
});
await shop.start();
const post = async (body: object) => {
  const started = performance.now();
  const res = await shop.http.request('/api/sessions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status };
};
for (let i = 0; i < 20; i++)
  await shop.http.request('/api/users', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `user-${i}@example.com`, password: 'registered!', name: `User ${i}` }),
  });

const registered: number[] = [];
const unknown: number[] = [];
const statuses = new Set<number>();
for (let i = 0; i < ROUNDS; i++) {
  clock.advance(10 * 60_000);
  const a = await post({ email: `user-${i % 20}@example.com`, password: 'a wrong password' });
  const b = await post({ email: `nobody-${i}@example.com`, password: 'a wrong password' });
  registered.push(a.ms);
  unknown.push(b.ms);
  statuses.add(a.status).add(b.status);
}
await shop.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const row = (samples: number[]) => ({
  'p50 ms': percentile(samples, 0.5).toFixed(1),
  'p90 ms': percentile(samples, 0.9).toFixed(1),
  'min ms': Math.min(...samples).toFixed(1),
});
console.log(`sign-in with a wrong password, ${ROUNDS} of each, alternating; every answer ${[...statuses].join(', ')}`);
console.table({ 'registered email': row(registered), 'unknown email': row(unknown) });
