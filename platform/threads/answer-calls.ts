// The thread's side of ThreadCalls: runs each call as it arrives and answers it by id, with the
// result or the reason it failed.
import { parentPort } from 'node:worker_threads';
import type { ThreadAnswer } from './thread-calls.ts';

export function answerCalls<Call extends { id: number }>(run: (call: Call) => unknown): void {
  const port = parentPort!;
  port.on('message', (call: Call) => {
    void answer(call).then((message) => port.postMessage(message));
  });

  async function answer(call: Call): Promise<ThreadAnswer> {
    try {
      return { id: call.id, result: await run(call) };
    } catch (error) {
      return { id: call.id, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
