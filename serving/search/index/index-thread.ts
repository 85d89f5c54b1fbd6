// The thread behind ThreadIndex: one in-process index, answering calls in the order they arrive, so a
// search always sees every write sent before it.
import { answerCalls } from '../../../platform/threads/answer-calls.ts';
import { MemoryIndex } from './memory-index.ts';

export type IndexCall =
  | { id: number; method: 'upsert'; args: Parameters<MemoryIndex['upsert']> }
  | { id: number; method: 'remove'; args: Parameters<MemoryIndex['remove']> }
  | { id: number; method: 'setStock'; args: Parameters<MemoryIndex['setStock']> }
  | { id: number; method: 'search'; args: Parameters<MemoryIndex['search']> }
  | { id: number; method: 'count'; args: [] };

const index = new MemoryIndex();

/**
 * Whether to lay the index out again is looked at a second after a write, not after each one: a bulk
 * load arrives in many batches, and is laid out a few times as it grows rather than after every batch.
 */
let layoutCheck: NodeJS.Timeout | undefined;
function checkLayoutSoon(): void {
  layoutCheck ??= setTimeout(() => {
    layoutCheck = undefined;
    index.layOut();
  }, 1000);
}

answerCalls((call: IndexCall): Promise<unknown> => {
  switch (call.method) {
    case 'upsert':
      checkLayoutSoon();
      return index.upsert(...call.args);
    case 'remove':
      return index.remove(...call.args);
    case 'setStock':
      return index.setStock(...call.args);
    case 'search':
      return index.search(...call.args);
    case 'count':
      return index.count();
  }
});
