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
 * Whether to lay the index out again is looked at every second while writes come, and once more when a
 * second has passed without any: a bulk load is laid out a few times as it grows, and once at its end.
 */
const LAYOUT_CHECK_MS = 1000;
let lastWrite = 0;
let layoutCheck: NodeJS.Timeout | undefined;
function checkLayoutSoon(): void {
  lastWrite = performance.now();
  layoutCheck ??= setTimeout(checkLayout, LAYOUT_CHECK_MS);
}
function checkLayout(): void {
  const settled = performance.now() - lastWrite >= LAYOUT_CHECK_MS;
  index.layOut(settled ? 'settled' : 'ongoing');
  layoutCheck = settled ? undefined : setTimeout(checkLayout, LAYOUT_CHECK_MS);
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
