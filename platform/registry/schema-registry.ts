// The schema registry port: Confluent wire format (magic byte 0, 4-byte big-endian schema id, Avro body).
import type { Lifecycle } from '../lifecycle.ts';

export interface SchemaRegistry extends Lifecycle {
  /**
   * Registers an Avro schema (JSON text) under a subject and returns its id. Registering the same
   * schema again returns the same id; an incompatible change to a subject is rejected.
   */
  register(subject: string, schema: string): Promise<number>;
  /** Encodes a value with the schema of that id into the wire format. */
  encode(schemaId: number, value: unknown): Promise<Buffer>;
  /** Decodes wire-format bytes with the schema their id names; throws on an unknown id or bad magic byte. */
  decode(message: Buffer): Promise<{ schemaId: number; value: unknown }>;
  /**
   * The same as decode, without waiting, when the schema of the message's id is at hand (a consumer's
   * hot path: no promise per message); undefined when it is not, and decode must fetch it.
   */
  decodeKnown(message: Buffer): { schemaId: number; value: unknown } | undefined;
}
