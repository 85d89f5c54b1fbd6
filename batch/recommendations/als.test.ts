// ALS end to end on shoppers with planted tastes: it finds them, beats popularity, and is the same for a seed.
import { describe, expect, it } from 'vitest';
import { trainAls } from './als.ts';
import { judge } from './evaluate.ts';
import { interactionMatrix } from './interactions.ts';
import { alsRanker, popularityRanker } from './recommend.ts';
import { timeSplit } from './split.ts';
import { synthetic } from './synthetic.ts';

// Eight clusters: eight factors is the rank of the planted tastes.
const shop = synthetic({ users: 600, items: 400, interactions: 12_000, clusters: 8, taste: 0.8, zipf: 1, seed: 5 });
const { train, test, cutoff } = timeSplit(shop, 0.2);
const matrix = interactionMatrix(train, cutoff);
const options = { factors: 8, iterations: 8, regularization: 0.1, alpha: 5, seed: 3, threads: 1 } as const;

describe('implicit ALS', () => {
  it('recommends from each shopper’s hidden taste cluster and beats popularity on nDCG@10 by 2x', async () => {
    const model = await trainAls(matrix, options);
    const als = alsRanker(model, matrix);
    let inTaste = 0;
    for (let u = 0; u < shop.users; u++)
      for (const { item } of als(u, 10)) if (shop.itemCluster[item] === shop.userCluster[u]) inTaste++;
    // Drawn at random, 1 in 8 would be; 80% of each shopper's signals come from their cluster.
    expect(inTaste / (shop.users * 10)).toBeGreaterThan(0.7);
    const result = judge({ als, popularity: popularityRanker(matrix) }, test, 10, shop.items);
    expect(result.als!.ndcg[9]).toBeGreaterThan(2 * result.popularity!.ndcg[9]!);
    expect(result.als!.recall[9]).toBeGreaterThan(result.popularity!.recall[9]!);
  });

  it('lowers the training loss every iteration', async () => {
    const { losses } = await trainAls(matrix, options);
    for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThan(losses[i - 1]!);
  });

  it('with Spark MLlib’s settings (λ scaled by row counts, unit start) still finds the tastes and lowers its loss', async () => {
    const mllib = { ...options, scaleRegularization: true, init: 'unit', regularization: 0.01 } as const;
    const model = await trainAls(matrix, mllib);
    for (let i = 1; i < model.losses.length; i++) expect(model.losses[i]).toBeLessThan(model.losses[i - 1]!);
    const result = judge({ als: alsRanker(model, matrix), popularity: popularityRanker(matrix) }, test, 10, shop.items);
    expect(result.als!.ndcg[9]).toBeGreaterThan(2 * result.popularity!.ndcg[9]!);
    const plain = await trainAls(matrix, { ...mllib, scaleRegularization: false });
    expect(Buffer.from(plain.itemFactors.buffer).equals(Buffer.from(model.itemFactors.buffer))).toBe(false);
  });

  it('gives the same factors for a seed, on one thread or two, and others for another seed', async () => {
    const one = await trainAls(matrix, { ...options, iterations: 3 });
    const two = await trainAls(matrix, { ...options, iterations: 3, threads: 2 });
    expect(Buffer.from(two.userFactors.buffer).equals(Buffer.from(one.userFactors.buffer))).toBe(true);
    expect(Buffer.from(two.itemFactors.buffer).equals(Buffer.from(one.itemFactors.buffer))).toBe(true);
    expect(two.losses).toEqual(one.losses);
    const other = await trainAls(matrix, { ...options, iterations: 3, seed: 4 });
    expect(Buffer.from(other.userFactors.buffer).equals(Buffer.from(one.userFactors.buffer))).toBe(false);
  });

  it('names the option at fault', async () => {
    await expect(trainAls(matrix, { factors: 10 })).rejects.toMatchObject({ field: 'factors' });
    await expect(trainAls(matrix, { alpha: 0 })).rejects.toMatchObject({ field: 'alpha' });
    await expect(trainAls(matrix, { init: 'zeros' as 'unit' })).rejects.toMatchObject({ field: 'init' });
  });
});
