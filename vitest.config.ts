import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  define: { __RNR_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, which ran
    // the whole suite in series (164 s here). The main process mostly waits, so use every core,
    // and at least two (the two halves of the differential test are meant to run side by side).
    maxWorkers: Math.max(2, availableParallelism()),
    isolate: false,
  },
});
