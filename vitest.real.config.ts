// Contract and end-to-end suites against the real servers that `npm run infra:up` starts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.real.test.ts'],
    exclude: ['node_modules/**', 'data/**'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    env: { ADAPTERS: 'real' },
  },
});
