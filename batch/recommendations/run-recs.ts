// Runs training and evaluation outside the shop against its data folder: reads every signal once from
// the source it is handed (the composition root picks the event log or the lake), then trains.
import path from 'node:path';
import { createRecommendationStore } from '../../serving/recommendations/store/create-recommendation-store.ts';
import type { Config } from '../../platform/config.ts';
import type { IterationReport } from './als.ts';
import { writeEvaluation } from './evaluation-plot.ts';
import { evaluateRecommendations, type EvaluationReport } from './evaluate.ts';
import { indexSignals } from './indexed.ts';
import type { InteractionSource } from './interaction-source.ts';
import { signalsFromEvents } from './signals.ts';
import { modelDir, trainRecommendations, type TrainRecsOptions, type TrainRecsSummary } from './train-recs.ts';

export async function runTrainRecs(
  config: Config,
  source: InteractionSource,
  options: TrainRecsOptions,
  onIteration: (report: IterationReport) => void,
): Promise<TrainRecsSummary & { dir: string }> {
  // Read before the store opens: the source's own connections are closed again while ALS runs.
  const events = await source.readSignalEvents(options.since ?? null);
  const dir = modelDir(config.dataDir);
  // The shop reads the lists from the store; the model file stays for evaluation and similar tools.
  const store = createRecommendationStore(config);
  await store.start();
  try {
    const lists = { store, ...options.lists };
    const read: InteractionSource = { readSignalEvents: () => Promise.resolve(events) };
    return { ...(await trainRecommendations(read, dir, { ...options, lists }, onIteration)), dir };
  } finally {
    await store.close();
  }
}

export async function runEvaluateRecs(
  config: Config,
  source: InteractionSource,
  options: TrainRecsOptions & { testShare?: number; maxK?: number; out?: string },
  onIteration: (report: IterationReport) => void,
): Promise<{ report: EvaluationReport; json: string; svg: string }> {
  const events = await source.readSignalEvents(options.since ?? null);
  const indexed = indexSignals(signalsFromEvents(events, options.weights));
  if (indexed.interactions.user.length === 0) throw new Error('there are no signals to evaluate on yet');
  const report = await evaluateRecommendations(
    indexed,
    { als: options.als, testShare: options.testShare, maxK: options.maxK, halfLifeDays: options.halfLifeDays },
    onIteration,
  );
  const files = await writeEvaluation(report, options.out ?? path.join(modelDir(config.dataDir), 'evaluation'));
  return { report, ...files };
}
