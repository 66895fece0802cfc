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
      // Nor Node's globals (the declaration build, which compiles src/ without Node's types, no
      // longer type-checks: `npm run typecheck` does, with them).
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate'].map((name) => ({
          name,
          message: 'The core must run in a browser: no Node globals in src/ (the CLI excepted).',
        })),
      ],
    },
  },
  {
    files: ['test/**', 'scripts/**', 'bench/**', 'examples/**', '*.config.ts', 'src/cli/**'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
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
