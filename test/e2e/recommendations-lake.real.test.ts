// Training in real mode: shoppers' signals published to Kafka, written into the lake by the real writer,
// read back through DuckDB as the source real mode picks, trained on, and the lists switched to in Cassandra.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { interactionSource } from '../../app/recommendations-source.ts';
import { runTrainRecs } from '../../batch/recommendations/run-recs.ts';
import { systemClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { createEvents } from '../../platform/events/create-events.ts';
import { silentLogger } from '../../platform/logger.ts';
import type { TypedEvent } from '../../schemas/events.ts';
import { createRecommendationStore } from '../../serving/recommendations/store/create-recommendation-store.ts';
import { LakeWriter } from '../../stream/lake/lake-writer.ts';
import { testNamespace } from '../support/namespace.ts';
import { waitFor } from '../support/wait-for.ts';

const ns = testNamespace('recslake');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-recs-lake-real-'));
const config = loadConfig({ ...ns.env, EMPORIUM_DATA_DIR: dir, EMPORIUM_LAKE_DIR: path.join(dir, 'lake') });
if (config.bus.kind !== 'real' || config.cassandra.kind !== 'real')
  throw new Error('the real suite needs EMPORIUM_KAFKA_BROKERS and EMPORIUM_CASSANDRA_URL');

const T0 = Date.UTC(2026, 10, 20);
/** Two tastes: shoppers of a group have cart-added all but one of its items; training should offer that one. */
const GROUPS = {
  tea: ['tea-1', 'tea-2', 'tea-3', 'tea-4', 'tea-5'],
  toys: ['toy-1', 'toy-2', 'toy-3', 'toy-4', 'toy-5'],
};

function plantedSignals(): TypedEvent<'CartItemAdded' | 'ProductViewed'>[] {
  const out: TypedEvent<'CartItemAdded' | 'ProductViewed'>[] = [];
  let n = 0;
  for (const [category, items] of Object.entries(GROUPS))
    for (let s = 0; s < 12; s++) {
      const userId = `${category}-fan-${s}`;
      // Shopper 0 of each group lacks the last item; the others each skip one of the rest.
      const skip = s === 0 ? items.length - 1 : s % (items.length - 1);
      items.forEach((itemId, i) => {
        if (i === skip) return;
        const base = { eventId: `sig-${n}`, occurredAt: T0 + n * 1000, userId, itemId, category };
        n++;
        out.push({ type: 'CartItemAdded', ...base, quantity: 1, unitPriceMinor: 500 });
        out.push({ type: 'ProductViewed', ...base, eventId: `${base.eventId}-view` });
      });
    }
  return out;
}

describe('training from the lake on Kafka', () => {
  afterAll(async () => {
    await ns.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the signals the lake holds and switches Cassandra to lists trained on them', async () => {
    const { name, source } = interactionSource(config);
    expect(name).toBe('lake');
    expect(() => interactionSource(config, 'log')).toThrow(/train from the lake/);

    const events = createEvents(config, { logger: silentLogger });
    await events.start();
    const sent = plantedSignals();
    try {
      await events.publish(
        'cart',
        sent.filter((e) => e.type === 'CartItemAdded'),
      );
      await events.publish(
        'product.viewed',
        sent.filter((e) => e.type === 'ProductViewed'),
      );
      const writer = new LakeWriter({
        lakeDir: config.lakeDir,
        events,
        logger: silentLogger,
        clock: systemClock,
        flushRows: 50,
      });
      await writer.start();
      const accepted = () => [...writer.positions().values()].reduce((s, n) => s + n, 0);
      await waitFor('every signal in the lake writer', () => accepted() >= sent.length, 60_000);
      await writer.close();
    } finally {
      await events.close();
    }

    const read = await source.readSignalEvents(null);
    expect(read.map((e) => e.eventId).sort()).toEqual(sent.map((e) => e.eventId).sort());

    const summary = await runTrainRecs(
      config,
      source,
      { als: { factors: 4, iterations: 10, regularization: 0.1, alpha: 5, threads: 1 } },
      () => {},
    );
    expect(summary).toMatchObject({ events: sent.length, shoppers: 24, items: 10 });
    expect(summary.version).not.toBeNull();
    const store = createRecommendationStore(config);
    await store.start();
    try {
      expect(await store.currentVersion()).toBe(summary.version);
      const tea = await store.forShopper(summary.version!, 'tea-fan-0', null, 3);
      expect(tea[0]?.itemId).toBe('tea-5');
      const toys = await store.forShopper(summary.version!, 'toys-fan-0', 'toys', 3);
      expect(toys[0]?.itemId).toBe('toy-5');
    } finally {
      await store.close();
    }
  }, 180_000);
});
