// The recommendations library's public surface: train, load, score and evaluate.
export { trainAls, DEFAULT_ALS, type AlsOptions, type AlsFactors, type IterationReport } from './als.ts';
export { csrFromTriples, transpose, rowColumns, type Csr } from './csr.ts';
export { interactionMatrix, type Interactions } from './interactions.ts';
export { indexSignals, type IndexedInteractions } from './indexed.ts';
export {
  signalsFromEvents,
  DEFAULT_SIGNAL_WEIGHTS,
  DEFAULT_HALF_LIFE_DAYS,
  SIGNAL_TOPICS,
  SIGNAL_TYPES,
  type Signal,
  type SignalEvent,
  type SignalWeights,
} from './signals.ts';
export type { InteractionSource } from './interaction-source.ts';
export { EventLogSource, embeddedEventLogSource } from './event-log-source.ts';
export { writeModel, readCurrentModel, readModelFile, type RecsModel, type StoredModel } from './model-files.ts';
export {
  alsRanker,
  popularityRanker,
  shopperLists,
  similarItems,
  scoreItems,
  type Factors,
  type Ranker,
  type ShopperLists,
} from './recommend.ts';
export { topN, type Scored } from './top-n.ts';
export { timeSplit, type Split } from './split.ts';
export { metricsByK, type MetricsByK, type Judged } from './metrics.ts';
export { evaluateRecommendations, judge, type EvaluationReport, type Comparison } from './evaluate.ts';
export { evaluationSvg, writeEvaluation } from './evaluation-plot.ts';
export { trainRecommendations, modelDir, type TrainRecsOptions, type TrainRecsSummary } from './train-recs.ts';
