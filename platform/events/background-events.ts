// Events a request records without waiting for them (a search performed, a product viewed): held for a
// few milliseconds and published together, so requests share one publish instead of each paying for
// its own, and for its own trip to the embedded bus's writer thread. They reach the bus after the
// answer, so a crash loses the last few milliseconds of them: analytics can bear that, a change of
// state could not (those go through the outbox, written with the change).
import type { EventOf, TopicName } from '../../schemas/topics.ts';
import type { Lifecycle } from '../lifecycle.ts';
import type { Logger } from '../logger.ts';
import type { Events } from './events.ts';

export interface EventRecorder {
  record<T extends TopicName>(topic: T, event: EventOf<T>): void;
}

export class BackgroundEvents implements EventRecorder, Lifecycle {
  private queued = new Map<TopicName, EventOf<TopicName>[]>();
  private timer: NodeJS.Timeout | undefined;
  /** The publishes of the last flush, settled or not. */
  private publishing: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: { events: Events; logger: Logger; lingerMs?: number }) {}

  start = () => Promise.resolve();

  /** Publishes what is held. */
  async close(): Promise<void> {
    this.flush();
    await this.publishing;
  }

  record<T extends TopicName>(topic: T, event: EventOf<T>): void {
    const list = this.queued.get(topic) ?? this.queued.set(topic, []).get(topic)!;
    list.push(event as EventOf<TopicName>);
    this.timer ??= setTimeout(() => this.flush(), this.deps.lingerMs ?? 10);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batches = [...this.queued];
    this.queued = new Map();
    this.publishing = Promise.all(
      batches.map(([topic, events]) =>
        this.deps.events
          .publish(topic, events)
          .catch((error: unknown) =>
            this.deps.logger.error(
              { err: error, topic, events: events.length },
              'could not publish recorded events; they are lost',
            ),
          ),
      ),
    );
  }
}
