// Runs the search index contract against the in-process index, on the calling thread and on its own.
import { MemoryIndex } from '../../serving/search/index/memory-index.ts';
import type { SearchIndex } from '../../serving/search/index/search-index.ts';
import { ThreadIndex } from '../../serving/search/index/thread-index.ts';
import { searchIndexContract } from './search-index.contract.ts';

for (const [name, make] of [
  ['in-process', () => new MemoryIndex()],
  ['in-process, own thread', () => new ThreadIndex()],
] as [string, () => SearchIndex][]) {
  searchIndexContract(name, () => ({
    async open() {
      const index = make();
      await index.start();
      return index;
    },
    settle: () => Promise.resolve(),
  }));
}
