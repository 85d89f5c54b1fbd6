// Confluent's wire format: magic byte 0, the schema id as a 4-byte big-endian integer, then the Avro body.
import type avro from 'avsc';

const MAGIC = 0;
const HEADER = 5;

// Messages are encoded straight into a shared slab and handed out as slices of it, as Node's own
// buffer pool does: no zero-filled buffer per message (avsc's toBuffer) and no copy out of a scratch
// buffer. A slab is freed once no message sliced from it is referenced.
const SLAB = 64 * 1024;
let slab = Buffer.allocUnsafe(SLAB);
let used = 0;

/** Encodes a value with its schema's type into a framed message; throws when the value does not fit. */
export function encodeFramed(type: avro.Type, schemaId: number, value: unknown): Buffer {
  let end = type.encode(value, slab, used + HEADER);
  while (end < 0) {
    // Not enough room left (avsc answers minus the bytes missing): a fresh slab with room for this message.
    const needed = slab.length - end - used;
    slab = Buffer.allocUnsafe(Math.max(SLAB, needed * 2));
    used = 0;
    end = type.encode(value, slab, HEADER);
  }
  const start = used;
  slab[start] = MAGIC;
  slab.writeUInt32BE(schemaId, start + 1);
  // Slices start on 8-byte boundaries, as the pool's do.
  used = (end + 7) & ~7;
  return slab.subarray(start, end);
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
  if (offset !== message.length)
    throw new Error(offset < 0 ? 'truncated Avro message' : 'trailing bytes after the Avro body');
  return value;
}
