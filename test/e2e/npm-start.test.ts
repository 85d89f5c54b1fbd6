// `npm start` on a fresh data folder must serve health, the API docs and metrics within 15 seconds.
import { afterAll, expect, it } from 'vitest';
import { spawnShop } from '../support/spawn-shop.ts';

const shop = spawnShop('npm', ['start', '--silent', '--', '--port', '0']);
afterAll(() => shop.stop());

it('serves /health, /docs and /metrics within 15 s of npm start on an empty data folder', { timeout: 20_000 }, async () => {
  const started = Date.now();
  const url = await shop.url;
  const [health, docs, metrics] = await Promise.all(['/health', '/docs', '/metrics'].map((p) => fetch(url + p)));
  expect(Date.now() - started).toBeLessThan(15_000);
  expect(health!.status).toBe(200);
  expect(docs!.status).toBe(200);
  expect(await docs!.text()).toContain('<html');
  expect(metrics!.status).toBe(200);
  expect(await metrics!.text()).toContain('http_request_duration_seconds');
});
