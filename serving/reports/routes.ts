// Reports HTTP API: top items, top searches and revenue per category over sliding windows, and a live stream of reports.
import { createRoute, z } from '@hono/zod-openapi';
import { forStaff } from '../../platform/http/access.ts';
import { streamSSE } from 'hono/streaming';
import { id } from '../../platform/http/fields.ts';
import { json, problem } from '../../platform/http/openapi.ts';
import { createRouter } from '../../platform/http/router.ts';
import { ITEM_METRICS } from './item-metrics.ts';
import type { ReportService } from './report-service.ts';
import type { ReportView } from './report-view.ts';

const Stamp = {
  reportId: z
    .number()
    .int()
    .openapi({ description: 'Id of the report answered from (the stream sends it as the event id)' }),
  window: z.object({
    minutes: z.number().int(),
    start: z.string().openapi({ description: 'Event time the window starts at, inclusive (ISO 8601)' }),
    end: z
      .string()
      .openapi({ description: 'Event time it ends at, exclusive: the last whole minute before the watermark' }),
  }),
  watermark: z
    .string()
    .nullable()
    .openapi({ description: 'Latest event time seen on any partition less the allowed lateness' }),
  late: z.number().int().openapi({ description: 'Events of the window counted though they arrived out of order' }),
  dropped: z
    .number()
    .int()
    .openapi({ description: 'Events of the window that arrived later than the lateness: not counted' }),
};

const TopItems = z
  .object({
    ...Stamp,
    metric: z.enum(ITEM_METRICS),
    category: z.string().nullable(),
    items: z.array(z.object({ itemId: z.string(), name: z.string().nullable(), count: z.number().int() })),
  })
  .openapi('TopItems');
const TopSearches = z
  .object({
    ...Stamp,
    category: z.string().nullable(),
    queries: z.array(z.object({ query: z.string(), count: z.number().int() })),
  })
  .openapi('TopSearches');
const Revenue = z
  .object({
    ...Stamp,
    totalRevenueMinor: z.number().int(),
    categories: z.array(z.object({ category: z.string(), revenueMinor: z.number().int(), orders: z.number().int() })),
  })
  .openapi('RevenueByCategory');

export function reportRoutes(deps: {
  service: ReportService;
  view: ReportView;
  windowsMinutes: readonly number[];
  listLength: number;
  defaultMinutes: number;
}) {
  const windows = deps.windowsMinutes.map((m) => `${m}m`) as [string, ...string[]];
  const window = (fallback: number) =>
    z
      .enum(windows)
      .default(`${fallback}m`)
      .transform((w) => Number(w.slice(0, -1)))
      .openapi({ description: 'The sliding window, by event time', example: `${fallback}m` });
  const category = id({ max: 100 }).optional().openapi({ description: 'One category (all when absent)' });
  const limit = z.coerce
    .number()
    .int('must be a whole number')
    .min(1)
    .max(deps.listLength, `must be at most ${deps.listLength}`)
    .default(10);
  const errors = { 400: problem('invalid parameter'), 503: problem('no report yet') };

  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/reports/top-items',
        ...forStaff,
        tags: ['reports'],
        summary: 'Items most bought, wishlisted, added to cart or viewed in a sliding window, overall or in a category',
        description:
          'Bought counts units of placed orders (a cancelled or refunded order leaves the counts); wishlisted is adds less removals; carted counts units added. Exact: equal to a recount of the events.',
        request: {
          query: z.object({
            metric: z.enum(ITEM_METRICS).default('bought'),
            window: window(deps.defaultMinutes),
            category,
            limit,
          }),
        },
        responses: { 200: json(TopItems, 'the ranked items, stamped with the window and watermark'), ...errors },
      }),
      async (c) => {
        const q = c.req.valid('query');
        return c.json(await deps.service.topItems(q.metric, q.window, q.category, q.limit), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/reports/top-searches',
        ...forStaff,
        tags: ['reports'],
        summary:
          'Most searched queries in a sliding window (lower-cased, spaces collapsed), overall or filtered by category',
        request: { query: z.object({ window: window(deps.defaultMinutes), category, limit }) },
        responses: { 200: json(TopSearches, 'the ranked queries'), ...errors },
      }),
      (c) => {
        const q = c.req.valid('query');
        return c.json(deps.service.topSearches(q.window, q.category, q.limit), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/reports/revenue-by-category',
        ...forStaff,
        tags: ['reports'],
        summary: 'Revenue (minor units) and orders per category in a sliding window, by revenue',
        request: { query: z.object({ window: window(Math.max(...deps.windowsMinutes)) }) },
        responses: { 200: json(Revenue, 'every category with revenue in the window'), ...errors },
      }),
      (c) => c.json(deps.service.revenueByCategory(c.req.valid('query').window), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/reports/stream',
        ...forStaff,
        tags: ['reports'],
        summary: 'Every new whole report as a server-sent event (`event: report`, `id:` the report id)',
        description:
          'Reconnecting with `Last-Event-ID` (browsers send it themselves) first sends the reports made since that id, or the latest one when that id is too old. Each event is the whole report: every window, its ranked lists (metric, category, entries) and revenue per category.',
        request: {
          headers: z.object({
            'last-event-id': z
              .string()
              .max(16, 'must be a report id')
              .regex(/^\d{1,16}$/, 'must be a report id')
              .optional(),
          }),
        },
        responses: {
          200: {
            description: 'a text/event-stream of reports',
            content: { 'text/event-stream': { schema: z.string() } },
          },
          400: problem('invalid Last-Event-ID'),
        },
      }),
      (c) => {
        const header = c.req.valid('header')['last-event-id'];
        const lastId = header === undefined ? undefined : Number(header);
        return streamSSE(c, async (stream) => {
          let sent = lastId ?? -1;
          const send = async (id: number, report: unknown) => {
            if (id <= sent) return;
            sent = id;
            await stream.writeSSE({ event: 'report', id: String(id), data: JSON.stringify(report) });
          };
          // Reports are written in the order they came, one after another.
          let writing = Promise.resolve();
          const unsubscribe = deps.view.subscribe((r) => {
            writing = writing.then(() => send(r.id, r.report)).catch(() => undefined);
          });
          for (const r of deps.view.since(lastId)) await send(r.id, r.report);
          await new Promise<void>((resolve) => stream.onAbort(resolve));
          unsubscribe();
        });
      },
    );
}
