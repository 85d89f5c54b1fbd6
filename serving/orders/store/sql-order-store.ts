// The order store over SQL (Kysely): SQLite embedded, MySQL/MariaDB real, in the orders database beside
// the stock it holds. Each method is one transaction; on MySQL the order row is locked first, so a
// payment and an expiry arriving together are applied one after the other.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Clock } from '../../../platform/clock.ts';
import { notFound } from '../../../platform/errors.ts';
import { outboxWrites, type OutboxDb, type OutboxEvent } from '../../../platform/outbox/outbox.ts';
import type { Database } from '../../../platform/sql/database.ts';
import { groupCommit } from '../../../platform/sql/group-commit.ts';
import { prepared } from '../../../platform/sql/prepared.ts';
import { StoreDatabase } from '../../../platform/sql/store-database.ts';
import { isUniqueViolation } from '../../../platform/sql/violations.ts';
import type { StockDb } from '../../inventory/store/sql-stock-store.ts';
import { CANCEL_REASON_OF, decide, type Actor, type LifecyclePolicy, type Move } from '../lifecycle/transitions.ts';
import type { OrderEvents } from '../order-events.ts';
import {
  FINISHED_STATUSES,
  type CancelReason,
  type NewOrder,
  type Order,
  type OrderLine,
  type OrderStatus,
} from '../order.ts';
import type { OrderPageQuery, OrdersOf } from '../order-query.ts';
import { listOrderRows, recordSellers, type OrderSellersTable } from './order-lists.ts';
import type { AdvanceOutcome, CreateOutcome, OrderStore, PaymentOutcome, RefundDue } from './order-store.ts';

export interface OrdersTable {
  order_id: string;
  user_id: string;
  client_key: string;
  status: OrderStatus;
  pincode: string;
  lines: string;
  total_minor: number;
  currency: string;
  payment_id: string | null;
  cancel_reason: CancelReason | null;
  carrier: string | null;
  tracking_id: string | null;
  delivered_at: number | null;
  expires_at: number;
  created_at: number;
  updated_at: number;
}

export interface OrdersDb extends StockDb, OutboxDb {
  orders: OrdersTable;
  order_sellers: OrderSellersTable;
  reservations: { order_id: string; item_id: string; warehouse_id: string; quantity: number; released: number };
  payments: {
    payment_id: string;
    order_id: string;
    outcome: 'succeeded' | 'failed';
    amount_minor: number;
    refund: 'none' | 'due' | 'done';
    created_at: number;
  };
}

type Tx = Transaction<OrdersDb>;

const FINISHED = [...FINISHED_STATUSES];
/** Cancelled by a person (lifecycle/transitions.ts): a payment arriving later is refunded, never placed. */
const CANCELLED_BY_PEOPLE: CancelReason[] = ['customer', 'staff', 'seller'];

/** Thrown inside a create transaction to roll it back; never leaves the store. */
class OutOfStock extends Error {
  constructor(readonly itemId: string) {
    super(`out of stock: ${itemId}`);
  }
}

