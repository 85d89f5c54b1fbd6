// Confluent's wire format: magic byte 0, the schema id as a 4-byte big-endian integer, then the Avro body.
import type avro from 'avsc';

const MAGIC = 0;
const HEADER = 5;

// One growing scratch buffer: encoding into it and copying out once is several times faster than
// avsc's toBuffer, which zero-fills a fresh buffer per message.
let scratch = Buffer.allocUnsafe(64 * 1024);

/** Encodes a value with its schema's type into a framed message; throws when the value does not fit. */
export function encodeFramed(type: avro.Type, schemaId: number, value: unknown): Buffer {
  let end = type.encode(value, scratch, HEADER);
  while (end < 0) {
    scratch = Buffer.allocUnsafe(scratch.length * 2 - end);
    end = type.encode(value, scratch, HEADER);
  }
  scratch.writeUInt8(MAGIC, 0);
  scratch.writeUInt32BE(schemaId, 1);
  return Buffer.from(scratch.subarray(0, end));
}

/** The schema id a framed message names; throws on a message not in the wire format. */
export function schemaIdOf(message: Buffer): number {
  if (message.length < HEADER || message.readUInt8(0) !== MAGIC) {
    throw new Error(`not a Confluent wire-format message (magic byte ${message[0] ?? 'missing'})`);
  }
  return message.readUInt32BE(1);
}

/** Decodes the Avro body of a framed message whose schema id the caller already resolved to `type`. */
export function decodeFramed(type: avro.Type, message: Buffer): unknown {
  const decoded: { value: unknown; offset: number } = type.decode(message, HEADER);
  const { value, offset } = decoded;
  if (offset !== message.length) throw new Error(offset < 0 ? 'truncated Avro message' : 'trailing bytes after the Avro body');
  return value;
}
