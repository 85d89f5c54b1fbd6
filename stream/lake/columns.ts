// The lake's columns: each topic's Avro record types turned into one list of typed DuckDB columns (docs/lake.md).
import type { Schema } from 'avsc';
import { invalid } from '../../platform/errors.ts';

export interface LakeColumn {
  name: string;
  /** The DuckDB type, as read_json's `columns` and a CREATE TABLE take it. */
  type: string;
  /** A top-level timestamp-millis: stored as TIMESTAMPTZ, written from epoch milliseconds. */
  timestamp: boolean;
}

/** The columns every file starts with; `eventId` and `occurredAt` become the first two. */
export const FIXED_COLUMNS: readonly LakeColumn[] = [
  { name: 'event_id', type: 'VARCHAR', timestamp: false },
  { name: 'event_time', type: 'TIMESTAMPTZ', timestamp: true },
  { name: 'event_type', type: 'VARCHAR', timestamp: false },
  { name: 'kafka_partition', type: 'INTEGER', timestamp: false },
  { name: 'kafka_offset', type: 'BIGINT', timestamp: false },
];

/** Avro fields that are the fixed columns under another name. */
export const RENAMED: Readonly<Record<string, string>> = { eventId: 'event_id', occurredAt: 'event_time' };

type AvroField = { name: string; type: Schema };
type AvroRecord = { type: 'record'; name: string; fields: AvroField[] };

/**
 * The union of the fields of every record a topic carries, in the order they first appear, after the
 * fixed columns. A field two records declare with different types, or of a type the layout does not
 * name (bytes, fixed, a union of two non-null types), is refused naming it.
 */
export function topicColumns(topic: string, records: readonly object[]): LakeColumn[] {
  const columns = new Map<string, LakeColumn & { from: string }>();
  for (const record of records as AvroRecord[]) {
    for (const field of record.fields) {
      if (field.name in RENAMED) continue;
      const where = `${topic}.${record.name}.${field.name}`;
      const column = { ...topLevel(field.type, where), name: field.name, from: record.name };
      const seen = columns.get(field.name);
      if (seen && seen.type !== column.type)
        throw invalid(
          where,
          `${where} is ${column.type} but ${seen.from}.${field.name} on the same topic is ${seen.type}; a topic's records must agree on a field's type`,
        );
      if (!seen) columns.set(field.name, column);
    }
  }
  return [...FIXED_COLUMNS, ...[...columns.values()].map(({ name, type, timestamp }) => ({ name, type, timestamp }))];
}

function topLevel(schema: Schema, where: string): { type: string; timestamp: boolean } {
  const inner = nonNull(schema, where);
  if (isTimestamp(inner)) return { type: 'TIMESTAMPTZ', timestamp: true };
  return { type: duckType(inner, where), timestamp: false };
}

/** The DuckDB type of an Avro type inside the record (a nested timestamp stays BIGINT milliseconds). */
export function duckType(schema: Schema, where: string): string {
  const s = nonNull(schema, where);
  if (typeof s === 'string') return primitive(s, where);
  if (Array.isArray(s)) throw refused(where, 'a union');
  const t = s as { type: string; items?: Schema; values?: Schema; fields?: AvroField[]; symbols?: string[] };
  switch (t.type) {
    case 'record':
      return `STRUCT(${t.fields!.map((f) => `${quoted(f.name)} ${duckType(f.type, `${where}.${f.name}`)}`).join(', ')})`;
    case 'array':
      return `${duckType(t.items!, `${where}[]`)}[]`;
    case 'map':
      return `MAP(VARCHAR, ${duckType(t.values!, `${where}{}`)})`;
    case 'enum':
      return 'VARCHAR';
    default:
      return primitive(t.type, where);
  }
}

function primitive(name: string, where: string): string {
  const types: Record<string, string> = {
    string: 'VARCHAR',
    int: 'INTEGER',
    long: 'BIGINT',
    float: 'FLOAT',
    double: 'DOUBLE',
    boolean: 'BOOLEAN',
  };
  const type = types[name];
  if (!type) throw refused(where, `Avro ${name}`);
  return type;
}

/** T of ["null", T] (or T itself); a union of two non-null types is refused. */
function nonNull(schema: Schema, where: string): Schema {
  if (!Array.isArray(schema)) return schema;
  const rest = schema.filter((s) => s !== 'null');
  if (rest.length !== 1) throw refused(where, 'a union of several non-null types');
  return rest[0]!;
}

function isTimestamp(schema: Schema): boolean {
  return (
    typeof schema === 'object' &&
    !Array.isArray(schema) &&
    (schema as { logicalType?: string }).logicalType === 'timestamp-millis'
  );
}

function refused(where: string, what: string) {
  return invalid(where, `${where} is ${what}, which the lake layout (docs/lake.md) has no column type for`);
}

/** A DuckDB identifier in double quotes, so `orderId` keeps its case. */
export function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