// What every checkout runs, built and compiled once (see prepared.ts).
type Db = Kysely<OrdersDb>;
const ORDER_COLUMNS = [
  'order_id',
  'user_id',
  'client_key',
  'status',
  'pincode',
  'lines',
  'total_minor',
  'currency',
  'payment_id',
  'cancel_reason',
  'carrier',
  'tracking_id',
  'delivered_at',
  'expires_at',
  'created_at',
  'updated_at',
] as const;
const insertOrder = prepared(ORDER_COLUMNS, (db: Db, row: OrdersTable) => db.insertInto('orders').values(row));
/** On MySQL the row stays locked to the end of the transaction. */
const lockedOrder = prepared(['orderId'], (db: Db, v: { orderId: string }, dialect) =>
  db
    .selectFrom('orders')
    .selectAll()
    .where('order_id', '=', v.orderId)
    .$if(dialect === 'mysql', (q) => q.forUpdate()),
);
const orderByClientKey = prepared(['userId', 'clientKey'], (db: Db, v: { userId: string; clientKey: string }) =>
  db.selectFrom('orders').selectAll().where('user_id', '=', v.userId).where('client_key', '=', v.clientKey),
);
const placeOrder = prepared(
  ['orderId', 'paymentId', 'at'],
  (db: Db, v: { orderId: string; paymentId: string; at: number }) =>
    db
      .updateTable('orders')
      .set({ status: 'PLACED', payment_id: v.paymentId, cancel_reason: null, updated_at: v.at })
      .where('order_id', '=', v.orderId),
);
/** Moves a count down, never below zero (it changes nothing unless enough units are there), or up. SQLite answers the new count. */
const stockChange = (direction: '-' | '+') =>
  prepared(
    ['itemId', 'warehouseId', 'units', 'at'],
    (db: Db, v: { itemId: string; warehouseId: string; units: number; at: number }, dialect) =>
      db
        .updateTable('stock')
        .set((eb) => ({ available: eb('available', direction, v.units), updated_at: v.at }))
        .where('item_id', '=', v.itemId)
        .where('warehouse_id', '=', v.warehouseId)
        .$if(direction === '-', (q) => q.where('available', '>=', v.units))
        .$if(dialect === 'sqlite', (q) => q.returning('available')),
  );
const lowerStock = stockChange('-');
const raiseStock = stockChange('+');
const stockCount = prepared(['itemId', 'warehouseId'], (db: Db, v: { itemId: string; warehouseId: string }) =>
  db.selectFrom('stock').select('available').where('item_id', '=', v.itemId).where('warehouse_id', '=', v.warehouseId),
);
const insertMove = prepared(
  ['item_id', 'warehouse_id', 'kind', 'quantity', 'order_id', 'at'],
  (db: Db, move: Insertable<OrdersDb['stock_moves']>) => db.insertInto('stock_moves').values(move),
);
const insertHold = prepared(
  ['order_id', 'item_id', 'warehouse_id', 'quantity', 'released'],
  (db: Db, hold: OrdersDb['reservations']) => db.insertInto('reservations').values(hold),
);
const insertPayment = prepared(
  ['payment_id', 'order_id', 'outcome', 'amount_minor', 'refund', 'created_at'],
  (db: Db, payment: OrdersDb['payments']) => db.insertInto('payments').values(payment),
);

export class SqlOrderStore implements OrderStore {
  private readonly database: StoreDatabase<OrdersDb>;
  /** Embedded, checkouts arriving together share one SQLite commit (see group-commit.ts). */
  private readonly writes = outboxWrites({
    transaction: groupCommit(() => this.database.get()),
    dialect: () => this.database.dialect,
    onCommit: () => this.deps.onCommit?.(),
  });

  constructor(
    open: () => Promise<Database<OrdersDb>>,
    private readonly deps: { clock: Clock; events: OrderEvents; onCommit?: () => void },
  ) {
    this.database = new StoreDatabase('order store', open);
  }

  start(): Promise<void> {
    return this.database.start();
  }

  close(): Promise<void> {
    return this.database.close();
  }

