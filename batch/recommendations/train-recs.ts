// The training job: signals from a source → weighted, time-decayed interactions → ALS → a new model version.
import path from 'node:path';
import { trainAls, type AlsOptions, type IterationReport } from './als.ts';
import { indexSignals } from './indexed.ts';
import type { InteractionSource } from './interaction-source.ts';
import { interactionMatrix } from './interactions.ts';
import type { RecommendationStore } from '../../serving/recommendations/store/recommendation-store.ts';
import { writeModel, type RecsModel } from './model-files.ts';
import { publishLists, type ListSizes } from './publish-lists.ts';
import { DEFAULT_HALF_LIFE_DAYS, DEFAULT_SIGNAL_WEIGHTS, signalsFromEvents, type SignalWeights } from './signals.ts';

/** Where model versions live inside the shop's data folder. */
export const modelDir = (dataDir: string) => path.join(dataDir, 'recommendations');

export interface TrainRecsOptions {
  als?: Partial<AlsOptions>;
  /** Only signals at or after this time (ms since the epoch). */
  since?: number | null;
  /** A signal's weight halves every this many days before the newest signal; null: no decay. */
  halfLifeDays?: number | null;
  weights?: SignalWeights;
  /** Where the new version's lists go (and are switched to); none: the model file only. */
  lists?: { store: RecommendationStore; sizes?: ListSizes };
}

export interface TrainRecsSummary {
  version: string | null;
  events: number;
  signals: number;
  shoppers: number;
  items: number;
  interactions: number;
  loss: number | null;
  /** What was written to the recommendations store, null when none was given or nothing was trained. */
  published: { shoppers: number; items: number } | null;
  ms: number;
}

/** Trains on every signal the source has and writes the model as the current version (none if no signals). */
export async function trainRecommendations(
  source: InteractionSource,
  dir: string,
  options: TrainRecsOptions = {},
  onIteration: (report: IterationReport) => void = () => {},
  clock: () => number = Date.now,
): Promise<TrainRecsSummary> {
  const started = clock();
  const events = await source.readSignalEvents(options.since ?? null);
  const signals = signalsFromEvents(events, options.weights ?? DEFAULT_SIGNAL_WEIGHTS);
  const indexed = indexSignals(signals);
  const { interactions } = indexed;
  const summary = {
    events: events.length,
    signals: signals.length,
    shoppers: interactions.users,
    items: interactions.items,
  };
  if (signals.length === 0)
    return { ...summary, version: null, interactions: 0, loss: null, published: null, ms: clock() - started };
  const newest = interactions.time.reduce((a, b) => Math.max(a, b), -Infinity);
  const halfLifeDays = options.halfLifeDays === undefined ? DEFAULT_HALF_LIFE_DAYS : options.halfLifeDays;
  const seen = interactionMatrix(interactions, newest, halfLifeDays === null ? Infinity : halfLifeDays * 86_400_000);
  const model = await trainAls(seen, options.als, onIteration);
  const loss = model.losses.at(-1) ?? NaN;
  const stored: RecsModel = {
    factors: model.factors,
    userIds: indexed.userIds,
    itemIds: indexed.itemIds,
    categories: indexed.categories,
    itemCategory: indexed.itemCategory,
    userFactors: model.userFactors,
    itemFactors: model.itemFactors,
    seen,
    training: {
      als: options.als ?? {},
      halfLifeDays,
      since: options.since ?? null,
      ...summary,
      losses: model.losses,
    },
  };
  const version = await writeModel(dir, stored, clock());
  const published = options.lists
    ? await publishLists(options.lists.store, { ...stored, version }, options.lists.sizes)
    : null;
  return {
    ...summary,
    version,
    interactions: seen.indptr[seen.rows]!,
    loss: Number.isNaN(loss) ? null : loss,
    published,
    ms: clock() - started,
  };
}
