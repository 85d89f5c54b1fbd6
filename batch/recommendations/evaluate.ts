// Evaluation: ALS against the popularity baseline on one time-based hold-out, overall and per category.
import { trainAls, type AlsOptions } from './als.ts';
import { interactionMatrix, type Interactions } from './interactions.ts';
import { metricsByK, type Judged, type MetricsByK } from './metrics.ts';
import { alsRanker, popularityRanker, type Ranker } from './recommend.ts';
import { timeSplit } from './split.ts';

export interface Comparison {
  als: MetricsByK;
  popularity: MetricsByK;
}

export interface EvaluationReport {
  /** Metrics at k = 1..maxK. */
  maxK: number;
  cutoff: string;
  trainSignals: number;
  heldOutShoppers: number;
  items: number;
  overall: Comparison;
  /** Per category: both rankers limited to the category's items, judged on its held-out items. */
  byCategory: Record<string, Comparison>;
  als: Partial<AlsOptions>;
  halfLifeDays: number | null;
}

/** Judges each ranker's top maxK for every held-out shopper, among the items `within` lets through. */
export function judge(
  rankers: Record<string, Ranker>,
  test: Map<number, Set<number>>,
  maxK: number,
  catalogSize: number,
  within: (item: number) => boolean = () => true,
): Record<string, MetricsByK> {
  const out: Record<string, MetricsByK> = {};
  for (const [name, rank] of Object.entries(rankers)) {
    const judged: Judged[] = [];
    for (const [user, items] of test) {
      const relevant = new Set([...items].filter(within));
      if (relevant.size > 0) judged.push({ ranked: rank(user, maxK, within).map((s) => s.item), relevant });
    }
    out[name] = metricsByK(judged, maxK, catalogSize);
  }
  return out;
}

export interface EvaluationInput {
  interactions: Interactions;
  /** Category index per item (−1 for none) and the categories' names. */
  itemCategory: Int32Array;
  categories: readonly string[];
}

export async function evaluateRecommendations(
  input: EvaluationInput,
  options: { als?: Partial<AlsOptions>; testShare?: number; maxK?: number; halfLifeDays?: number | null } = {},
  onIteration?: Parameters<typeof trainAls>[2],
): Promise<EvaluationReport> {
  const maxK = options.maxK ?? 20;
  const halfLifeDays = options.halfLifeDays ?? null;
  const { train, test, cutoff } = timeSplit(input.interactions, options.testShare ?? 0.2);
  const matrix = interactionMatrix(train, cutoff, halfLifeDays === null ? Infinity : halfLifeDays * 86_400_000);
  const model = await trainAls(matrix, options.als, onIteration);
  const rankers = { als: alsRanker(model, matrix), popularity: popularityRanker(matrix) };
  const items = input.interactions.items;
  const overall = judge(rankers, test, maxK, items) as unknown as Comparison;
  const byCategory: Record<string, Comparison> = {};
  input.categories.forEach((name, c) => {
    const size = input.itemCategory.reduce((n, v) => n + (v === c ? 1 : 0), 0);
    const result = judge(rankers, test, maxK, size, (i) => input.itemCategory[i] === c) as unknown as Comparison;
    if (result.als.shoppers > 0) byCategory[name] = result;
  });
  return {
    maxK,
    cutoff: new Date(cutoff).toISOString(),
    trainSignals: train.user.length,
    heldOutShoppers: overall.als.shoppers,
    items,
    overall,
    byCategory,
    als: options.als ?? {},
    halfLifeDays,
  };
}
