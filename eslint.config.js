// Type-aware lint: promises must be awaited or handled, so no async failure goes unseen; layers point one way.
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

// The layers, top first (docs/architecture.md, Layers). Each may import only the layers listed for it, so no
// two folders can import each other: serving never imports stream/ingest/batch/app/cli, the three processes
// above it reach serving's ports and pure modules but not each other, platform knows only schemas.
const LAYERS = ['cli', 'app', 'serving', 'ingest', 'stream', 'batch', 'platform', 'schemas'];
const MAY_IMPORT = {
  cli: ['app', 'serving', 'ingest', 'stream', 'batch', 'platform', 'schemas'],
  app: ['serving', 'ingest', 'stream', 'batch', 'platform', 'schemas'],
  ingest: ['serving', 'platform', 'schemas'],
  stream: ['serving', 'platform', 'schemas'],
  batch: ['serving', 'platform', 'schemas'],
  serving: ['platform', 'schemas'],
  platform: ['schemas'],
  schemas: [],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'infra/local/cache/', '**/*.js', '**/*.mjs', '**/assembly/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Tests and benchmarks may import anything: they build shops and poke at every layer.
    files: LAYERS.map((layer) => `${layer}/**/*.{ts,tsx}`),
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': LAYERS.map((layer) => ({ type: layer, pattern: `${layer}/**`, partialMatch: false })),
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            ...LAYERS.map((layer) => ({
              from: { element: { type: layer } },
              allow: { to: { element: { types: { anyOf: [layer, ...MAY_IMPORT[layer]] } } } },
            })),
            // Packages and Node's own modules are not layers.
            { allow: { to: { module: { origin: 'external' } } } },
            { allow: { to: { module: { origin: 'core' } } } },
          ],
        },
      ],
    },
  },
);