  async create(order: NewOrder, warehouses: ReadonlyMap<string, string[]>): Promise<CreateOutcome> {
    try {
      return await this.write(async (tx, at) => {
        const events: OutboxEvent[] = [];
        const chosen = new Map<string, string>();
        // Items in one order everywhere, so two MySQL transactions never wait on each other's rows in a cycle.
        for (const line of [...order.lines].sort((a, b) => a.itemId.localeCompare(b.itemId))) {
          const warehouseId = await this.takeFromFirst(
            tx,
            order.orderId,
            line,
            warehouses.get(line.itemId) ?? [],
            at,
            events,
          );
          if (!warehouseId) throw new OutOfStock(line.itemId);
          chosen.set(line.itemId, warehouseId);
        }
        const lines = order.lines.map((l) => ({ ...l, warehouseId: chosen.get(l.itemId)! }));
        const created: Order = {
          ...order,
          lines,
          status: 'CREATED',
          paymentId: null,
          cancelReason: null,
          carrier: null,
          trackingId: null,
          deliveredAt: null,
          updatedAt: order.createdAt,
        };
        await insertOrder(tx, this.database.dialect, toRow(created));
        await recordSellers(tx, created);
        return {
          result: { kind: 'created' as const, order: created },
          events: [this.deps.events.created(created, order.createdAt), ...events],
        };
      });
    } catch (error) {
      if (error instanceof OutOfStock) return { kind: 'out_of_stock', itemId: error.itemId };
      // A checkout with a key already used (a retry, or two at once): it answers the first order.
      if (!isUniqueViolation(error)) throw error;
      return { kind: 'existing', order: (await this.byClientKey(order.userId, order.clientKey))! };
    }
  }

  async get(orderId: string): Promise<Order | undefined> {
    const row = await this.database.db
      .selectFrom('orders')
      .selectAll()
      .where('order_id', '=', orderId)
      .executeTakeFirst();
    return row && toOrder(row);
  }

  async list(of: OrdersOf, query: OrderPageQuery): Promise<Order[]> {
    return (await listOrderRows(this.database.db, of, query)).map(toOrder);
  }

  cancel(orderId: string, reason: CancelReason, dueBy?: number): Promise<Order | undefined> {
    return this.write(async (tx, at) => {
      const order = await this.locked(tx, orderId);
      if (order.status !== 'CREATED' || (dueBy !== undefined && order.expiresAt > dueBy))
        return { result: undefined, events: [] };
      return this.cancelLocked(tx, order, reason, at);
    });
  }

  advance(orderId: string, move: Move, actor: Actor, policy: LifecyclePolicy): Promise<AdvanceOutcome> {
    return this.write<AdvanceOutcome>(async (tx, at) => {
      // Locked before it is judged, so of two moves racing, the second is judged against what the first left.
      const order = await this.locked(tx, orderId);
      const decision = decide(order, move.kind, actor, at, policy);
      if (!decision.ok) return { result: { kind: 'refused', order, refusal: decision }, events: [] };
      const moved: Order = {
        ...order,
        status: decision.to,
        updatedAt: at,
        ...(move.kind === 'ship' && { carrier: move.carrier, trackingId: move.trackingId }),
        ...(move.kind === 'deliver' && { deliveredAt: at }),
        ...(move.kind === 'cancel' && { cancelReason: CANCEL_REASON_OF[actor] }),
      };
      const events: OutboxEvent[] = [];
      // The holds' released flag makes this once: a second release finds nothing held.
      if (decision.releaseStock) await this.releaseHolds(tx, orderId, `order ${decision.to.toLowerCase()}`, at, events);
      await tx
        .updateTable('orders')
        .set({
          status: moved.status,
          cancel_reason: moved.cancelReason,
          carrier: moved.carrier,
          tracking_id: moved.trackingId,
          delivered_at: moved.deliveredAt,
          updated_at: at,
        })
        .where('order_id', '=', orderId)
        .execute();
      const refund = decision.refund ? await this.refundDue(tx, moved) : undefined;
      events.push(this.deps.events.moved(moved, at));
      return { result: { kind: 'moved', order: moved, refund }, events };
    });
  }

