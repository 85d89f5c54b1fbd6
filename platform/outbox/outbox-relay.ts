// Publishes the outbox in commit order and deletes what the bus took. A crash after publishing and
// before deleting publishes those events again: delivery is at-least-once and consumers deduplicate
// by eventId, as they do for every topic. On MySQL several shop instances share one outbox: a named
// lock lets one relay at a time, so events go out once and in order.
import { sql, type Kysely } from 'kysely';
import type { Events } from '../events/events.ts';
import type { Logger } from '../logger.ts';
import type { EventOf, TopicName } from '../../schemas/topics.ts';
import type { Database } from '../sql/database.ts';
import { StoreDatabase } from '../sql/store-database.ts';
import type { OutboxDb } from './outbox.ts';

const BATCH = 1000;
/**
 * How long a nudge waits before its pass, so one pass carries the commits of those milliseconds instead
 * of a pass per commit (each reads, publishes and deletes, whether it carries one event or a hundred).
 * At a steady 1,000 checkouts/s that saved about 2% of the request thread: most of a pass's work is
 * per event.
 */
const LINGER_MS = 5;

export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  /** A nudged pass waiting out LINGER_MS. */
  private lingering: NodeJS.Timeout | undefined;
  /** The last pass asked for, settled or not: the next one starts after it. */
  private passes: Promise<unknown> = Promise.resolve();
  /** A pass asked for that has not started yet. */
  private waiting: Promise<number> | undefined;
  private readonly database: StoreDatabase<OutboxDb>;

  constructor(
    private readonly deps: {
      open: () => Promise<Database<OutboxDb>>;
      events: Events;
      logger: Logger;
      everyMs?: number;
    },
  ) {
    this.database = new StoreDatabase('the outbox relay', deps.open);
  }

  async start(): Promise<void> {
    await this.database.start();
    this.timer = setInterval(() => this.nudge(), this.deps.everyMs ?? 250);
    this.nudge();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.lingering);
    this.timer = this.lingering = undefined;
    await this.passes;
    await this.database.close();
  }

  /** Asks for a pass soon (after a commit), while the relay runs; a pass asked for and not started yet will do. */
  nudge(): void {
    if (!this.timer || this.waiting || this.lingering) return;
    this.lingering = setTimeout(() => {
      this.lingering = undefined;
      this.drain().catch((error: unknown) => this.deps.logger.error({ err: error }, 'outbox relay failed; retrying'));
    }, LINGER_MS);
  }

  /**
   * Publishes until the outbox is empty; answers how many events left (none while another instance
   * relays). Passes in this process run one after another; a caller finding one that has not started
   * yet shares it, since it will read everything committed before the call.
   */
  drain(): Promise<number> {
    if (this.waiting) return this.waiting;
    const pass = this.passes.then(() => {
      this.waiting = undefined;
      return this.pass();
    });
    this.waiting = pass;
    this.passes = pass.catch(() => undefined);
    return pass;
  }

  private async pass(): Promise<number> {
    const database = this.database.get();
    if (database.dialect !== 'mysql') return this.publishAll(database.db);
    // A named lock belongs to a connection, so it is taken, used and let go on one.
    return database.db.connection().execute(async (connection) => {
      const lock = sql`concat('emporium-outbox:', database())`;
      const { rows } = await sql<{ held: number | null }>`select get_lock(${lock}, 0) as held`.execute(connection);
      if (rows[0]?.held !== 1) return 0;
      try {
        return await this.publishAll(connection);
      } finally {
        await sql`select release_lock(${lock})`.execute(connection);
      }
    });
  }

  private async publishAll(db: Kysely<OutboxDb>): Promise<number> {
    let published = 0;
    for (;;) {
      const rows = await db
        .selectFrom('outbox')
        .select(['id', 'topic', 'payload'])
        .orderBy('id')
        .limit(BATCH)
        .execute();
      if (rows.length === 0) return published;
      // One publish per topic, all at once (the embedded bus writes them in one append): order matters
      // within a topic, as on Kafka, and not across topics.
      const byTopic = new Map<TopicName, EventOf<TopicName>[]>();
      for (const row of rows) {
        const topic = row.topic as TopicName;
        const events = byTopic.get(topic) ?? byTopic.set(topic, []).get(topic)!;
        events.push(JSON.parse(row.payload) as EventOf<TopicName>);
      }
      await Promise.all([...byTopic].map(([topic, events]) => this.deps.events.publish(topic, events)));
      // By id, not by range: on MySQL a lower id can commit after a higher one was read.
      await db
        .deleteFrom('outbox')
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      published += rows.length;
    }
  }
}
