// Our ALS beside Spark MLlib's on the same interactions and the same time split, in one run: seconds per
// iteration and nDCG@10 on the held-out items, same factors, iterations, regularization and alpha, both
// on every core of this machine (Spark in local mode). Both models are ranked and judged by the same code
// (alsRanker, judge). Needs `npm run spark:build`.
// Ours runs twice more with MLlib's meaning of the options (λ times each row's count, unit-length start):
// with implicit's 3 CG steps per row, and with MLLIB_CG_STEPS, nearer MLlib's exact per-row solve.
// Run: npm run bench bench/als-spark.ts   (FACTORS=64 ITERATIONS=5 USERS=20000 ITEMS=10000 INTERACTIONS=500000
//      MLLIB_CG_STEPS=10; SPARK=0 trains ours only)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { trainAls, type AlsOptions, type IterationReport } from '../batch/recommendations/als.ts';
import { rowColumns } from '../batch/recommendations/csr.ts';
import { judge } from '../batch/recommendations/evaluate.ts';
import { interactionMatrix } from '../batch/recommendations/interactions.ts';
import { alsRanker, popularityRanker } from '../batch/recommendations/recommend.ts';
import { timeSplit } from '../batch/recommendations/split.ts';
import { synthetic } from '../batch/recommendations/synthetic.ts';
import { runSpark } from '../batch/spark/launcher.ts';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const FACTORS = env('FACTORS', 64);
const ITERATIONS = env('ITERATIONS', 5);
const REGULARIZATION = env('REGULARIZATION', 0.01);
const ALPHA = env('ALPHA', 10);
const MLLIB_CG_STEPS = env('MLLIB_CG_STEPS', 10);
const shape = { users: env('USERS', 20_000), items: env('ITEMS', 10_000), interactions: env('INTERACTIONS', 500_000) };
const cores = availableParallelism();

console.log(
  `ALS vs Spark MLlib: ${FACTORS} factors, ${ITERATIONS} iterations, λ ${REGULARIZATION}, α ${ALPHA}, ${cores} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at start`,
);
const data = synthetic({ ...shape, clusters: 20, taste: 0.5, zipf: 1, seed: 1 });
const { train, test, cutoff } = timeSplit(data, 0.2);
const matrix = interactionMatrix(train, cutoff);
const nnz = matrix.indptr[matrix.rows]!;
const ndcgAt10 = (rank: Parameters<typeof judge>[0][string]) =>
  judge({ model: rank }, test, 10, shape.items).model!.ndcg[9]!;

// Ours: every iteration timed; the first (warm-up: threads, kernels) left out of the median.
async function trainOurs(options: Partial<AlsOptions>) {
  const reports: IterationReport[] = [];
  const model = await trainAls(
    matrix,
    {
      factors: FACTORS,
      iterations: ITERATIONS,
      regularization: REGULARIZATION,
      alpha: ALPHA,
      threads: cores,
      computeLoss: false,
      ...options,
    },
    (r) => reports.push(r),
  );
  const steady = reports
    .slice(1)
    .map((r) => r.ms)
    .sort((a, b) => a - b);
  return {
    model,
    seconds: steady[Math.floor(steady.length / 2)]! / 1000,
    fitSeconds: reports.reduce((s, r) => s + r.ms, 0) / 1000,
  };
}
const mllibMeaning = { scaleRegularization: true, init: 'unit' } as const;
const trained = {
  ours: await trainOurs({}),
  'ours, MLlib-like, 3 CG': await trainOurs({ ...mllibMeaning, cgSteps: 3 }),
  [`ours, MLlib-like, ${MLLIB_CG_STEPS} CG`]: await trainOurs({ ...mllibMeaning, cgSteps: MLLIB_CG_STEPS }),
};
const ourRows = Object.fromEntries(
  Object.entries(trained).map(([name, run]) => [
    name,
    {
      's/iteration': run.seconds.toFixed(2),
      'fit s (all iterations)': run.fitSeconds.toFixed(1),
      'nDCG@10': ndcgAt10(alsRanker(run.model, matrix)).toFixed(4),
    },
  ]),
);
const popularity = {
  's/iteration': '-',
  'fit s (all iterations)': '-',
  'nDCG@10': ndcgAt10(popularityRanker(matrix)).toFixed(4),
};
const shapeLine = `${shape.users.toLocaleString('en-US')} shoppers × ${shape.items.toLocaleString('en-US')} items, ${nnz.toLocaleString('en-US')} training pairs, ${test.size.toLocaleString('en-US')} held-out shoppers`;
if (process.env.SPARK === '0') {
  console.log(shapeLine);
  console.table({ ...ourRows, popularity });
  process.exit(0);
}

// Spark: the same training matrix as (user, item, weight) triples.
const dir = mkdtempSync(path.join(tmpdir(), 'emporium-als-spark-'));
try {
  const lines: string[] = [];
  for (let u = 0; u < matrix.rows; u++) {
    const cols = rowColumns(matrix, u);
    const start = matrix.indptr[u]!;
    cols.forEach((i, j) => lines.push(`${u},${i},${matrix.data[start + j]}`));
  }
  writeFileSync(path.join(dir, 'ratings.csv'), lines.join('\n'));
  const [spark] = (await runSpark({
    master: `local[${cores}]`,
    driverMemory: '6g',
    jobs: [
      [
        'als-bench',
        ...['--ratings', path.join(dir, 'ratings.csv'), '--out', dir],
        ...['--factors', `${FACTORS}`, '--iterations', `${ITERATIONS}`],
        ...['--regularization', `${REGULARIZATION}`, '--alpha', `${ALPHA}`],
        ...['--users', `${shape.users}`, '--items', `${shape.items}`],
      ],
    ],
  })) as [{ oneIterationFitMs: number; fitMs: number }];
  const factors = (file: string) => {
    const bytes = readFileSync(path.join(dir, file));
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  };
  const sparkModel = { factors: FACTORS, userFactors: factors('users.f32'), itemFactors: factors('items.f32') };
  const sparkSeconds = (spark.fitMs - spark.oneIterationFitMs) / (ITERATIONS - 1) / 1000;

  const rows = {
    ...ourRows,
    'Spark MLlib': {
      's/iteration': sparkSeconds.toFixed(2),
      'fit s (all iterations)': (spark.fitMs / 1000).toFixed(1),
      'nDCG@10': ndcgAt10(alsRanker(sparkModel, matrix)).toFixed(4),
    },
    popularity,
  };
  console.log(
    `${shapeLine}; Spark s/iteration = (fit of ${ITERATIONS} − fit of 1) / ${ITERATIONS - 1}, ours the median after the first`,
  );
  console.table(rows);
  for (const [name, run] of Object.entries(trained))
    console.log(`Spark / ${name} per iteration: ${(sparkSeconds / run.seconds).toFixed(1)}×`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
