// The evaluation as a person would rather see it: each metric by k, ALS against popularity, as an SVG
// drawn by Vega-Lite in Node (no browser), and the report and the plot written side by side.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EvaluationReport } from './evaluate.ts';

const METRICS = ['precision', 'recall', 'ndcg', 'map', 'coverage'] as const;
const TITLES = {
  precision: 'precision@k',
  recall: 'recall@k',
  ndcg: 'nDCG@k',
  map: 'MAP@k',
  coverage: 'catalog coverage@k',
};

/** One small chart per metric (k on x, one line per ranker), overall. */
export async function evaluationSvg(report: EvaluationReport): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const values = METRICS.flatMap((metric) =>
    (['als', 'popularity'] as const).flatMap((ranker) =>
      report.overall[ranker][metric].map((value, i) => ({ metric: TITLES[metric], ranker, k: i + 1, value })),
    ),
  );
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `ALS against popularity: ${report.heldOutShoppers} shoppers held out after ${report.cutoff}`,
    data: { values },
    facet: { field: 'metric', type: 'nominal', title: null, sort: METRICS.map((m) => TITLES[m]) },
    columns: 3,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 220,
      height: 150,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'k', type: 'quantitative', scale: { domain: [1, report.maxK] } },
        y: { field: 'value', type: 'quantitative', title: null },
        color: { field: 'ranker', type: 'nominal', title: 'ranker' },
      },
    },
  };
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]);
  return new vega.View(vega.parse(compiled.spec), { renderer: 'none' }).toSVG();
}

/** Writes evaluation.json and evaluation.svg into `dir`; returns their paths. */
export async function writeEvaluation(report: EvaluationReport, dir: string): Promise<{ json: string; svg: string }> {
  await mkdir(dir, { recursive: true });
  const json = path.join(dir, 'evaluation.json');
  const svg = path.join(dir, 'evaluation.svg');
  await writeFile(json, JSON.stringify(report, null, 2) + '\n');
  await writeFile(svg, await evaluationSvg(report));
  return { json, svg };
}
