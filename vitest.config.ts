// Unit tests beside code and cross-module suites in test/, all on embedded adapters (the browser suites
// in test/web/ run with `npm run test:web`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'data/**', '**/*.real.test.ts', 'test/web/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
