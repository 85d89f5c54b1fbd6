// On a small simulated shop (hidden tastes, Zipf popularity), ALS trained on the earlier 80% of signals
// finds at least twice what the popularity baseline finds in the latest 20%.
import { expect, it } from 'vitest';
import { evaluateRecommendations } from '../../batch/recommendations/evaluate.ts';
import { indexSignals } from '../../batch/recommendations/indexed.ts';
import { signalsFromEvents } from '../../batch/recommendations/signals.ts';
import { demoItems } from '../../ingest/demo/items.ts';
import { simulateShop } from '../../ingest/demo/simulate/shop-simulation.ts';

it('beats popularity by at least 2× on precision@10 and nDCG@10 of a time hold-out', async () => {
  const items = [...demoItems({ seed: 1, count: 400 })];
  const events = [...simulateShop(items, { seed: 1, shoppers: 300, days: 30, end: Date.UTC(2026, 11, 1) })].flat();
  const report = await evaluateRecommendations(
    indexSignals(signalsFromEvents(events)),
    { als: { factors: 16, iterations: 10, alpha: 10, regularization: 0.05, threads: 1, seed: 42 } },
    () => {},
  );
  const { als, popularity } = report.overall;
  expect(report.heldOutShoppers).toBeGreaterThan(100);
  expect(als.ndcg[9]! / popularity.ndcg[9]!).toBeGreaterThanOrEqual(2);
  expect(als.precision[9]! / popularity.precision[9]!).toBeGreaterThanOrEqual(2);
});
