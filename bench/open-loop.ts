// Load at a fixed arrival rate (open loop), the way shoppers arrive: a request is due every 1/rate
// seconds whether or not earlier ones have answered, and its latency counts from when it was due, so a
// stall shows in every request it delays. autocannon's own rate limit sends each connection's share of a
// second back to back and then waits for the next second: that measures bursts, not a sustained rate.
// The first second warms up (connections opened, code compiled on both sides) and is not counted.
import { performance } from 'node:perf_hooks';
import { Pool, type Dispatcher } from 'undici';
import { cpuTime } from './http.ts';
import { percentile } from './stats.ts';

/** The next request to send: a path to GET, or a whole request. */
export type NextRequest = () => string | Pick<Dispatcher.RequestOptions, 'method' | 'path' | 'headers' | 'body'>;

/** With `shopPid`, the row also has the shop's CPU time per request sent (see cpuTime). */
export async function openLoop(options: {
  url: string;
  rate: number;
  seconds: number;
  next: NextRequest;
  shopPid?: number;
}) {
  const warmup = options.rate;
  // Enough connections that the client never queues a due request behind a slow one.
  const pool = new Pool(options.url, { connections: 128 });
  const total = warmup + options.rate * options.seconds;
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let failed = 0;
  let sent = 0;
  const started = performance.now();
  const clientCpu = process.cpuUsage();
  const shopCpu = options.shopPid === undefined ? undefined : cpuTime(options.shopPid);
  const send = (dueAt: number, counted: boolean) => {
    const next = options.next();
    const done = pool.request(typeof next === 'string' ? { method: 'GET', path: next } : next).then(
      async (response) => {
        // Read rather than dump(): on this 2-core machine the client shares the CPU with the shop it
        // measures, and undici's dump() cost 100 µs more per request (330 against 230 µs at 1,000/s).
        await response.body.arrayBuffer();
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
  const { user, system } = process.cpuUsage(clientCpu);
  const shop = shopCpu && cpuTime(options.shopPid!, shopCpu);
  return {
    'req/s': Math.round(latencies.length / seconds).toLocaleString('en-US'),
    'p50 ms': Number(percentile(latencies, 0.5).toFixed(1)),
    'p99 ms': Number(percentile(latencies, 0.99).toFixed(1)),
    'max ms': Number(Math.max(...latencies).toFixed(1)),
    requests: latencies.length.toLocaleString('en-US'),
    'non-2xx or errors': failed,
    // The load's own cost, taken from the same two cores as the shop's.
    'client µs/request': Math.round((user + system) / sent),
    ...(shop && {
      'request thread µs/request': Math.round(shop.requestThreadUs / sent),
      'all threads µs/request': Math.round(shop.allThreadsUs / sent),
    }),
  };
}
