// Runs the search index contract against the in-process index.
import { MemoryIndex } from '../../serving/search/index/memory-index.ts';
import { searchIndexContract } from './search-index.contract.ts';

searchIndexContract('in-process', () => ({
  async open() {
    const index = new MemoryIndex();
    await index.start();
    return index;
  },
  settle: () => Promise.resolve(),
}));
