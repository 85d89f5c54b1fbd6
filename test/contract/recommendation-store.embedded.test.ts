// Runs the recommendations store contract against SQLite in a temporary folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteRecommendationStore } from '../../serving/recommendations/store/sqlite-recommendation-store.ts';
import { recommendationStoreContract } from './recommendation-store.contract.ts';

recommendationStoreContract('sqlite', () => ({
  async open() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-recs-'));
    const store = new SqliteRecommendationStore(path.join(dir, 'recommendations.db'));
    await store.start();
    return store;
  },
}));