  async paymentSucceeded(orderId: string, paymentId: string, amountMinor: number): Promise<PaymentOutcome> {
    return this.write<PaymentOutcome>(async (tx, at) => {
      const order = await this.locked(tx, orderId);
      if (!(await this.recordPayment(tx, paymentId, orderId, 'succeeded', amountMinor, at)))
        return { result: { kind: 'duplicate', order }, events: [] };
      const place = async (kind: 'placed' | 'replaced') => {
        const placed: Order = { ...order, status: 'PLACED', paymentId, cancelReason: null, updatedAt: at };
        await placeOrder(tx, this.database.dialect, { orderId, paymentId, at });
        return { result: { kind, order: placed }, events: this.deps.events.placed(placed, paymentId, at) };
      };
      const paysInFull = amountMinor === order.totalMinor;
      if (paysInFull && order.status === 'CREATED') return place('placed');
      if (paysInFull && order.status === 'CANCELLED' && !CANCELLED_BY_PEOPLE.includes(order.cancelReason!)) {
        // Paid after it expired: take the same units again if they are still there.
        const events: OutboxEvent[] = [];
        if (await this.retake(tx, order, at, events)) {
          const replaced = await place('replaced');
          return { result: replaced.result, events: [...events, ...replaced.events] };
        }
      }
      // Could not place (sold out since, paid twice, or the wrong amount): the money goes back.
      await tx.updateTable('payments').set({ refund: 'due' }).where('payment_id', '=', paymentId).execute();
      return { result: { kind: 'refund_due' as const, order }, events: [] };
    });
  }

  async paymentFailed(
    orderId: string,
    paymentId: string,
    reason: string,
  ): Promise<{ duplicate: boolean; order: Order | undefined }> {
    return this.write<{ duplicate: boolean; order: Order | undefined }>(async (tx, at) => {
      const order = await this.locked(tx, orderId);
      if (!(await this.recordPayment(tx, paymentId, orderId, 'failed', 0, at)))
        return { result: { duplicate: true, order }, events: [] };
      const failed = this.deps.events.paymentFailed(orderId, paymentId, reason, at);
      if (order.status !== 'CREATED') return { result: { duplicate: false, order }, events: [failed] };
      const cancelled = await this.cancelLocked(tx, order, 'payment_failed', at);
      return { result: { duplicate: false, order: cancelled.result }, events: [failed, ...cancelled.events] };
    });
  }

  refundsDue(limit: number): Promise<RefundDue[]> {
    return refundsDueIn(this.database.db, { limit });
  }

  async markRefunded(paymentId: string): Promise<void> {
    await this.write(async (tx, at) => {
      const [due] = await refundsDueIn(tx, { paymentId, limit: 1 });
      if (!due) return { result: undefined, events: [] };
      await tx.updateTable('payments').set({ refund: 'done' }).where('payment_id', '=', paymentId).execute();
      const order = (await this.locked(tx, due.orderId).catch(() => undefined)) ?? null;
      return { result: undefined, events: [this.deps.events.refunded(due, refundReason(order), at)] };
    });
  }

  /** Makes the order's captured payment due for a refund, unless it is already due or done: once per payment. */
  private async refundDue(tx: Tx, order: Order): Promise<RefundDue | undefined> {
    if (!order.paymentId) return undefined;
    const payment = await tx
      .selectFrom('payments')
      .select(['amount_minor'])
      .where('payment_id', '=', order.paymentId)
      .where('outcome', '=', 'succeeded')
      .where('refund', '=', 'none')
      .executeTakeFirst();
    if (!payment) return undefined;
    await tx.updateTable('payments').set({ refund: 'due' }).where('payment_id', '=', order.paymentId).execute();
    return {
      paymentId: order.paymentId,
      orderId: order.orderId,
      amountMinor: Number(payment.amount_minor),
      currency: order.currency,
    };
  }

