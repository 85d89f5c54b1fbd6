// Confluent's wire format: magic byte 0, the schema id as a 4-byte big-endian integer, then the Avro body.

const MAGIC = 0;
const HEADER = 5;

export function frame(schemaId: number, body: Buffer): Buffer {
  const message = Buffer.allocUnsafe(HEADER + body.length);
  message.writeUInt8(MAGIC, 0);
  message.writeUInt32BE(schemaId, 1);
  body.copy(message, HEADER);
  return message;
}

/** Splits a message into its schema id and Avro body; throws on a message not in the wire format. */
export function unframe(message: Buffer): { schemaId: number; body: Buffer } {
  if (message.length < HEADER || message.readUInt8(0) !== MAGIC) {
    throw new Error(`not a Confluent wire-format message (magic byte ${message[0] ?? 'missing'})`);
  }
  return { schemaId: message.readUInt32BE(1), body: message.subarray(HEADER) };
}
