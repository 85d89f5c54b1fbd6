// Keeps the TypeScript event shapes, the Avro schemas and the topic table in step.
import { describe, expect, it } from 'vitest';
import type { EventType } from './events.ts';
import { eventSchema, eventSchemas } from './load-schemas.ts';
import { SAMPLE_EVENTS } from './sample-events.ts';
import { TOPICS } from './topics.ts';

describe('event schemas', () => {
  it.each(Object.entries(SAMPLE_EVENTS))(
    '%s as typed in TypeScript is valid Avro and survives a round trip',
    (name, sample) => {
      const { type: _tag, ...record } = sample;
      const { type } = eventSchema(name as EventType);
      const paths: string[] = [];
      expect(
        type.isValid(record, { errorHook: (path) => paths.push(path.join('.')) }),
        `invalid at ${paths.join(', ')}`,
      ).toBe(true);
      expect({ ...type.fromBuffer(type.toBuffer(record)) }).toEqual(record);
    },
  );

  it('has a schema for every event a topic carries and a topic for every schema', () => {
    const carried = new Set(Object.values(TOPICS).flatMap((t) => t.events));
    expect([...eventSchemas().keys()].sort()).toEqual([...carried].sort());
  });

  it('keys every topic by a field all of its events have', () => {
    for (const [topic, spec] of Object.entries(TOPICS)) {
      for (const name of spec.events) {
        const fields = (eventSchema(name).type as unknown as { fields: { name: string }[] }).fields.map((f) => f.name);
        expect(fields, `${topic} key ${spec.key} missing in ${name}`).toContain(spec.key);
      }
    }
  });
});