  async expired(now: number, limit: number): Promise<string[]> {
    const rows = await this.database.db
      .selectFrom('orders')
      .select('order_id')
      .where('status', '=', 'CREATED')
      .where('expires_at', '<=', now)
      .orderBy('expires_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.order_id);
  }

  async awaitingPayment(limit: number): Promise<{ orderId: string; expiresAt: number }[]> {
    const rows = await this.database.db
      .selectFrom('orders')
      .select(['order_id', 'expires_at'])
      .where('status', '=', 'CREATED')
      .orderBy('expires_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ orderId: r.order_id, expiresAt: Number(r.expires_at) }));
  }

  async inStatus(status: OrderStatus, changedBefore: number, limit: number): Promise<Order[]> {
    const rows = await this.database.db
      .selectFrom('orders')
      .selectAll()
      .where('status', '=', status)
      .where('updated_at', '<', changedBefore)
      .orderBy('updated_at')
      .limit(limit)
      .execute();
    return rows.map(toOrder);
  }

  async finished(before: number, limit: number): Promise<Order[]> {
    const rows = await this.database.db
      .selectFrom('orders')
      .selectAll()
      .where('status', 'in', FINISHED)
      .where('updated_at', '<', before)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('payments')
              .select('payments.payment_id')
              .whereRef('payments.order_id', '=', 'orders.order_id')
              .where('payments.refund', '=', 'due'),
          ),
        ),
      )
      .orderBy('updated_at')
      .limit(limit)
      .execute();
    return rows.map(toOrder);
  }

  async forget(orderIds: string[]): Promise<number> {
    if (orderIds.length === 0) return 0;
    return this.database.db.transaction().execute(async (tx) => {
      const gone = (
        await tx
          .selectFrom('orders')
          .select('order_id')
          .where('order_id', 'in', orderIds)
          .where('status', 'in', FINISHED)
          .execute()
      ).map((r) => r.order_id);
      if (gone.length === 0) return 0;
      await tx.deleteFrom('reservations').where('order_id', 'in', gone).execute();
      await tx.deleteFrom('payments').where('order_id', 'in', gone).execute();
      await tx.deleteFrom('order_sellers').where('order_id', 'in', gone).execute();
      await tx.deleteFrom('orders').where('order_id', 'in', gone).execute();
      return gone.length;
    });
  }

  async releaseOrphanedHolds(): Promise<{ itemId: string; warehouseId: string; units: number }[]> {
    const orphans = await this.database.db
      .selectFrom('reservations')
      .leftJoin('orders', 'orders.order_id', 'reservations.order_id')
      .select(['reservations.order_id'])
      .where('reservations.released', '=', 0)
      .where((eb) => eb.or([eb('orders.status', 'is', null), eb('orders.status', '=', 'CANCELLED')]))
      .distinct()
      .execute();
    const released: { itemId: string; warehouseId: string; units: number }[] = [];
    for (const { order_id } of orphans) {
      await this.write(async (tx, at) => {
        const events: OutboxEvent[] = [];
        released.push(...(await this.releaseHolds(tx, order_id, 'reconciliation', at, events)));
        return { result: undefined, events };
      });
    }
    return released;
  }

  /** One write with its events (see outboxWrites), handed the moment it happens. */
  private write<T>(work: (tx: Tx, at: number) => Promise<{ result: T; events: OutboxEvent[] }>): Promise<T> {
    const at = this.deps.clock();
    return this.writes((tx) => work(tx, at));
  }

  private async locked(tx: Tx, orderId: string): Promise<Order> {
    const [row] = (await lockedOrder(tx, this.database.dialect, { orderId })).rows;
    if (!row) throw notFound('orderId', `no order ${orderId}`);
    return toOrder(row);
  }

  async byClientKey(userId: string, clientKey: string): Promise<Order | undefined> {
    const [row] = (await orderByClientKey(this.database.db, this.database.dialect, { userId, clientKey })).rows;
    return row && toOrder(row);
  }

  private async cancelLocked(
    tx: Tx,
    order: Order,
    reason: CancelReason,
    at: number,
  ): Promise<{ result: Order; events: OutboxEvent[] }> {
    const events: OutboxEvent[] = [];
    await this.releaseHolds(tx, order.orderId, `order ${reason}`, at, events);
    await tx
      .updateTable('orders')
      .set({ status: 'CANCELLED', cancel_reason: reason, updated_at: at })
      .where('order_id', '=', order.orderId)
      .execute();
    const cancelled: Order = { ...order, status: 'CANCELLED', cancelReason: reason, updatedAt: at };
    return { result: cancelled, events: [...events, this.deps.events.cancelled(cancelled, reason, at)] };
  }

  /** Takes the line from the first of the warehouses that has enough; the count can never go below zero. */
  private async takeFromFirst(
    tx: Tx,
    orderId: string,
    line: OrderLine,
    warehouseIds: string[],
    at: number,
    events: OutboxEvent[],
  ): Promise<string | undefined> {
    for (const warehouseId of warehouseIds) {
      if (!(await this.take(tx, orderId, line.itemId, warehouseId, line.quantity, at, events))) continue;
      await insertHold(tx, this.database.dialect, {
        order_id: orderId,
        item_id: line.itemId,
        warehouse_id: warehouseId,
        quantity: line.quantity,
        released: 0,
      });
      return warehouseId;
    }
    return undefined;
  }

  /** Re-holds an expired order's lines in the warehouses they were held in before, all or none. */
  private async retake(tx: Tx, order: Order, at: number, events: OutboxEvent[]): Promise<boolean> {
    const holds = await tx
      .selectFrom('reservations')
      .selectAll()
      .where('order_id', '=', order.orderId)
      .where('released', '=', 1)
      .orderBy('item_id')
      .execute();
    if (holds.length === 0 || order.lines.some((l) => l.warehouseId === null)) return false;
    // Checked (and on MySQL locked) before anything is taken, so a shortfall leaves no partial hold behind.
    for (const hold of holds) {
      const row = await tx
        .selectFrom('stock')
        .select('available')
        .where('item_id', '=', hold.item_id)
        .where('warehouse_id', '=', hold.warehouse_id)
        .$if(this.database.dialect === 'mysql', (q) => q.forUpdate())
        .executeTakeFirst();
      if (!row || row.available < hold.quantity) return false;
    }
    for (const hold of holds)
      await this.take(tx, order.orderId, hold.item_id, hold.warehouse_id, hold.quantity, at, events);
    await tx.updateTable('reservations').set({ released: 0 }).where('order_id', '=', order.orderId).execute();
    return true;
  }

  /** The one conditional update that holds stock: it changes nothing unless enough units are there. */
  private async take(
    tx: Tx,
    orderId: string,
    itemId: string,
    warehouseId: string,
    quantity: number,
    at: number,
    events: OutboxEvent[],
  ): Promise<boolean> {
    const available = await this.adjust(tx, itemId, warehouseId, -quantity, at);
    if (available === undefined) return false;
    await insertMove(tx, this.database.dialect, {
      item_id: itemId,
      warehouse_id: warehouseId,
      kind: 'hold',
      quantity,
      order_id: orderId,
      at,
    });
    events.push(this.deps.events.stockChanged(itemId, warehouseId, available, -quantity, 'reserved', at));
    return true;
  }

  /** Moves a count by `delta`, never below zero; answers the new count, or undefined when there were not enough units (nothing changed). */
  private async adjust(
    tx: Tx,
    itemId: string,
    warehouseId: string,
    delta: number,
    at: number,
  ): Promise<number | undefined> {
    const dialect = this.database.dialect;
    const changed = await (delta < 0 ? lowerStock : raiseStock)(tx, dialect, {
      itemId,
      warehouseId,
      units: Math.abs(delta),
      at,
    });
    if (dialect === 'sqlite') return changed.rows[0]?.available;
    // MariaDB has no UPDATE ... RETURNING: it reads the row it has just locked.
    if (!changed.numAffectedRows) return undefined;
    return (await stockCount(tx, dialect, { itemId, warehouseId })).rows[0]!.available;
  }

  /**
   * Gives back every unit the order still holds, once; answers what went back. The holds are kept, marked
   * released: a late payment may take the same units again.
   */
  private async releaseHolds(tx: Tx, orderId: string, reason: string, at: number, events: OutboxEvent[]) {
    const held = await tx
      .selectFrom('reservations')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('released', '=', 0)
      .execute();
    for (const hold of held) {
      const available = (await this.adjust(tx, hold.item_id, hold.warehouse_id, hold.quantity, at))!;
      await insertMove(tx, this.database.dialect, {
        item_id: hold.item_id,
        warehouse_id: hold.warehouse_id,
        kind: 'release',
        quantity: hold.quantity,
        order_id: orderId,
        at,
      });
      events.push(this.deps.events.stockChanged(hold.item_id, hold.warehouse_id, available, hold.quantity, reason, at));
    }
    await tx
      .updateTable('reservations')
      .set({ released: 1 })
      .where('order_id', '=', orderId)
      .where('released', '=', 0)
      .execute();
    return held.map((h) => ({ itemId: h.item_id, warehouseId: h.warehouse_id, units: h.quantity }));
  }

  /**
   * Records the payment, or answers false when its id is recorded already (a duplicate callback). The
   * insert's key is the check: a read before it cost a statement (a round trip on MySQL) per payment.
   * Only the statement is undone when the key refuses it, on SQLite and MySQL alike, not the transaction.
   */
  private async recordPayment(
    tx: Tx,
    paymentId: string,
    orderId: string,
    outcome: 'succeeded' | 'failed',
    amountMinor: number,
    at: number,
  ): Promise<boolean> {
    try {
      await insertPayment(tx, this.database.dialect, {
        payment_id: paymentId,
        order_id: orderId,
        outcome,
        amount_minor: amountMinor,
        refund: 'none',
        created_at: at,
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}

/** Captured payments still owed back (one of them, given its id), with their order's currency. */
async function refundsDueIn(db: Kysely<OrdersDb>, which: { paymentId?: string; limit: number }): Promise<RefundDue[]> {
  const rows = await db
    .selectFrom('payments')
    .innerJoin('orders', 'orders.order_id', 'payments.order_id')
    .select(['payments.payment_id', 'payments.order_id', 'payments.amount_minor', 'orders.currency'])
    .where('payments.refund', '=', 'due')
    .$if(which.paymentId !== undefined, (q) => q.where('payments.payment_id', '=', which.paymentId!))
    .orderBy('payments.created_at')
    .limit(which.limit)
    .execute();
  return rows.map((r) => ({
    paymentId: r.payment_id,
    orderId: r.order_id,
    amountMinor: Number(r.amount_minor),
    currency: r.currency,
  }));
}

/** Why a payment went back, as the refund's event says. */
function refundReason(order: Order | null): string {
  if (order?.status === 'RETURN_REQUESTED' || order?.status === 'RETURNED') return 'order returned';
  if (order?.status === 'CANCELLED' && CANCELLED_BY_PEOPLE.includes(order.cancelReason!)) return 'order cancelled';
  return 'order could not be placed';
}

function toRow(order: Order): OrdersTable {
  return {
    order_id: order.orderId,
    user_id: order.userId,
    client_key: order.clientKey,
    status: order.status,
    pincode: order.pincode,
    lines: JSON.stringify(order.lines),
    total_minor: order.totalMinor,
    currency: order.currency,
    payment_id: order.paymentId,
    cancel_reason: order.cancelReason,
    carrier: order.carrier,
    tracking_id: order.trackingId,
    delivered_at: order.deliveredAt,
    expires_at: order.expiresAt,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
  };
}

function toOrder(row: OrdersTable): Order {
  return {
    orderId: row.order_id,
    userId: row.user_id,
    clientKey: row.client_key,
    status: row.status,
    pincode: row.pincode,
    // Lines from before orders kept their seller have none.
    lines: (JSON.parse(row.lines) as OrderLine[]).map((l) => ({ ...l, sellerId: l.sellerId ?? null })),
    // MySQL hands BIGINT columns back as numbers only when they fit; these always do.
    totalMinor: Number(row.total_minor),
    currency: row.currency,
    paymentId: row.payment_id,
    cancelReason: row.cancel_reason,
    carrier: row.carrier,
    trackingId: row.tracking_id,
    deliveredAt: row.delivered_at === null ? null : Number(row.delivered_at),
    expiresAt: Number(row.expires_at),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
