// The embedded search index on a thread of its own. A broad query scans thousands of matches: on the
// request thread every request in flight would wait for it, here only other searches do, and the
// scanning runs on the machine's second core while the first serves HTTP.
import type { Logger } from '../../../platform/logger.ts';
import { ThreadCalls } from '../../../platform/threads/thread-calls.ts';
import type { IndexCall } from './index-thread.ts';
import type { SearchDoc, SearchIndex, SearchQuery, SearchResult } from './search-index.ts';

export class ThreadIndex implements SearchIndex {
  private readonly thread: ThreadCalls<IndexCall>;

  constructor(logger?: Logger) {
    this.thread = new ThreadCalls('search index', new URL('./index-thread.ts', import.meta.url), { logger, failing: 'searches fail' });
  }

  start = () => this.thread.start();
  close = () => this.thread.close();

  upsert = (docs: SearchDoc[]) => this.thread.call({ method: 'upsert', args: [docs] }) as Promise<void>;
  remove = (itemIds: string[]) => this.thread.call({ method: 'remove', args: [itemIds] }) as Promise<void>;
  setStock = (changes: Parameters<SearchIndex['setStock']>[0]) => this.thread.call({ method: 'setStock', args: [changes] }) as Promise<void>;
  search = (query: SearchQuery) => this.thread.call({ method: 'search', args: [query] }) as Promise<SearchResult>;
  count = () => this.thread.call({ method: 'count', args: [] }) as Promise<number>;
}
