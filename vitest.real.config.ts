// Contract and end-to-end suites against the real servers that `npm run infra:up` starts. They never skip:
// a server URL missing from the environment, or a server that does not answer, fails its suite.
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/** The clean-run check looks at what every other suite left behind, so it runs after them. */
class CleanRunLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const last = (f: TestSpecification) => f.moduleId.endsWith('clean-run.real.test.ts');
    return [...sorted.filter((f) => !last(f)), ...sorted.filter(last)];
  }
}

export default defineConfig({
  test: {
    include: ['**/*.real.test.ts'],
    exclude: ['node_modules/**', 'data/**'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    globalSetup: ['test/support/real-global-setup.ts'],
    sequence: { sequencer: CleanRunLast },
  },
});
