// ESLint flat config. ESLint + typescript-eslint rather than Biome because the layering of
// src/ is enforced here with per-folder `no-restricted-imports` (see docs/ARCHITECTURE.md), a
// rule Biome can express only without per-folder overrides of import *patterns*; and because
// it is what the anchors we follow (docker/login-action) use, so contributors know it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const io = ['node:fs', 'node:fs/promises', 'node:http', 'node:https', 'node:net', 'node:child_process'];
const ciSdks = ['@actions/*', 'execa', '@oclif/*', 'undici'];

/** Builds a no-restricted-imports rule from module names and src/ layers a folder may not use. */
function forbid({ modules = [], layers = [], why }) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: modules.filter((m) => !m.includes('*')).map((name) => ({ name, message: why })),
        patterns: [
          ...modules.filter((m) => m.includes('*')).map((group) => ({ group: [group], message: why })),
          ...layers.map((layer) => ({ group: [`**/${layer}/*`, `**/${layer}/**`], message: why })),
        ],
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  // Layering: imports go one way only (reference -> oci -> sources/client/registry -> ci/cli/render).
  {
    files: ['src/reference/**/*.ts'],
    rules: forbid({
      modules: [...io, ...ciSdks, 'node:stream', 'node:crypto'],
      layers: ['oci', 'sources', 'client', 'registry', 'ci', 'cli', 'render', 'exec'],
      why: 'src/reference is pure: no I/O, no other layer of src/.',
    }),
  },
  {
    files: ['src/oci/**/*.ts'],
    rules: forbid({
      modules: [...io, ...ciSdks],
      layers: ['sources', 'client', 'registry', 'ci', 'cli', 'render', 'exec'],
      why: 'src/oci holds formats and digests: no I/O and no higher layer.',
    }),
  },
  {
    files: ['src/render/**/*.ts'],
    rules: forbid({
      modules: [...io, ...ciSdks],
      layers: ['sources', 'client', 'registry', 'ci', 'cli', 'exec'],
      why: 'src/render turns values into text: no I/O.',
    }),
  },
  {
    files: ['src/sources/**/*.ts', 'src/client/**/*.ts', 'src/registry/**/*.ts'],
    rules: forbid({
      modules: ['@actions/*', '@oclif/*', 'node:child_process', 'execa'],
      layers: ['ci', 'cli'],
      why: 'core code knows no CI system and spawns processes only through src/exec.',
    }),
  },
  {
    files: ['src/docker-config/**/*.ts'],
    rules: forbid({
      modules: ['@actions/*', '@oclif/*', 'node:child_process', 'execa', 'undici'],
      layers: ['ci', 'cli', 'client', 'registry', 'sources', 'publish'],
      why: 'src/docker-config only shapes a docker config directory: files, no network, no CI.',
    }),
  },
  {
    files: ['src/publish/**/*.ts'],
    rules: forbid({
      modules: ['@actions/*', '@oclif/*', 'node:child_process', 'execa'],
      layers: ['ci', 'cli'],
      why: 'src/publish is the CI-neutral main job: adapters call it, it never calls them.',
    }),
  },
  {
    files: ['src/exec/**/*.ts'],
    rules: forbid({
      modules: ['@actions/*', '@oclif/*'],
      layers: ['ci', 'cli', 'registry', 'client', 'sources'],
      why: 'src/exec is the one child-process seam; it depends on nothing above it.',
    }),
  },
  {
    files: ['src/ci/buildkite/**/*.ts'],
    rules: forbid({
      modules: ['@actions/*', '@oclif/*', 'node:child_process'],
      layers: ['cli', 'github'],
      why: 'the Buildkite adapter translates; it uses no other adapter.',
    }),
  },
  {
    files: ['src/ci/github/**/*.ts'],
    rules: forbid({
      modules: ['@oclif/*', 'node:child_process', 'execa'],
      layers: ['cli', 'buildkite'],
      why: 'the GitHub adapter translates; it uses no other adapter.',
    }),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: forbid({
      modules: ['@actions/*', 'node:child_process'],
      layers: ['github'],
      why: 'the CLI exposes the core; it never calls the GitHub Actions SDK.',
    }),
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.{js,mjs,ts}', 'bench/**/*.{ts,mjs}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
