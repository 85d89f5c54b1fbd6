// `emporium batch train-recs` and `evaluate-recs`: ALS over shoppers' signals, with a bar per iteration showing the loss.
import { Command, InvalidArgumentError, Option } from 'commander';
import type { SourceName } from '../app/recommendations-source.ts';
import type { IterationReport } from '../batch/recommendations/als.ts';
import { DEFAULT_HALF_LIFE_DAYS } from '../batch/recommendations/signals.ts';
import type { TrainRecsOptions } from '../batch/recommendations/train-recs.ts';
import { loadConfig } from '../platform/config.ts';
import { progressBar } from '../platform/progress.ts';
import { wholeNumber } from './whole-number.ts';

const positive = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`${name} must be a number of at least 0`);
  return n;
};
const since = (value: string) => {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new InvalidArgumentError('must be a date or time, e.g. 2026-11-01');
  return t;
};

interface Flags {
  factors: number;
  iterations: number;
  regularization: number;
  alpha: number;
  since?: number;
  seed: number;
  halfLifeDays: number;
  threads?: number;
  from?: SourceName;
  json?: boolean;
}

/** The options both commands share. */
function withTrainingOptions(command: Command): Command {
  return command
    .option('--factors <n>', 'latent factors per shopper and item (a multiple of 4)', wholeNumber(4, 1024), 64)
    .option('--iterations <n>', 'ALS iterations', wholeNumber(1, 1000), 15)
    .option('--regularization <lambda>', 'L2 regularisation', positive('regularization'), 0.01)
    .option('--alpha <alpha>', 'confidence per unit of signal weight (c = 1 + alpha · weight)', positive('alpha'), 10)
    .option('--since <date>', 'only signals at or after this date', since)
    .option('--seed <n>', 'seed of the initial factors (same seed, same model)', wholeNumber(0, 2 ** 31), 42)
    .option(
      '--half-life-days <days>',
      'a signal weighs half as much this many days before the newest one (0: no decay)',
      positive('half-life-days'),
      DEFAULT_HALF_LIFE_DAYS,
    )
    .option('--threads <n>', 'worker threads (default: the cores, up to 8)', wholeNumber(1, 64))
    .addOption(
      new Option(
        '--from <source>',
        'where the signals are read: the lake (data/lake/, EMPORIUM_LAKE_DIR) or the embedded event log (default: the lake with EMPORIUM_KAFKA_BROKERS set, else the log)',
      ).choices(['lake', 'log']),
    )
    .option('--json', 'print the summary as JSON');
}

function trainingOptions(flags: Flags): TrainRecsOptions {
  return {
    als: {
      factors: flags.factors,
      iterations: flags.iterations,
      regularization: flags.regularization,
      alpha: flags.alpha,
      seed: flags.seed,
      ...(flags.threads ? { threads: flags.threads } : {}),
    },
    since: flags.since ?? null,
    halfLifeDays: flags.halfLifeDays > 0 ? flags.halfLifeDays : null,
  };
}

/** One bar step per iteration, its note the iteration's loss and time. */
function iterationBar(iterations: number) {
  const bar = progressBar('training ALS', iterations);
  return {
    onIteration: (r: IterationReport) => bar.increment(1, `loss ${r.loss.toFixed(5)} (${(r.ms / 1000).toFixed(2)} s)`),
    stop: () => bar.stop(),
  };
}

export function trainRecsCommand() {
  return withTrainingOptions(
    new Command('train-recs').description(
      'train recommendations (implicit ALS) on shoppers’ orders, cart and wishlist adds, views and searches, and switch the shop to the new model version',
    ),
  ).action(async (flags: Flags) => {
    // Loaded when run, so that every other command starts without the training code.
    const { runTrainRecs } = await import('../batch/recommendations/run-recs.ts');
    const { interactionSource } = await import('../app/recommendations-source.ts');
    const config = loadConfig();
    const { name, source } = interactionSource(config, flags.from);
    const bar = iterationBar(flags.iterations);
    const summary = await runTrainRecs(config, source, trainingOptions(flags), bar.onIteration).finally(() =>
      bar.stop(),
    );
    if (flags.json) return void process.stdout.write(JSON.stringify({ ...summary, from: name }) + '\n');
    const from = name === 'lake' ? `the lake (${config.lakeDir})` : 'the event log';
    process.stdout.write(
      summary.version === null
        ? `no signals in ${from} yet: no model written\n`
        : `model ${summary.version}: ${summary.shoppers.toLocaleString('en-US')} shoppers × ${summary.items.toLocaleString('en-US')} items, ${summary.interactions.toLocaleString('en-US')} interactions from ${summary.signals.toLocaleString('en-US')} signals in ${from}; loss ${summary.loss?.toFixed(5) ?? 'n/a'}; lists for ${summary.published?.shoppers.toLocaleString('en-US') ?? 0} shoppers and ${summary.published?.items.toLocaleString('en-US') ?? 0} items now served; ${(summary.ms / 1000).toFixed(1)} s; in ${summary.dir}\n`,
    );
  });
}

export function evaluateRecsCommand() {
  return withTrainingOptions(
    new Command('evaluate-recs').description(
      'hold out the latest signals, train on the rest and compare ALS with popularity (precision, recall, nDCG, MAP, coverage at k = 1..20), overall and per category; writes a JSON report and an SVG plot',
    ),
  )
    .option('--test-share <share>', 'share of the signals held out, the latest by time', positive('test-share'), 0.2)
    .option('--out <dir>', 'where evaluation.json and evaluation.svg go (default: data/recommendations/evaluation)')
    .action(async (flags: Flags & { testShare: number; out?: string }) => {
      const { runEvaluateRecs } = await import('../batch/recommendations/run-recs.ts');
      const { interactionSource } = await import('../app/recommendations-source.ts');
      const config = loadConfig();
      const bar = iterationBar(flags.iterations);
      const { report, json, svg } = await runEvaluateRecs(
        config,
        interactionSource(config, flags.from).source,
        { ...trainingOptions(flags), testShare: flags.testShare, out: flags.out },
        bar.onIteration,
      ).finally(() => bar.stop());
      const at10 = (r: 'als' | 'popularity', m: 'precision' | 'recall' | 'ndcg' | 'map' | 'coverage') =>
        report.overall[r][m][9]?.toFixed(4) ?? 'n/a';
      if (flags.json) return void process.stdout.write(JSON.stringify({ json, svg, overall: report.overall }) + '\n');
      const lines = [
        `held out ${report.heldOutShoppers.toLocaleString('en-US')} shoppers' signals after ${report.cutoff}; at k = 10:`,
        ...(['precision', 'recall', 'ndcg', 'map', 'coverage'] as const).map(
          (m) => `  ${m.padEnd(10)} ALS ${at10('als', m)}  popularity ${at10('popularity', m)}`,
        ),
        `report ${json}, plot ${svg}`,
        '',
      ];
      process.stdout.write(lines.join('\n'));
    });
}
