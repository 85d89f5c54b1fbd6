// Puts deduplication by event id and retries in front of a provider's notifier, so every provider adapter stays a thin translation.
import type { Logger } from '../../../platform/logger.ts';
import type { Notification, Notifier } from './notifier.ts';

export interface RetryPolicy {
  /** The wait before the first retry; each further one doubles it, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { firstDelayMs: 500, maxDelayMs: 60_000 };

/**
 * A provider that fails is tried again, with growing waits, until it takes the notification or the shop
 * closes: the notifications consumer waits meanwhile, so nothing is skipped and nothing is lost (a
 * consumer whose handler throws stops for good). Ids already sent are remembered (the newest
 * `remember`, in memory: a redelivery after a crash repeats at most the last second of events, and a
 * restart forgets, so one such notification may go twice).
 */
export class ReliableNotifier implements Notifier {
  private readonly sent = new Set<string>();
  private closed = false;

  constructor(
    private readonly provider: Notifier,
    private readonly deps: {
      logger: Logger;
      retry?: RetryPolicy;
      /** Waits `ms` (a timer in the shop, a no-op in tests). */
      wait?: (ms: number) => Promise<void>;
      remember?: number;
    },
  ) {}

  start(): Promise<void> {
    this.closed = false;
    return this.provider.start();
  }

  close(): Promise<void> {
    this.closed = true;
    return this.provider.close();
  }

  async send(notification: Notification): Promise<void> {
    if (this.sent.has(notification.eventId)) return;
    const retry = this.deps.retry ?? DEFAULT_RETRY;
    const wait = this.deps.wait ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref()));
    for (let attempt = 0; ; attempt++) {
      try {
        await this.provider.send(notification);
        break;
      } catch (error) {
        if (this.closed) throw error;
        const delay = Math.min(retry.maxDelayMs, retry.firstDelayMs * 2 ** attempt);
        this.deps.logger.warn(
          { err: error, eventId: notification.eventId, channel: notification.channel, attempt, delay },
          'notification provider failed; retrying',
        );
        await wait(delay);
      }
    }
    this.sent.add(notification.eventId);
    if (this.sent.size > (this.deps.remember ?? 100_000)) this.sent.delete(this.sent.values().next().value!);
  }
}
