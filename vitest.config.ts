// Unit tests beside code and cross-module suites in test/, all on embedded adapters.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'data/**', '**/*.real.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
