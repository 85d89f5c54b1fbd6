// The lake's rows back as the typed events they were written from: what readers that recount or retrain use.
import { eventSchema } from '../../schemas/load-schemas.ts';
import type { EventType, TypedEvent } from '../../schemas/events.ts';
import { quoted } from './columns.ts';
import { viewName, type LakeQuery } from './lake-query.ts';
import { dateOf } from './layout.ts';
import { literal } from './parquet-writer.ts';

const FIELDS = new Map<string, readonly string[]>();

/** The top-level fields of a record type, eventId and occurredAt aside. */
function fieldsOf(type: string): readonly string[] {
  let fields = FIELDS.get(type);
  if (!fields) {
    const record = JSON.parse(eventSchema(type as EventType).text) as { fields: { name: string }[] };
    fields = record.fields.map((f) => f.name).filter((name) => name !== 'eventId' && name !== 'occurredAt');
    FIELDS.set(type, fields);
  }
  return fields;
}

/**
 * A lake row (as `to_json` gives it) in the shape of the event it was written from: only its own record's
 * fields, since a topic's files carry the columns of every record type on it (null for the others).
 * `event_time` may be the epoch milliseconds or DuckDB's text of the timestamp.
 */
export function eventOfRow(row: Record<string, unknown>): TypedEvent<EventType> {
  const type = String(row.event_type);
  const event: Record<string, unknown> = {
    type,
    eventId: row.event_id,
    occurredAt: typeof row.event_time === 'number' ? row.event_time : Date.parse(String(row.event_time)),
  };
  for (const field of fieldsOf(type)) event[field] = row[field] ?? null;
  return event as unknown as TypedEvent<EventType>;
}

/**
 * Every event of `types` on `topics` whose time is at or after `since` (ms since the epoch; null: all),
 * each once by eventId (the lake holds an event twice when the bus delivered it twice), in no
 * particular order. Date folders before `since` are not read.
 */
export async function readLakeEvents<T extends EventType>(
  lake: LakeQuery,
  topics: readonly string[],
  types: readonly T[],
  since: number | null,
): Promise<TypedEvent<T>[]> {
  const byId = new Map<string, TypedEvent<T>>();
  const where = [
    `event_type IN (${types.map(literal).join(', ')})`,
    ...(since === null ? [] : [`date >= DATE ${literal(dateOf(since))}`, `epoch_ms(event_time) >= ${since}`]),
  ].join(' AND ');
  for (const topic of topics) {
    const rows = await lake.rows(
      `SELECT to_json(v)::VARCHAR AS row, epoch_ms(v.event_time) AS t FROM ${quoted(viewName(topic))} v WHERE ${where}`,
    );
    for (const { row, t } of rows as { row: string; t: number }[]) {
      const event = eventOfRow({ ...(JSON.parse(row) as Record<string, unknown>), event_time: t });
      // The query kept only rows of `types`.
      byId.set(event.eventId, event as unknown as TypedEvent<T>);
    }
  }
  return [...byId.values()];
}
