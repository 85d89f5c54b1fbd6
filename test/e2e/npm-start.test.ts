// `npm start` on a fresh data folder serves health, the API docs and metrics (how soon is a figure for a bench;
// the timeout only bounds a hang on a loaded machine).
import { afterAll, expect, it } from 'vitest';
import { spawnShop } from '../support/spawn-shop.ts';

const shop = spawnShop('npm', ['start', '--silent', '--', '--port', '0']);
afterAll(() => shop.stop());

it(
  'serves /health, /docs and /metrics once npm start prints its address on an empty data folder',
  { timeout: 120_000 },
  async () => {
    const url = await shop.url;
    const [health, docs, metrics] = await Promise.all(['/health', '/docs', '/metrics'].map((p) => fetch(url + p)));
    expect(health!.status).toBe(200);
    expect(docs!.status).toBe(200);
    expect(await docs!.text()).toContain('<html');
    expect(metrics!.status).toBe(200);
    expect(await metrics!.text()).toContain('http_request_duration_seconds');
  },
);
