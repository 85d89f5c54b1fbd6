// Two stream consumers in one Kafka consumer group split the partitions; when one dies halfway through
// a batch (its effects written, its offsets not committed), the other takes its partitions over and
// gets that batch again. The sink keys its rows by eventId, so every event takes effect exactly once.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvents } from '../../platform/events/create-events.ts';
import type { Delivered, Events } from '../../platform/events/events.ts';
import { silentLogger } from '../../platform/logger.ts';
import { openDatabase, type Database } from '../../platform/sql/database.ts';
import type { EventOf } from '../../schemas/topics.ts';
import { testNamespace } from '../support/namespace.ts';
import { waitFor } from '../support/wait-for.ts';

interface SinkDb {
  processed: { event_id: string; consumer: string };
}

const ns = testNamespace('group');
const { config } = ns;
if (config.bus.kind !== 'real' || config.sql.orders.kind !== 'real')
  throw new Error('the real suite needs EMPORIUM_KAFKA_BROKERS and EMPORIUM_ORDERS_DB_URL');
const sink = config.sql.orders;

describe('two consumers in one Kafka group', () => {
  const run = randomUUID().slice(0, 8);
  const groupId = `exactly-once-${run}`;
  let producer: Events;
  let sinkDb: Database<SinkDb>;
  const table = `processed_${run}`;

  beforeAll(async () => {
    producer = createEvents(config, { logger: silentLogger });
    await producer.start();
    sinkDb = await openDatabase<SinkDb>(sink, {});
    await sql`create table ${sql.table(table)} (event_id varchar(64) primary key, consumer varchar(8) not null)`.execute(
      sinkDb.db,
    );
  });
  afterAll(async () => {
    await sql`drop table if exists ${sql.table(table)}`.execute(sinkDb.db);
    await sinkDb.close();
    await producer.close();
    await ns.drop();
  });

  it('splits the partitions and applies every event exactly once, through a consumer dying mid-batch', async () => {
    const stats = {
      A: { applied: 0, duplicates: 0, partitions: new Set<number>() },
      B: { applied: 0, duplicates: 0, partitions: new Set<number>() },
    };
    const applyOnce = async (db: Kysely<SinkDb>, name: 'A' | 'B', batch: Delivered<EventOf<'product.viewed'>>[]) => {
      for (const { event, partition } of batch) {
        if (!event.itemId.startsWith(run)) continue;
        stats[name].partitions.add(partition);
        // The effect and its deduplication are one statement: a redelivered event changes nothing.
        const result =
          await sql`insert ignore into ${sql.table(table)} (event_id, consumer) values (${event.eventId}, ${name})`.execute(
            db,
          );
        if (Number(result.numAffectedRows) === 1) stats[name].applied++;
        else stats[name].duplicates++;
      }
    };
    const consumers = {
      A: createEvents(config, { logger: silentLogger }),
      B: createEvents(config, { logger: silentLogger }),
    };
    await Promise.all([consumers.A.start(), consumers.B.start()]);
    let crashed = false;
    let splitBeforeCrash: { A: number[]; B: number[] } | undefined;
    const subscription = {
      A: undefined as { stop(): Promise<void> } | undefined,
      B: undefined as { stop(): Promise<void> } | undefined,
    };
    subscription.A = await consumers.A.consume({
      groupId,
      topics: ['product.viewed'],
      handle: async (batch) => {
        // A dies once both have been working: half its batch is applied, nothing is committed.
        if (!crashed && stats.A.applied >= 60 && stats.B.applied >= 60) {
          crashed = true;
          splitBeforeCrash = { A: [...stats.A.partitions].sort(), B: [...stats.B.partitions].sort() };
          await applyOnce(sinkDb.db, 'A', batch.slice(0, Math.ceil(batch.length / 2)));
          void subscription.A!.stop();
          throw new Error('consumer A died mid-batch');
        }
        await applyOnce(sinkDb.db, 'A', batch);
      },
    });
    subscription.B = await consumers.B.consume({
      groupId,
      topics: ['product.viewed'],
      handle: (batch) => applyOnce(sinkDb.db, 'B', batch),
    });

    // Events keep coming, as views do, until A has died and B has taken over.
    let published = 0;
    const publish = async (count: number) => {
      const events = Array.from({ length: count }, (_, i): EventOf<'product.viewed'> => ({
        type: 'ProductViewed',
        eventId: randomUUID(),
        occurredAt: Date.now(),
        userId: null,
        itemId: `${run}-item-${(published + i) % 60}`,
        category: 'shirts',
      }));
      await producer.publish('product.viewed', events);
      published += count;
    };
    try {
      for (let round = 0; round < 200 && !crashed; round++) {
        await publish(30);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(crashed).toBe(true);
      await publish(300);
      const rows = async () =>
        Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(sinkDb.db)).rows[0]!.n);
      await waitFor('every event applied', async () => (await rows()) === published, 90_000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await rows()).toBe(published);
      expect(stats.A.applied + stats.B.applied).toBe(published);
      // Before A died, each had its own partitions.
      expect(splitBeforeCrash!.A.filter((p) => splitBeforeCrash!.B.includes(p))).toEqual([]);
      expect(splitBeforeCrash!.A.length + splitBeforeCrash!.B.length).toBe(6);
      // The half batch A applied before dying came to B again and was dropped as already applied.
      expect(stats.B.duplicates).toBeGreaterThan(0);
      console.log(
        `published ${published}; before A died: A had partitions ${splitBeforeCrash!.A.join(',')}, B ${splitBeforeCrash!.B.join(',')}; ` +
          `A applied ${stats.A.applied}, B applied ${stats.B.applied} and dropped ${stats.B.duplicates} redelivered`,
      );
    } finally {
      await subscription.B.stop();
      await Promise.all([consumers.A.close(), consumers.B.close()]);
    }
  });
});
