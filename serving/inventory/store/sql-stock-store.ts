// The stock store over SQL (Kysely): SQLite embedded, MySQL/MariaDB real, in the orders database.
import { sql, type Generated, type Transaction } from 'kysely';
import type { Clock, NewId } from '../../../platform/clock.ts';
import { outboxWrites, type OutboxDb } from '../../../platform/outbox/outbox.ts';
import type { Database } from '../../../platform/sql/database.ts';
import { StoreDatabase } from '../../../platform/sql/store-database.ts';
import { stockChanged } from '../stock-events.ts';
import type { StockDrift, StockLevel, StockStore } from './stock-store.ts';

export interface StockDb extends OutboxDb {
  stock: { item_id: string; warehouse_id: string; available: number; updated_at: number };
  stock_moves: {
    id: Generated<number>;
    item_id: string;
    warehouse_id: string;
    kind: 'count' | 'hold' | 'release';
    quantity: number;
    order_id: string | null;
    at: number;
  };
}

export class SqlStockStore implements StockStore {
  private readonly database: StoreDatabase<StockDb>;
  private readonly write = outboxWrites<Transaction<StockDb>>({
    transaction: (work) => this.database.db.transaction().execute(work),
    dialect: () => this.database.dialect,
    onCommit: () => this.deps.onCommit?.(),
  });

  constructor(
    open: () => Promise<Database<StockDb>>,
    /** `onCommit` hears of each committed change (the shop nudges the outbox relay). */
    private readonly deps: { clock: Clock; newId: NewId; onCommit?: () => void },
  ) {
    this.database = new StoreDatabase('stock store', open);
  }

  start(): Promise<void> {
    return this.database.start();
  }

  close(): Promise<void> {
    return this.database.close();
  }

  async levels(itemIds: string[]): Promise<Map<string, StockLevel[]>> {
    const levels = new Map<string, StockLevel[]>(itemIds.map((id) => [id, []]));
    if (itemIds.length === 0) return levels;
    const rows = await this.database.db
      .selectFrom('stock')
      .select(['item_id', 'warehouse_id', 'available'])
      .where('item_id', 'in', itemIds)
      .orderBy('item_id')
      .orderBy('warehouse_id')
      .execute();
    for (const row of rows) levels.get(row.item_id)!.push({ warehouseId: row.warehouse_id, available: row.available });
    return levels;
  }

  async set(itemId: string, warehouseId: string, available: number, reason: string): Promise<number> {
    const at = this.deps.clock();
    return this.write(async (tx) => {
      const before = await tx
        .selectFrom('stock')
        .select('available')
        .where('item_id', '=', itemId)
        .where('warehouse_id', '=', warehouseId)
        .$if(this.database.dialect === 'mysql', (q) => q.forUpdate())
        .executeTakeFirst();
      if (before) {
        await tx
          .updateTable('stock')
          .set({ available, updated_at: at })
          .where('item_id', '=', itemId)
          .where('warehouse_id', '=', warehouseId)
          .execute();
      } else {
        await tx
          .insertInto('stock')
          .values({ item_id: itemId, warehouse_id: warehouseId, available, updated_at: at })
          .execute();
      }
      await tx
        .insertInto('stock_moves')
        .values({ item_id: itemId, warehouse_id: warehouseId, kind: 'count', quantity: available, order_id: null, at })
        .execute();
      const was = before?.available ?? 0;
      const events =
        was === available
          ? []
          : [stockChanged(this.deps.newId, { itemId, warehouseId, available, delta: available - was, reason }, at)];
      return { result: was, events };
    });
  }

  async drift(): Promise<StockDrift[]> {
    // Per stock row: its last count (found once), plus releases minus holds recorded after it (by move id, the order they were written in).
    const rows = await sql<{ item_id: string; warehouse_id: string; available: number; expected: number | string }>`
      with last_count as (
        select item_id, warehouse_id, max(id) as id from stock_moves where kind = 'count' group by item_id, warehouse_id)
      select s.item_id, s.warehouse_id, s.available,
        coalesce(c.quantity, 0)
        + coalesce((select sum(case m.kind when 'release' then m.quantity else -m.quantity end) from stock_moves m
            where m.item_id = s.item_id and m.warehouse_id = s.warehouse_id and m.kind <> 'count' and m.id > coalesce(lc.id, 0)), 0)
        as expected
      from stock s
      left join last_count lc on lc.item_id = s.item_id and lc.warehouse_id = s.warehouse_id
      left join stock_moves c on c.id = lc.id`.execute(this.database.db);
    return rows.rows
      .map((r) => ({
        itemId: r.item_id,
        warehouseId: r.warehouse_id,
        available: Number(r.available),
        expected: Number(r.expected),
      }))
      .filter((r) => r.available !== r.expected);
  }
}
