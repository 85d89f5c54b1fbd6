// The event every change of a count announces (search hides what sold out and shows what came back;
// reports follow stock), written to the outbox in the transaction that changes the count.
import type { NewId } from '../../platform/clock.ts';
import type { OutboxEvent } from '../../platform/outbox/outbox.ts';

export interface StockChange {
  itemId: string;
  warehouseId: string;
  available: number;
  delta: number;
  reason: string;
}

export function stockChanged(newId: NewId, change: StockChange, at: number): OutboxEvent {
  return { topic: 'inventory.stock', event: { type: 'StockChanged', eventId: newId(), occurredAt: at, ...change } };
}
