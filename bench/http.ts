// What the HTTP benches share: the shop as `npm start` runs it, a small JSON client for setting it up,
// and one row of figures per autocannon run.
import type autocannon from 'autocannon';
import fs from 'node:fs';
import { readDemoAccess } from '../ingest/demo/demo-access.ts';
import { spawnShop } from '../test/support/spawn-shop.ts';

/** The shop in its own process, started with `npm start`'s command line (its V8 flags too); PROFILE=1 writes CPU profiles to /tmp/prof. */
export function benchShop(env: Record<string, string>) {
  const start = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [node, ...args] = start.split(' ');
  const profile = process.env.PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [];
  return spawnShop(node!, [...profile, ...args, '--port', '0'], env);
}

/** Calls the shop's API with JSON in and out, as the shopper holding `token` if given. */
export function jsonClient(url: string) {
  return async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(url + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
}

/** A staff token, signed in with the staff account the demo made on its first start (stock takes need one). */
export async function staffToken(url: string, dataDir: string): Promise<string> {
  const access = readDemoAccess(dataDir);
  if (!access) throw new Error(`no demo access in ${dataDir}: the shop needs EMPORIUM_DEMO_ITEMS > 0`);
  const res = await jsonClient(url)('POST', '/api/sessions', access.staff);
  if (res.status !== 200) throw new Error(`staff sign-in failed: ${JSON.stringify(res.body)}`);
  return (res.body as { token: string }).token;
}

/** Throughput and latency of one run, as the benches print them. */
export function figures(result: autocannon.Result) {
  return {
    'req/s': Math.round(result.requests.average).toLocaleString('en-US'),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'max ms': result.latency.max,
    requests: result.requests.total.toLocaleString('en-US'),
    'non-2xx or errors': result.non2xx + result.errors,
  };
}

const TICK_US = 10_000; // Linux counts CPU time in ticks of 1/100 s

/**
 * CPU time a process has spent, on its first (request) thread and on all its threads, from Linux's
 * accounting; given an earlier reading, the time since. Unlike throughput it does not drop when the
 * virtual machine's host takes the CPU away (steal time), so it compares code across noisy runs.
 */
export function cpuTime(pid: number, since = { requestThreadUs: 0, allThreadsUs: 0 }) {
  const usOf = (file: string) => {
    const fields = fs.readFileSync(`/proc/${pid}/${file}`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, the 14th and 15th fields of stat(5), counted after the command name.
    return (Number(fields[11]) + Number(fields[12])) * TICK_US;
  };
  return {
    requestThreadUs: usOf(`task/${pid}/stat`) - since.requestThreadUs,
    allThreadsUs: usOf('stat') - since.allThreadsUs,
  };
}

/** Waits until the shop has gone a second using under a tenth of a core (the work earlier rows left behind is done), for at most a minute. */
export async function settled(pid: number): Promise<void> {
  for (let second = 0; second < 60; second++) {
    const before = cpuTime(pid);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (cpuTime(pid, before).allThreadsUs < 100_000) return;
  }
}
