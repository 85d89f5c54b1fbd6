import { describe, expect, it } from 'vitest';
import { eventSchema } from '../../schemas/load-schemas.ts';
import { SAMPLE_EVENTS } from '../../schemas/sample-events.ts';
import { decodeFramed, encodeFramed, schemaIdOf } from './wire-format.ts';

describe('Confluent wire format', () => {
  const { type } = eventSchema('ItemRejected');
  const { type: _tag, ...sample } = SAMPLE_EVENTS.ItemRejected;

  it('frames each message with magic byte 0 and the schema id, and reads back what was written', () => {
    const message = encodeFramed(type, 42, sample);
    expect(message[0]).toBe(0);
    expect(schemaIdOf(message)).toBe(42);
    expect(decodeFramed(type, message)).toEqual(sample);
  });

  it('keeps every message intact while later ones are encoded, including ones larger than a slab', () => {
    const values = Array.from({ length: 3000 }, (_, i) => ({
      ...sample,
      raw: 'x'.repeat(i % 7 === 0 ? i * 50 : i),
      location: `line ${i}`,
    }));
    const messages = values.map((v, i) => encodeFramed(type, i, v));
    messages.forEach((m, i) => {
      expect(schemaIdOf(m)).toBe(i);
      expect(decodeFramed(type, m)).toEqual(values[i]);
    });
  });

  it('refuses a value its schema does not fit, and a message with bytes after the body', () => {
    expect(() => encodeFramed(type, 1, { ...sample, raw: 7 })).toThrow();
    const message = encodeFramed(type, 1, sample);
    expect(() => decodeFramed(type, Buffer.concat([message, Buffer.from([0])]))).toThrow('trailing bytes');
  });
});
