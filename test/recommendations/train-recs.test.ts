// Training from the embedded event log end to end: shoppers' events in, a model version out whose
// recommendations follow what similar shoppers did.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { embeddedEventLogSource } from '../../batch/recommendations/event-log-source.ts';
import { readCurrentModel } from '../../batch/recommendations/model-files.ts';
import { alsRanker } from '../../batch/recommendations/recommend.ts';
import { runEvaluateRecs, runTrainRecs } from '../../batch/recommendations/run-recs.ts';
import { modelDir } from '../../batch/recommendations/train-recs.ts';
import { loadConfig } from '../../platform/config.ts';
import { SqliteRecommendationStore } from '../../serving/recommendations/store/sqlite-recommendation-store.ts';
import { openTestEvents, type TestEvents } from '../support/events.ts';

let dir: string;
let log: TestEvents;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recs-train-'));
  log = await openTestEvents(dir);
});
afterEach(async () => {
  await log.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('trains on the log’s signals, writes the current version, and recommends what like-minded shoppers took', async () => {
  // Tea drinkers view and wishlist tea; coffee drinkers coffee. tea-0 has not yet seen tea-3.
  const day = Date.UTC(2026, 10, 1);
  let id = 0;
  const views = [];
  const wishes = [];
  for (let u = 0; u < 12; u++) {
    const kind = u % 2 ? 'coffee' : 'tea';
    for (let i = 0; i < 4; i++) {
      if (u === 0 && i === 3) continue;
      const base = { eventId: `e${++id}`, occurredAt: day + id * 1000, userId: `${kind}-${u}`, category: kind };
      views.push({ type: 'ProductViewed' as const, ...base, itemId: `${kind}-item-${i}` });
      if (i % 2 === 0)
        wishes.push({ type: 'WishlistItemAdded' as const, ...base, eventId: `w${id}`, itemId: `${kind}-item-${i}` });
    }
  }
  await log.events.publish('product.viewed', views);
  await log.events.publish('wishlist', wishes);
  const config = loadConfig({ EMPORIUM_DATA_DIR: dir });
  const iterations: number[] = [];
  const summary = await runTrainRecs(
    config,
    embeddedEventLogSource(config),
    { als: { factors: 4, iterations: 10, regularization: 0.1, alpha: 5, threads: 1 } },
    (r) => iterations.push(r.loss),
  );
  expect(iterations).toHaveLength(10);
  expect(summary).toMatchObject({ shoppers: 12, items: 8, signals: views.length + wishes.length });
  const model = (await readCurrentModel(modelDir(dir)))!;
  expect(model.version).toBe(summary.version);
  const rank = alsRanker(model, model.seen);
  const [first] = rank(model.userIds.indexOf('tea-0'), 1);
  expect(model.itemIds[first!.item]).toBe('tea-item-3');

  // The shop reads the same lists from the recommendations store, switched to the new version.
  expect(summary.published).toEqual({ shoppers: 12, items: 8 });
  const store = new SqliteRecommendationStore(path.join(dir, 'recommendations.db'));
  await store.start();
  const version = (await store.currentVersion())!;
  expect(version).toBe(summary.version);
  expect((await store.forShopper(version, 'tea-0', null, 1))[0]?.itemId).toBe('tea-item-3');
  expect((await store.forShopper(version, 'tea-0', 'tea', 5)).map((r) => r.itemId)).toEqual(['tea-item-3']);
  expect((await store.similarTo(version, 'tea-item-1', 3)).every((r) => r.itemId.startsWith('tea-'))).toBe(true);
  await store.close();

  const evaluation = await runEvaluateRecs(
    config,
    embeddedEventLogSource(config),
    { als: { factors: 4, iterations: 5, threads: 1 } },
    () => {},
  );
  expect(fs.readFileSync(evaluation.svg, 'utf8')).toMatch(/^<svg/);
  expect(evaluation.report.overall.als.precision).toHaveLength(20);
});
