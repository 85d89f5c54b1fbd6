// Backward compatibility between two versions of an event schema, as the registry and the schema test check it.
import type avro from 'avsc';

/**
 * Null when a reader of `reader` can read data written with `writer` (Avro schema resolution: new fields
 * need defaults, types may only widen); otherwise the reason it cannot.
 */
export function backwardIncompatibility(reader: avro.Type, writer: avro.Type): string | null {
  try {
    reader.createResolver(writer);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
