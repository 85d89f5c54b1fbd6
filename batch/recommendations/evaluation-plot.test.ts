import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { writeEvaluation } from './evaluation-plot.ts';
import { evaluateRecommendations } from './evaluate.ts';
import { synthetic } from './synthetic.ts';

it('writes the report and an SVG with a chart per metric, on a shop with planted tastes', async () => {
  const shop = synthetic({ users: 300, items: 200, interactions: 6000, clusters: 4, taste: 0.8, zipf: 1, seed: 2 });
  const report = await evaluateRecommendations(
    { interactions: shop, itemCategory: shop.itemCluster, categories: ['a', 'b', 'c', 'd'] },
    { als: { factors: 4, iterations: 6, regularization: 0.1, alpha: 5, threads: 1 }, maxK: 20 },
  );
  expect(Object.keys(report.byCategory).sort()).toEqual(['a', 'b', 'c', 'd']);
  expect(report.overall.als.ndcg).toHaveLength(20);
  expect(report.overall.als.ndcg[9]).toBeGreaterThan(report.overall.popularity.ndcg[9]!);
  // Within a cluster every planted shopper likes the same items, so there popularity is as good as it gets.
  for (const c of Object.values(report.byCategory)) {
    expect(c.als.shoppers).toBeGreaterThan(0);
    expect(c.als.ndcg[9]).toBeGreaterThan(0.5 * c.popularity.ndcg[9]!);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'recs-eval-'));
  try {
    const files = await writeEvaluation(report, dir);
    expect(JSON.parse(await readFile(files.json, 'utf8'))).toEqual(JSON.parse(JSON.stringify(report)));
    const svg = await readFile(files.svg, 'utf8');
    expect(svg).toMatch(/^<svg/);
    for (const title of ['precision@k', 'recall@k', 'nDCG@k', 'MAP@k', 'catalog coverage@k'])
      expect(svg).toContain(title);
    expect(svg).toContain('popularity');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
