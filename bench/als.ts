// ALS training speed: seconds per iteration at 64 factors on synthetic matrices of MovieLens-20M's shape
// (138,493 shoppers × 26,744 items × 10M interactions, Zipf-skewed items) and at 1M interactions, with
// the WebAssembly SIMD and the TypeScript kernels side by side, CPU time and peak memory.
// Run: npm run bench bench/als.ts   (SHAPES=1m to skip the 10M run; ITERATIONS=4; THREADS=2)
import { availableParallelism, loadavg } from 'node:os';
import { trainAls, type IterationReport } from '../batch/recommendations/als.ts';
import { csrFromTriples } from '../batch/recommendations/csr.ts';
import { synthetic } from '../batch/recommendations/synthetic.ts';
import { megabytes, trackPeakMemory } from './stats.ts';

const ITERATIONS = Number(process.env.ITERATIONS ?? 4);
const THREADS = Number(process.env.THREADS ?? availableParallelism());
const SHAPES = (process.env.SHAPES ?? '1m,20m').split(',');

const shapes = {
  '1m': { users: 13_849, items: 26_744, interactions: 1_000_000 },
  '20m': { users: 138_493, items: 26_744, interactions: 10_000_000 },
};
const runs: { shape: keyof typeof shapes; kernel: 'wasm' | 'js'; threads: number }[] = [
  { shape: '1m', kernel: 'wasm', threads: THREADS },
  { shape: '1m', kernel: 'js', threads: THREADS },
  { shape: '1m', kernel: 'wasm', threads: 1 },
  { shape: '20m', kernel: 'wasm', threads: THREADS },
];

console.log(
  `ALS bench: 64 factors, 3 CG steps, ${ITERATIONS} iterations per run (the first warms up and is left out), ${availableParallelism()} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at start`,
);
const rows: Record<string, Record<string, string>> = {};
for (const shape of SHAPES as (keyof typeof shapes)[]) {
  const s = shapes[shape];
  const memory = trackPeakMemory();
  const made = performance.now();
  const data = synthetic({ ...s, clusters: 20, taste: 0.5, zipf: 1, seed: 1 });
  const matrix = csrFromTriples(s.users, s.items, data.user, data.item, data.weight);
  const buildMs = performance.now() - made;
  for (const run of runs.filter((r) => r.shape === shape)) {
    const reports: IterationReport[] = [];
    await trainAls(
      matrix,
      { factors: 64, iterations: ITERATIONS, kernel: run.kernel, threads: run.threads, computeLoss: false },
      (r) => reports.push(r),
    );
    const steady = reports.slice(1);
    const median = (f: (r: IterationReport) => number) => {
      const v = steady.map(f).sort((a, b) => a - b);
      return v[Math.floor(v.length / 2)]! / 1000;
    };
    rows[`${shape} ${run.kernel} ×${run.threads}`] = {
      shoppers: s.users.toLocaleString('en-US'),
      interactions: matrix.indptr[matrix.rows]!.toLocaleString('en-US'),
      's/iteration': median((r) => r.ms).toFixed(2),
      'CPU s/iteration': median((r) => r.cpuMs).toFixed(2),
      'users s': median((r) => r.phases.users).toFixed(2),
      'items s': median((r) => r.phases.items).toFixed(2),
      'gram s': median((r) => r.phases.gram).toFixed(2),
      'peak RSS': megabytes(memory.stop()),
      'data build s': (buildMs / 1000).toFixed(1),
    };
  }
}
console.table(rows);
