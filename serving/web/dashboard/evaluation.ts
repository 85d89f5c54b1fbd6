// The last recommendation evaluation, as `emporium batch evaluate-recs` wrote it: ALS against popularity.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** One ranker's metrics by k (index 0 is k = 1), as in evaluation.json. */
interface ByK {
  precision: number[];
  recall: number[];
  ndcg: number[];
  map: number[];
  coverage: number[];
}

export interface EvaluationSummary {
  cutoff: string;
  heldOutShoppers: number;
  k: number;
  /** Each metric at k, for ALS and for the popularity baseline. */
  rows: { metric: string; als: number; popularity: number }[];
}

const METRICS = { precision: 'precision', recall: 'recall', ndcg: 'nDCG', map: 'MAP', coverage: 'coverage' } as const;

/** The summary at k (10, or the largest k evaluated) and the plot, or undefined when no evaluation was run. */
export async function readEvaluation(dir: string): Promise<{ summary: EvaluationSummary; svg: string } | undefined> {
  let json: string;
  let svg: string;
  try {
    [json, svg] = await Promise.all([
      readFile(path.join(dir, 'evaluation.json'), 'utf8'),
      readFile(path.join(dir, 'evaluation.svg'), 'utf8'),
    ]);
  } catch {
    return undefined;
  }
  const report = JSON.parse(json) as {
    cutoff: string;
    heldOutShoppers: number;
    maxK: number;
    overall: { als: ByK; popularity: ByK };
  };
  const k = Math.min(10, report.maxK);
  const rows = (Object.keys(METRICS) as (keyof typeof METRICS)[]).map((m) => ({
    metric: `${METRICS[m]}@${k}`,
    als: report.overall.als[m][k - 1] ?? 0,
    popularity: report.overall.popularity[m][k - 1] ?? 0,
  }));
  return { summary: { cutoff: report.cutoff, heldOutShoppers: report.heldOutShoppers, k, rows }, svg };
}
