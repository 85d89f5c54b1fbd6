// The live reports through the shop's API: the answers equal the recount of what was published, and the stream resumes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recount } from '../../stream/reports/recount.ts';
import type { Report } from '../../stream/reports/report.ts';
import { openTestEvents, type TestEvents } from '../support/events.ts';
import { publishAll, randomShopEvents, readArrivals } from '../support/report-events.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';
import { waitFor } from '../support/wait-for.ts';

const T0 = Date.UTC(2026, 11, 2, 9, 0, 0);

/** The first event the report stream sends. */
async function readStream(t: TestShop, headers: Record<string, string>): Promise<string> {
  const controller = new AbortController();
  const res = await t.shop.http.request('/api/reports/stream', {
    headers: { authorization: `Bearer ${await t.staff()}`, ...headers },
    signal: controller.signal,
  });
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const { value } = await reader.read();
  controller.abort();
  await reader.cancel().catch(() => undefined);
  return new TextDecoder().decode(value);
}

describe('reports API', () => {
  let t: TestShop;
  let events: TestEvents;
  let expected: Report;

  beforeAll(async () => {
    t = await openTestShop();
    // Published as another process would (the shop sees it within its poll interval).
    events = await openTestEvents(t.config.dataDir);
    const published = randomShopEvents(7, 3000, T0, 50);
    await publishAll(events.events, published);
    const { latenessMs, windowsMinutes, listLength } = t.config.reports;
    expected = recount(await readArrivals(events.events, published.length), { latenessMs, windowsMinutes, listLength });
    // Whole once the latest report (the stream's first event) is the recount, every window and list.
    await waitFor(
      'the report of every event',
      async () => {
        // Until there is a report the stream sends nothing yet.
        if ((await t.api('GET', '/reports/revenue-by-category', undefined, await t.staff())).status !== 200)
          return false;
        const first = await readStream(t, {});
        const data = /^data: (.*)$/m.exec(first)?.[1];
        return (
          data !== undefined &&
          JSON.stringify((JSON.parse(data) as Report).windows) === JSON.stringify(expected.windows)
        );
      },
      20_000,
    );
  });
  afterAll(async () => {
    await events.close();
    await t.close();
  });

  const listOf = (minutes: number, metric: string, category: string | null) =>
    expected.windows
      .find((w) => w.minutes === minutes)!
      .lists.find((l) => l.metric === metric && l.category === category)?.entries ?? [];

  it('answers top items per metric, window and category, stamped with the window, watermark and late and dropped counts', async () => {
    for (const metric of ['bought', 'wishlisted', 'carted', 'viewed']) {
      for (const [window, minutes] of [
        ['5m', 5],
        ['30m', 30],
        ['60m', 60],
      ] as const) {
        for (const category of [null, 'books', 'toys']) {
          const query = `metric=${metric}&window=${window}&limit=5${category ? `&category=${category}` : ''}`;
          const { status, body } = await t.api('GET', `/reports/top-items?${query}`, undefined, await t.staff());
          expect(status).toBe(200);
          const answer = body as {
            items: { itemId: string; count: number }[];
            late: number;
            dropped: number;
            watermark: string;
            window: { start: string };
          };
          expect(answer.items.map((i) => ({ key: i.itemId, count: i.count }))).toEqual(
            listOf(minutes, metric, category).slice(0, 5),
          );
          const w = expected.windows.find((x) => x.minutes === minutes)!;
          expect([answer.late, answer.dropped, answer.window.start, answer.watermark]).toEqual([
            w.late,
            w.dropped,
            new Date(w.start).toISOString(),
            new Date(expected.watermark!).toISOString(),
          ]);
        }
      }
    }
    expect(expected.windows[2]!.dropped + expected.windows[2]!.late).toBeGreaterThan(0);
  });

  it('answers top searches with the 30-minute window by default', async () => {
    const { status, body } = await t.api('GET', '/reports/top-searches', undefined, await t.staff());
    expect(status).toBe(200);
    const answer = body as { window: { minutes: number }; queries: { query: string; count: number }[] };
    expect(answer.window.minutes).toBe(30);
    expect(answer.queries.map((q) => ({ key: q.query, count: q.count }))).toEqual(
      listOf(30, 'searched', null).slice(0, 10),
    );
    expect(answer.queries[0]!.query).toBe(answer.queries[0]!.query.toLowerCase());
  });

  it('refuses an unknown metric, window or limit, naming the parameter', async () => {
    for (const [query, field] of [
      ['metric=liked', 'metric'],
      ['window=7m', 'window'],
      ['limit=0', 'limit'],
      ['limit=500', 'limit'],
    ]) {
      const { status, body } = await t.api('GET', `/reports/top-items?${query}`, undefined, await t.staff());
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'invalid', field });
    }
  });

  it('streams reports as server-sent events, and resumes after a Last-Event-ID', async () => {
    const read = (headers: Record<string, string>) => readStream(t, headers);
    const first = await read({});
    const id = /^id: (\d+)$/m.exec(first)![1]!;
    expect(first).toMatch(/^event: report$/m);
    const data = JSON.parse(/^data: (.*)$/m.exec(first)![1]!) as { windows: { end: number }[] };
    expect(data.windows[0]!.end).toBe(expected.windows[0]!.end);
    // An older id gets what came since (here, at least the latest); the latest id gets nothing until the next report.
    const resumed = await read({ 'last-event-id': String(Number(id) - 1) });
    expect(resumed).toContain(`id: ${id}`);
  });
});
