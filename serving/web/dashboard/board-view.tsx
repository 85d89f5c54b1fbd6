// The live board as HTML: the ranked table with rank changes and sparklines, and revenue per category as
// bars. Rendered whole for the first page and again for each report the stream brings.
import { EmptyState } from '../components.tsx';
import { categoryName, clockTime, money } from '../format.ts';
import type { Board, BoardMetric, BoardRow, RankChange } from './board.ts';

export const METRIC_TEXT: Record<BoardMetric, string> = {
  bought: 'bought',
  wishlisted: 'wishlisted',
  carted: 'added to cart',
  viewed: 'viewed',
};

/** What the board shows; item names looked up by the caller (an item no longer in the catalog shows its id). */
export function BoardView(props: { board: Board; names: Map<string, string> }) {
  const { board, names } = props;
  const { selection, window } = board;
  const scope = selection.category ? ` in ${categoryName(selection.category)}` : '';
  const title = `Most ${METRIC_TEXT[selection.metric]}${scope}, last ${selection.minutes} minutes`;
  return (
    <>
      <p class="as-of" data-report={String(board.reportId)}>
        {board.watermark === null ? (
          'No event counted yet.'
        ) : (
          <>
            As of <strong>{clockTime(board.watermark)}</strong> (event time)
            {window ? (
              <>
                {' '}
                · window {clockTime(window.start)} to {clockTime(window.end)} · <span class="late">{window.late}</span>{' '}
                late events counted · <span class="dropped">{window.dropped}</span> too late, not counted
              </>
            ) : null}
          </>
        )}
      </p>
      <section aria-labelledby="top-title">
        <h2 id="top-title">{title}</h2>
        {board.rows.length === 0 ? (
          <EmptyState title={`Nothing ${METRIC_TEXT[selection.metric]} in this window yet`}>
            Counts appear here as shoppers act; the page updates by itself.
          </EmptyState>
        ) : (
          <table class="board">
            <thead>
              <tr>
                <th scope="col">Rank</th>
                <th scope="col">Change</th>
                <th scope="col">Item</th>
                <th scope="col" class="num">
                  Count
                </th>
                <th scope="col">Recent reports</th>
              </tr>
            </thead>
            <tbody>
              {board.rows.map((row) => (
                <Row row={row} name={names.get(row.key) ?? row.key} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Revenue board={board} />
    </>
  );
}

function Row(props: { row: BoardRow; name: string }) {
  const { row, name } = props;
  return (
    <tr>
      <td class="num">{row.rank}</td>
      <td>
        <Change change={row.change} />
      </td>
      <td>
        <a href={`/item/${encodeURIComponent(row.key)}`}>{name}</a>
      </td>
      <td class="num tally">{row.count}</td>
      <td>
        <Sparkline values={row.recent} />
      </td>
    </tr>
  );
}

function Change(props: { change: RankChange | null }) {
  const { change } = props;
  if (change === null) return <span class="change same">–</span>;
  if (change.kind === 'new') return <span class="change up">new</span>;
  if (change.by === 0)
    return (
      <span class="change same" aria-label="no change">
        =
      </span>
    );
  const up = change.by > 0;
  return (
    <span class={`change ${up ? 'up' : 'down'}`} aria-label={`${up ? 'up' : 'down'} ${Math.abs(change.by)}`}>
      {up ? '▲' : '▼'}
      {Math.abs(change.by)}
    </span>
  );
}

const SPARK_WIDTH = 80;
const SPARK_HEIGHT = 18;

/** The counts as a small line, scaled to their own largest value. */
function Sparkline(props: { values: number[] }) {
  const { values } = props;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? SPARK_WIDTH / (values.length - 1) : 0;
  const points = values
    .map((v, i) => `${(i * step).toFixed(1)},${(SPARK_HEIGHT - 1 - (v / max) * (SPARK_HEIGHT - 2)).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      class="spark"
      width={SPARK_WIDTH}
      height={SPARK_HEIGHT}
      viewBox={`0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`}
      role="img"
      aria-label={`counts in the last ${values.length} reports: ${values.join(', ')}`}
    >
      <polyline points={points} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}

/** Revenue per category as a table whose bars scale to the best category (60% of the cell): screen readers read the amounts. */
function Revenue(props: { board: Board }) {
  const { revenue } = props.board;
  const best = Math.max(1, ...(revenue?.categories ?? []).map((r) => r.revenueMinor));
  const total = (revenue?.categories ?? []).reduce((sum, r) => sum + r.revenueMinor, 0);
  return (
    <section aria-labelledby="revenue-title">
      <h2 id="revenue-title">Revenue by category, last {revenue?.minutes ?? 60} minutes</h2>
      {!revenue || revenue.categories.length === 0 ? (
        <EmptyState title="No order placed in the last hour">Revenue shows once orders are placed.</EmptyState>
      ) : (
        <table class="revenue">
          <caption>
            <span class="total">{money(total)}</span> in all
          </caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Revenue</th>
              <th scope="col" class="num">
                Orders
              </th>
            </tr>
          </thead>
          <tbody>
            {revenue.categories.map((r) => (
              <tr>
                <th scope="row">{categoryName(r.category)}</th>
                <td>
                  <span class="bar" style={`width: ${Math.max(1, Math.round((60 * r.revenueMinor) / best))}%`}></span>
                  <span class="amount">{money(r.revenueMinor)}</span>
                </td>
                <td class="num">{r.orders}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
