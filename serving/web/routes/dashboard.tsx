// The live dashboard for staff at /dashboard: top items by window, metric and category, revenue by
// category, pushed over server-sent events; and the last recommendation evaluation with its plot.
// Who may see it is the reports API's decision: the page asks the API as the signed-in visitor.
import { Hono } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { streamSSE } from 'hono/streaming';
import { CATEGORIES } from '../../catalog/taxonomy.ts';
import { EmptyState } from '../components.tsx';
import {
  BOARD_METRICS,
  BoardHistory,
  type Board,
  type BoardMetric,
  type BoardRow,
  type Selection,
} from '../dashboard/board.ts';
import { BoardView, METRIC_TEXT } from '../dashboard/board-view.tsx';
import type { EvaluationSummary } from '../dashboard/evaluation.ts';
import { reportEvents } from '../dashboard/report-events.ts';
import { visitorOf, type WebContext, type WebEnv } from '../page-context.ts';
import { render } from '../render.tsx';
import type { ShopApi } from '../shop-api.ts';

const ROWS = 10;

export interface DashboardDeps {
  windowsMinutes: readonly number[];
  defaultMinutes: number;
  /** The last evaluation, or undefined when none was run. */
  evaluation: () => Promise<{ summary: EvaluationSummary; svg: string } | undefined>;
}

export function dashboardRoutes(deps: DashboardDeps) {
  const app = new Hono<WebEnv>();
  const selectionOf = (c: WebContext): Selection => {
    const minutes = Number(c.req.query('window'));
    const metric = c.req.query('metric') as BoardMetric;
    const category = c.req.query('category');
    return {
      minutes: deps.windowsMinutes.includes(minutes) ? minutes : deps.defaultMinutes,
      metric: BOARD_METRICS.includes(metric) ? metric : 'bought',
      category: CATEGORIES.some((k) => k.id === category) ? category! : null,
      limit: ROWS,
    };
  };

  app.get('/dashboard', async (c) => {
    const api = c.get('api');
    const selection = selectionOf(c);
    const [{ chrome }, access, evaluation] = await Promise.all([visitorOf(c), api.reportsAccess(), deps.evaluation()]);
    if (!access.ok && access.status === 401) return c.redirect('/signin?next=%2Fdashboard', 303);
    if (!access.ok && access.status === 403)
      return render(
        c,
        'For staff',
        chrome,
        <EmptyState title="The dashboard is for staff">
          Sign in with a staff account to see the live reports.
        </EmptyState>,
        403,
      );
    const board = access.ok ? await latestBoard(api, selection) : new BoardHistory(selection).next(-1, NO_REPORT);
    const names = await namesOf(api, board.rows, new Map());
    const query = new URLSearchParams({ window: String(selection.minutes), metric: selection.metric });
    if (selection.category) query.set('category', selection.category);
    return render(
      c,
      'Live dashboard',
      chrome,
      <>
        <h1>Live dashboard</h1>
        <Chooser selection={selection} windows={deps.windowsMinutes} />
        <p class="live-status" id="live-status" role="status">
          Live: updates arrive by themselves.
        </p>
        <div id="board" data-stream={`/dashboard/stream?${query.toString()}`}>
          <BoardView board={board} names={names} />
        </div>
        <Evaluation evaluation={evaluation?.summary} />
      </>,
      200,
      'dashboard.js',
    );
  });

  // Each report the API streams, turned into the board's HTML for this visitor's choice; a reconnect
  // sends Last-Event-ID, which the API resumes after.
  app.get('/dashboard/stream', async (c) => {
    const api = c.get('api');
    const selection = selectionOf(c);
    const lastId = c.req.header('last-event-id');
    const response = await api.raw(
      '/reports/stream',
      lastId && /^\d+$/.test(lastId) ? { 'last-event-id': lastId } : {},
    );
    if (!response.ok) {
      await response.body?.cancel();
      return c.text('The dashboard is for staff.', response.status === 401 ? 401 : 403);
    }
    return streamSSE(c, async (stream) => {
      const aborted = new AbortController();
      stream.onAbort(() => aborted.abort());
      const history = new BoardHistory(selection);
      const names = new Map<string, string>();
      for await (const { id, report } of reportEvents(response, aborted.signal)) {
        const board = history.next(id, report);
        const view: JSX.Element = <BoardView board={board} names={await namesOf(api, board.rows, names)} />;
        await stream.writeSSE({ event: 'board', id: String(id), data: String(await view) });
      }
    });
  });

  app.get('/dashboard/evaluation.svg', async (c) => {
    const access = await c.get('api').reportsAccess();
    if (!access.ok && (access.status === 401 || access.status === 403)) return c.text('For staff.', 403);
    const evaluation = await deps.evaluation();
    if (!evaluation) return c.notFound();
    return c.body(evaluation.svg, 200, { 'content-type': 'image/svg+xml', 'cache-control': 'private, no-store' });
  });
  return app;
}

