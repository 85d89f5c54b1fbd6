// The shopper's orders, live and archived, and one order's page: the confirmation after checkout, a
// pending payment with the time its hold expires, and what happened to the order so far.
import { Hono } from 'hono';
import type { Item } from '../../catalog/item.ts';
import type { Order } from '../../orders/order.ts';
import { EmptyState, Notice } from '../components.tsx';
import { CANCEL_REASON_TEXT, clockTime, money, ORDER_STATUS_TEXT, when } from '../format.ts';
import { visitorOf, type WebEnv } from '../page-context.ts';
import { render } from '../render.tsx';
import { signedInOrBack } from './lists.tsx';

export function orderRoutes() {
  const app = new Hono<WebEnv>();
  app.use('/orders/*', signedInOrBack); // and /orders itself

  app.get('/orders', async (c) => {
    const api = c.get('api');
    const cursor = c.req.query('cursor');
    const [{ chrome }, orders] = await Promise.all([visitorOf(c), api.orders(cursor)]);
    // A cursor the API refuses (edited by hand, or from another shop) starts the list again from the newest.
    if (!orders.ok && cursor !== undefined) return c.redirect('/orders', 303);
    const list = orders.ok ? orders.body.orders : [];
    const older = orders.ok ? orders.body.nextCursor : null;
    return render(
      c,
      'Your orders',
      chrome,
      <section aria-labelledby="orders-title">
        <h1 id="orders-title">Your orders</h1>
        {list.length === 0 ? (
          <EmptyState title="No orders yet">
            <a href="/">Start shopping</a>
          </EmptyState>
        ) : (
          <ul class="orders">
            {list.map((order) => (
              <li class="order-row">
                <a href={`/orders/${encodeURIComponent(order.orderId)}`}>
                  Order of {when(order.createdAt)}
                  <span class="visually-hidden">, {ORDER_STATUS_TEXT[order.status]}</span>
                </a>
                <StatusBadge order={order} />
                <span>
                  {order.lines.reduce((n, l) => n + l.quantity, 0)} items · {money(order.totalMinor, order.currency)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {cursor !== undefined || older !== null ? (
          <nav class="pages" aria-label="More orders">
            <ul>
              {cursor !== undefined ? (
                <li>
                  <a href="/orders">← Newest orders</a>
                </li>
              ) : null}
              {older !== null ? (
                <li>
                  <a href={`/orders?cursor=${encodeURIComponent(older)}`} rel="next">
                    Older orders →
                  </a>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>,
    );
  });

  app.get('/orders/:orderId', async (c) => {
    const api = c.get('api');
    const [{ chrome }, answer] = await Promise.all([visitorOf(c), api.order(c.req.param('orderId'))]);
    if (!answer.ok) {
      return render(c, 'No such order', chrome, <h1>You have no such order</h1>, 404);
    }
    const order = answer.body.order;
    const items = await api.items(order.lines.map((l) => l.itemId));
    const byId = new Map((items.ok ? items.body.items : []).map((i) => [i.itemId, i]));
    return render(
      c,
      'Your order',
      chrome,
      <OrderPage order={order} items={byId} fromCheckout={c.req.query('from') === 'checkout'} />,
    );
  });

  return app;
}

function StatusBadge(props: { order: Order }) {
  const { status } = props.order;
  return <span class={`badge status-${status.toLowerCase()}`}>{ORDER_STATUS_TEXT[status] ?? status}</span>;
}

function OrderPage(props: { order: Order; items: Map<string, Item>; fromCheckout: boolean }) {
  const { order } = props;
  return (
    <article aria-labelledby="order-title">
      <h1 id="order-title">
        {props.fromCheckout && order.status === 'PLACED' ? 'Thank you: your order is placed' : 'Your order'}
      </h1>
      <Outcome order={order} />
      <p>
        Order <code>{order.orderId}</code> · <StatusBadge order={order} />
      </p>
      <ul class="summary-lines">
        {order.lines.map((line) => (
          <li>
            <a href={`/item/${encodeURIComponent(line.itemId)}`}>
              {line.quantity} × {props.items.get(line.itemId)?.name ?? line.itemId}
            </a>
            <span class="price">{money(line.quantity * line.unitPriceMinor, order.currency)}</span>
          </li>
        ))}
      </ul>
      <p class="total">
        Total <strong>{money(order.totalMinor, order.currency)}</strong> · delivering to {order.pincode}
      </p>
      <h2>What happened so far</h2>
      <ol class="history">
        <li>
          <span class="when">{when(order.createdAt)}</span> Order created
        </li>
        {order.status !== 'CREATED' ? (
          <li>
            <span class="when">{when(order.updatedAt)}</span> {ORDER_STATUS_TEXT[order.status]}
            {order.cancelReason ? `: ${CANCEL_REASON_TEXT[order.cancelReason] ?? order.cancelReason}` : ''}
          </li>
        ) : null}
      </ol>
      <p>
        <a href="/orders">All your orders</a>
      </p>
    </article>
  );
}

function Outcome(props: { order: Order }) {
  const { order } = props;
  switch (order.status) {
    case 'CREATED':
      return (
        <Notice>
          Waiting for your bank to confirm the payment. Your items are held for you until{' '}
          <strong>{clockTime(order.expiresAt)}</strong>; if no payment arrives by then, the order is cancelled and
          nothing is charged. Reload this page to see the latest.
        </Notice>
      );
    case 'CANCELLED':
      return (
        <Notice kind="error">
          This order was cancelled: {CANCEL_REASON_TEXT[order.cancelReason ?? ''] ?? 'see below'}. You pay nothing for
          it (a payment that arrived too late is refunded).
        </Notice>
      );
    case 'PLACED':
      return <Notice kind="success">Paid. We are getting it ready to ship.</Notice>;
    default:
      return null;
  }
}
