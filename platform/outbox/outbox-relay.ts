// Publishes the outbox in commit order and deletes what the bus took. A crash after publishing and
// before deleting publishes those events again: delivery is at-least-once and consumers deduplicate
// by eventId, as they do for every topic. On MySQL several shop instances share one outbox: a named
// lock lets one relay at a time, so events go out once and in order.
import { sql, type Kysely } from 'kysely';
import type { Events } from '../events/events.ts';
import type { Logger } from '../logger.ts';
import type { EventOf, TopicName } from '../../schemas/topics.ts';
import type { Database } from '../sql/database.ts';
import type { OutboxDb } from './outbox.ts';

const BATCH = 1000;

export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private database: Database<OutboxDb> | undefined;

  constructor(private readonly deps: { open: () => Promise<Database<OutboxDb>>; events: Events; logger: Logger; everyMs?: number }) {}

  async start(): Promise<void> {
    this.database = await this.deps.open();
    this.timer = setInterval(() => this.nudge(), this.deps.everyMs ?? 250);
    this.nudge();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
    await this.database?.close();
    this.database = undefined;
  }

  /** Asks for a pass soon (after a commit); passes never overlap, and a nudge during one runs another. */
  nudge(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((error: unknown) => this.deps.logger.error({ err: error }, 'outbox relay failed; retrying'))
      .finally(() => {
        this.running = undefined;
        if (this.again && this.timer) {
          this.again = false;
          this.nudge();
        }
      });
  }

  /** Publishes until the outbox is empty; answers how many events left (none while another instance relays). */
  async drain(): Promise<number> {
    const database = this.database;
    if (!database) throw new Error('the outbox relay is not started');
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
      const rows = await db.selectFrom('outbox').select(['id', 'topic', 'payload']).orderBy('id').limit(BATCH).execute();
      if (rows.length === 0) return published;
      // Consecutive rows of one topic go in one publish, keeping the order within each topic.
      for (let start = 0; start < rows.length; ) {
        let end = start;
        while (end < rows.length && rows[end]!.topic === rows[start]!.topic) end++;
        const topic = rows[start]!.topic as TopicName;
        await this.deps.events.publish(topic, rows.slice(start, end).map((r) => JSON.parse(r.payload) as EventOf<typeof topic>));
        start = end;
      }
      // By id, not by range: on MySQL a lower id can commit after a higher one was read.
      await db.deleteFrom('outbox').where('id', 'in', rows.map((r) => r.id)).execute();
      published += rows.length;
    }
  }
}