const NO_REPORT = {
  watermark: null,
  windows: [],
  totals: { counted: 0, late: 0, dropped: 0, duplicates: 0 },
  members: [],
};

/** The board of the latest whole report: the first the stream sends. */
async function latestBoard(api: ShopApi, selection: Selection): Promise<Board> {
  const aborted = new AbortController();
  const response = await api.raw('/reports/stream');
  for await (const { id, report } of reportEvents(response, aborted.signal)) {
    aborted.abort();
    return new BoardHistory(selection).next(id, report);
  }
  return new BoardHistory(selection).next(-1, NO_REPORT);
}

/** The rows' item names, looked up once per item for the connection's life. */
async function namesOf(api: ShopApi, rows: BoardRow[], names: Map<string, string>): Promise<Map<string, string>> {
  const missing = rows.map((r) => r.key).filter((key) => !names.has(key));
  if (missing.length === 0) return names;
  const items = await api.items(missing);
  if (items.ok) for (const item of items.body.items) names.set(item.itemId, item.name);
  return names;
}

function Chooser(props: { selection: Selection; windows: readonly number[] }) {
  const { selection } = props;
  return (
    <form class="board-choice" method="get" action="/dashboard">
      <label>
        Window{' '}
        <select name="window">
          {props.windows.map((m) => (
            <option value={String(m)} selected={m === selection.minutes}>
              {m} minutes
            </option>
          ))}
        </select>
      </label>
      <label>
        Metric{' '}
        <select name="metric">
          {BOARD_METRICS.map((m) => (
            <option value={m} selected={m === selection.metric}>
              {METRIC_TEXT[m]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Category{' '}
        <select name="category">
          <option value="">All categories</option>
          {CATEGORIES.map((k) => (
            <option value={k.id} selected={k.id === selection.category}>
              {k.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Show</button>
    </form>
  );
}

function Evaluation(props: { evaluation: EvaluationSummary | undefined }) {
  const { evaluation } = props;
  return (
    <section aria-labelledby="evaluation-title">
      <h2 id="evaluation-title">Recommendation quality</h2>
      {!evaluation ? (
        <EmptyState title="No evaluation yet">
          Run <code>emporium batch evaluate-recs</code> to compare the recommendations with popularity.
        </EmptyState>
      ) : (
        <>
          <p>
            ALS against the popularity baseline, on {evaluation.heldOutShoppers} shoppers' activity after{' '}
            {evaluation.cutoff}.
          </p>
          <table class="evaluation">
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col" class="num">
                  ALS
                </th>
                <th scope="col" class="num">
                  Popularity
                </th>
              </tr>
            </thead>
            <tbody>
              {evaluation.rows.map((r) => (
                <tr>
                  <th scope="row">{r.metric}</th>
                  <td class="num">{r.als.toFixed(3)}</td>
                  <td class="num">{r.popularity.toFixed(3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <img src="/dashboard/evaluation.svg" alt="Each metric by k for ALS and for popularity" class="plot" />
        </>
      )}
    </section>
  );
}
