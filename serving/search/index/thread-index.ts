// The embedded search index on a thread of its own. A broad query scans thousands of matches: on the
// request thread every request in flight would wait for it, here only other searches do, and the
// scanning runs on the machine's second core while the first serves HTTP.
import type { Logger } from '../../../platform/logger.ts';
import { ThreadCalls } from '../../../platform/threads/thread-calls.ts';
import type { IndexCall } from './index-thread.ts';
import type { SearchDoc, SearchIndex, SearchQuery, SearchResult } from './search-index.ts';

const RESTART_AT_MOST_EVERY_MS = 60_000;

export class ThreadIndex implements SearchIndex {
  private readonly thread: ThreadCalls<IndexCall>;
  private refill: () => Promise<void> = () => Promise.resolve();
  private restartedAt = -Infinity;
  private closed = false;

  /**
   * A thread that dies is started again, empty, and refilled (see onRestart), unless it died within
   * RESTART_AT_MOST_EVERY_MS of being started again: a thread that dies while being filled (out of
   * memory, say) would otherwise die again and again.
   */
  constructor(private readonly logger?: Logger) {
    this.thread = new ThreadCalls('search index', new URL('./index-thread.ts', import.meta.url), {
      logger,
      failing: 'searches fail until it is started again',
      onStop: () => void this.restart(),
    });
  }

  start = () => {
    this.closed = false;
    return this.thread.start();
  };

  close = () => {
    this.closed = true;
    return this.thread.close();
  };

  /** `refill` puts the documents back into a restarted thread, which starts empty; searches meanwhile find what is in so far. */
  onRestart(refill: () => Promise<void>): void {
    this.refill = refill;
  }

  upsert = (docs: SearchDoc[]) => this.thread.call({ method: 'upsert', args: [docs] }) as Promise<void>;
  remove = (itemIds: string[]) => this.thread.call({ method: 'remove', args: [itemIds] }) as Promise<void>;
  setStock = (changes: Parameters<SearchIndex['setStock']>[0]) =>
    this.thread.call({ method: 'setStock', args: [changes] }) as Promise<void>;
  search = (query: SearchQuery) => this.thread.call({ method: 'search', args: [query] }) as Promise<SearchResult>;
  count = () => this.thread.call({ method: 'count', args: [] }) as Promise<number>;

  private async restart(): Promise<void> {
    if (performance.now() - this.restartedAt < RESTART_AT_MOST_EVERY_MS) {
      this.logger?.error(
        `search index thread died within ${RESTART_AT_MOST_EVERY_MS / 1000} s of being started again; left stopped, searches fail until the shop restarts`,
      );
      return;
    }
    try {
      this.restartedAt = performance.now();
      await this.thread.start();
      // Closed while it started: the shop is going down.
      if (this.closed) return await this.thread.close();
      this.logger?.warn('search index thread started again; filling it');
      await this.refill();
    } catch (error) {
      this.logger?.error(
        { err: error },
        'search index thread could not be started again; searches fail until the shop restarts',
      );
    }
  }
}
