// The thread behind the embedded bus's writes (see embedded-event-bus.ts), on a connection of its own.
import { workerData } from 'node:worker_threads';
import { answerCalls } from '../../threads/answer-calls.ts';
import { LogStore, type Batches, type GroupOffset } from './log-store.ts';

export type WriterCall =
  | { id: number; write: 'append'; batches: Batches; timestamp: number }
  | { id: number; write: 'commit'; offsets: GroupOffset[] };

const log = await LogStore.open((workerData as { file: string }).file);

answerCalls((call: WriterCall) => {
  if (call.write === 'commit') return log.commitOffsets(call.offsets);
  // A Buffer arrives as a plain Uint8Array; the view is wrapped again, not copied.
  for (const { messages } of call.batches)
    for (const m of messages) m.value = Buffer.from(m.value.buffer, m.value.byteOffset, m.value.byteLength);
  return log.append(call.batches, call.timestamp);
});
