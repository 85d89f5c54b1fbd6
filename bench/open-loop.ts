// Load at a fixed arrival rate (open loop), the way shoppers arrive: a request is due every 1/rate
// seconds whether or not earlier ones have answered, and its latency counts from when it was due, so a
// stall shows in every request it delays. autocannon's own rate limit sends each connection's share of a
// second back to back and then waits for the next second: that measures bursts, not a sustained rate.
// The first second warms up (connections opened, code compiled on both sides) and is not counted.
import { performance } from 'node:perf_hooks';
import { Pool, type Dispatcher } from 'undici';
import { percentile } from './stats.ts';

/** The next request to send: a path to GET, or a whole request. */
export type NextRequest = () => string | Pick<Dispatcher.RequestOptions, 'method' | 'path' | 'headers' | 'body'>;

export async function openLoop(options: { url: string; rate: number; seconds: number; next: NextRequest }) {
  const warmup = options.rate;
  // Enough connections that the client never queues a due request behind a slow one.
  const pool = new Pool(options.url, { connections: 128 });
  const total = warmup + options.rate * options.seconds;
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let failed = 0;
  let sent = 0;
  const started = performance.now();
  const send = (dueAt: number, counted: boolean) => {
    const next = options.next();
    const done = pool.request(typeof next === 'string' ? { method: 'GET', path: next } : next).then(
      async (response) => {
        await response.body.dump();
        if (!counted) return;
        if (response.statusCode >= 300) failed++;
        else latencies.push(performance.now() - dueAt);
      },
      () => void (counted && failed++),
    );
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  };
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * options.rate));
    for (; sent < due; sent++) send(started + (sent * 1000) / options.rate, sent >= warmup);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000 - 1;
  await pool.close();
  return {
    'req/s': Math.round(latencies.length / seconds).toLocaleString('en-US'),
    'p50 ms': Number(percentile(latencies, 0.5).toFixed(1)),
    'p99 ms': Number(percentile(latencies, 0.99).toFixed(1)),
    'max ms': Number(Math.max(...latencies).toFixed(1)),
    requests: latencies.length.toLocaleString('en-US'),
    'non-2xx or errors': failed,
  };
}
