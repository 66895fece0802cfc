import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '.types/**', 'bench/.out/**', 'coverage/**', 'docs/api/**', 'node_modules/**', 'playground/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process'], message: 'The core must run in a browser: no Node built-ins in src/ (the CLI excepted).' }] },
      ],
    },
  },
  {
    files: ['test/**', 'scripts/**', 'bench/**', 'examples/**', '*.config.ts', 'src/cli/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['playground/**/*.js'],
    languageOptions: { globals: { document: 'readonly', navigator: 'readonly', localStorage: 'readonly', structuredClone: 'readonly', Blob: 'readonly', setTimeout: 'readonly', Intl: 'readonly' } },
  },
);
