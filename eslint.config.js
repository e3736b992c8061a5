// ESLint flat config. ESLint + typescript-eslint rather than Biome because the layering of
// src/ is enforced here with a local rule over a per-folder allow-list (eslint/layering.js, see
// docs/ARCHITECTURE.md), which Biome's plugins cannot express; and because
// it is what the anchors we follow (docker/login-action) use, so contributors know it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layeringPlugin } from './eslint/layering.js';

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
  // Layering: an allow-list per folder of src/ (eslint/layering.js, docs/ARCHITECTURE.md).
  {
    files: ['src/**/*.ts'],
    plugins: { layering: layeringPlugin },
    rules: { 'layering/allowed-imports': 'error' },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.{js,mjs,ts}', 'bench/**/*.{ts,mjs}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
