// The newest messages this process appended, kept in memory for consumers in this process. They read a
// message moments after it was written; reading it back from SQLite cost as much of the request thread
// as checkout's stock update and hold together (Kafka serves such reads from the page cache).
import type { BusMessage } from '../event-bus.ts';

interface Tail {
  /** Offset of messages[0]; the messages are exactly the log's from there on, with no gap. */
  first: number;
  messages: BusMessage[];
}

export class RecentMessages {
  private readonly tails = new Map<string, Tail>();

  /** Keeps at least `keep` messages per partition once it has that many (and at most twice as many). */
  constructor(private readonly keep: number) {}

  /**
   * Up to `limit` messages of a partition from offset `from`, or undefined when memory does not hold
   * that offset (the caller reads the log). Asking marks the partition as read here: only such
   * partitions' appends are kept.
   */
  read(partition: string, from: number, limit: number): BusMessage[] | undefined {
    const tail = this.tails.get(partition);
    if (!tail) {
      this.tails.set(partition, { first: 0, messages: [] });
      return undefined;
    }
    const start = from - tail.first;
    if (start < 0 || start >= tail.messages.length) return undefined;
    return tail.messages.slice(start, start + limit);
  }

  /** Whether `next` is past the last message this process appended to the partition (and still holds). */
  caughtUp(partition: string, next: number): boolean {
    const tail = this.tails.get(partition);
    return tail !== undefined && tail.messages.length > 0 && next === tail.first + tail.messages.length;
  }

  /**
   * Messages this process has just appended to a partition, at consecutive offsets. When they do not
   * follow the kept ones (another process appended in between), the kept ones go: memory may hold
   * less of the log, never a log with a hole in it.
   */
  appended(partition: string, messages: BusMessage[]): void {
    const tail = this.tails.get(partition);
    if (!tail || messages.length === 0) return;
    if (tail.first + tail.messages.length !== messages[0]!.offset) {
      tail.first = messages[0]!.offset;
      tail.messages = [];
    }
    // One push per message: a bulk load appends more than a spread call may pass.
    for (const message of messages) tail.messages.push(message);
    const surplus = tail.messages.length - this.keep;
    // Trimmed in one slice once twice over, rather than a shift per message.
    if (surplus >= this.keep) {
      tail.messages = tail.messages.slice(surplus);
      tail.first += surplus;
    }
  }
}
