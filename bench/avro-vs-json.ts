// Avro (avsc, Confluent wire format) against JSON: encode and decode throughput and size for every event type.
import { performance } from 'node:perf_hooks';
import { decodeFramed, encodeFramed } from '../platform/registry/wire-format.ts';
import type { EventType } from '../schemas/events.ts';
import { eventSchema } from '../schemas/load-schemas.ts';
import { SAMPLE_EVENTS } from '../schemas/sample-events.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 200_000);

/** Operations per second of fn, after a warm-up so the JIT has settled. */
function opsPerSecond(fn: (i: number) => unknown): number {
  for (let i = 0; i < ROUNDS / 10; i++) fn(i);
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) fn(i);
  return (ROUNDS / (performance.now() - start)) * 1000;
}

const k = (ops: number) => `${Math.round(ops / 1000).toLocaleString('en-US')}k`;
const rows: Record<string, Record<string, string | number>> = {};
const ratios = { encode: [] as number[], decode: [] as number[] };

for (const [name, sample] of Object.entries(SAMPLE_EVENTS)) {
  const { type: _tag, ...record } = sample;
  const { type } = eventSchema(name as EventType);
  const avroMessage = encodeFramed(type, 1, record);
  const jsonMessage = Buffer.from(JSON.stringify(record));

  const avroEncode = opsPerSecond(() => encodeFramed(type, 1, record));
  const jsonEncode = opsPerSecond(() => Buffer.from(JSON.stringify(record)));
  const avroDecode = opsPerSecond(() => decodeFramed(type, avroMessage));
  const jsonDecode = opsPerSecond(() => JSON.parse(jsonMessage.toString()) as unknown);
  ratios.encode.push(avroEncode / jsonEncode);
  ratios.decode.push(avroDecode / jsonDecode);
  rows[name] = {
    'avro B': avroMessage.length,
    'json B': jsonMessage.length,
    'avro enc/s': k(avroEncode),
    'json enc/s': k(jsonEncode),
    'enc x': Number((avroEncode / jsonEncode).toFixed(2)),
    'avro dec/s': k(avroDecode),
    'json dec/s': k(jsonDecode),
    'dec x': Number((avroDecode / jsonDecode).toFixed(2)),
  };
}

console.log(`Avro vs JSON, ${ROUNDS.toLocaleString('en-US')} operations per cell (Node ${process.version})`);
console.table(rows);
const min = (xs: number[]) => Math.min(...xs).toFixed(2);
const geo = (xs: number[]) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length).toFixed(2);
console.log(`encode: Avro is ${geo(ratios.encode)}x JSON (geometric mean), ${min(ratios.encode)}x at worst`);
console.log(`decode: Avro is ${geo(ratios.decode)}x JSON (geometric mean), ${min(ratios.decode)}x at worst`);
