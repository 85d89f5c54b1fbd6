// The lake's columns from the Avro schemas: one per field, nested records as structs, lists as lists.
import { describe, expect, it } from 'vitest';
import { eventSchema } from '../../schemas/load-schemas.ts';
import { TOPICS } from '../../schemas/topics.ts';
import { topicColumns } from './columns.ts';

const schemaOf = (name: Parameters<typeof eventSchema>[0]) => JSON.parse(eventSchema(name).text) as object;

describe('lake columns', () => {
  it('gives every topic in the table its columns', () => {
    for (const [topic, spec] of Object.entries(TOPICS)) {
      const columns = topicColumns(topic, spec.events.map(schemaOf));
      expect(columns.slice(0, 5).map((c) => c.name)).toEqual([
        'event_id',
        'event_time',
        'event_type',
        'kafka_partition',
        'kafka_offset',
      ]);
      expect(new Set(columns.map((c) => c.name)).size).toBe(columns.length);
    }
  });

  it('keeps an order line a struct in a list, and the union of the order records', () => {
    const columns = topicColumns('orders', TOPICS.orders.events.map(schemaOf));
    const lines = columns.find((c) => c.name === 'lines');
    expect(lines?.type).toBe(
      'STRUCT("itemId" VARCHAR, "quantity" INTEGER, "unitPriceMinor" BIGINT, "category" VARCHAR, "warehouseId" VARCHAR)[]',
    );
    expect(columns.find((c) => c.name === 'orderId')?.type).toBe('VARCHAR');
    expect(columns.find((c) => c.name === 'totalMinor')?.type).toBe('BIGINT');
  });

  it('refuses bytes and two types under one name, naming the field', () => {
    const record = (name: string, type: unknown) => ({ type: 'record', name, fields: [{ name: 'x', type }] });
    expect(() => topicColumns('t', [record('A', 'bytes')])).toThrow(/t\.A\.x is Avro bytes/);
    expect(() => topicColumns('t', [record('A', 'string'), record('B', 'long')])).toThrow(/t\.B\.x is BIGINT/);
    expect(() => topicColumns('t', [record('A', ['string', 'long'])])).toThrow(/union of several/);
    expect(topicColumns('t', [record('A', ['null', { type: 'map', values: 'long' }])]).at(-1)?.type).toBe(
      'MAP(VARCHAR, BIGINT)',
    );
  });
});
