// Picks the recommendations store: Cassandra when configured, a SQLite file in the data folder otherwise.
import path from 'node:path';
import type { Config } from '../../../platform/config.ts';
import { CassandraRecommendationStore } from './cassandra-recommendation-store.ts';
import type { RecommendationStore } from './recommendation-store.ts';
import { SqliteRecommendationStore } from './sqlite-recommendation-store.ts';

export const createRecommendationStore = (config: Config): RecommendationStore =>
  config.cassandra.kind === 'real'
    ? new CassandraRecommendationStore(config.cassandra)
    : new SqliteRecommendationStore(path.join(config.dataDir, 'recommendations.db'));
