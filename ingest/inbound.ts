// The inbound service: turns supplier records into item events, and refused records into dead letters with reasons.
import type { Clock, NewId } from '../platform/clock.ts';
import type { Events } from '../platform/events/events.ts';
import type { TypedEvent } from '../schemas/events.ts';
import { categoryById } from '../serving/catalog/taxonomy.ts';
import { validateSupplierItem, type Reason } from '../serving/catalog/validate-item.ts';

/** One record as received: where it came from (file:line or request index) and its parsed value. */
export interface IncomingRecord {
  location: string;
  /** The record as the supplier sent it, kept for the dead letter. */
  raw: string;
  /** The parsed record, or the reasons it could not even be parsed. */
  value: unknown;
  parseErrors?: Reason[];
}

export type RecordOutcome =
  | { location: string; status: 'accepted'; itemId: string }
  | { location: string; status: 'rejected'; reasons: Reason[] };

const RAW_LIMIT = 2000;

export class Inbound {
  constructor(private readonly deps: { events: Events; clock: Clock; newId: NewId }) {}

  /**
   * Validates every record; good ones go out as ItemUpserted on supplier.items (keyed by item id), bad
   * ones as ItemRejected on the dead-letter topic. One bad record never holds back the others.
   */
  async submit(source: string, records: IncomingRecord[]): Promise<RecordOutcome[]> {
    const now = this.deps.clock();
    const accepted: TypedEvent<'ItemUpserted'>[] = [];
    const rejected: TypedEvent<'ItemRejected'>[] = [];
    const outcomes = records.map((record): RecordOutcome => {
      const checked = record.parseErrors
        ? { ok: false as const, reasons: record.parseErrors }
        : validateSupplierItem(record.value);
      if (!checked.ok) {
        rejected.push({
          type: 'ItemRejected',
          eventId: this.deps.newId(),
          occurredAt: now,
          source,
          location: record.location,
          raw: record.raw.slice(0, RAW_LIMIT),
          reasons: checked.reasons,
        });
        return { location: record.location, status: 'rejected', reasons: checked.reasons };
      }
      const item = checked.item;
      accepted.push({
        type: 'ItemUpserted',
        eventId: this.deps.newId(),
        occurredAt: now,
        ...item,
        itemClass: categoryById(item.category)!.itemClass,
      });
      return { location: record.location, status: 'accepted', itemId: item.itemId };
    });
    await this.deps.events.publish('supplier.items', accepted);
    await this.deps.events.publish('supplier.items.dead-letter', rejected);
    return outcomes;
  }

  /** A supplier withdraws an item. */
  async remove(supplierId: string, itemId: string): Promise<void> {
    await this.deps.events.publish('supplier.items', [
      { type: 'ItemDeleted', eventId: this.deps.newId(), occurredAt: this.deps.clock(), itemId, supplierId },
    ]);
  }
}
