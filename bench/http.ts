// What the HTTP benches share: a small JSON client for setting the shop up, and one row of figures per autocannon run.
import type autocannon from 'autocannon';

/** Calls the shop's API with JSON in and out, as the shopper holding `token` if given. */
export function jsonClient(url: string) {
  return async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(url + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) };
  };
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
