import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * The slowest test files, slowest first (wall-clock time of each file in a run of the whole suite,
 * docs/performance.md). Vitest starts the files it has timed before longest first, but a fresh clone
 * (CI) has no timings: it starts the largest files first, and a short file that runs long (the
 * package test, the halves of the differential test) could start last and run alone at the end.
 */
const SLOWEST_FIRST = [
  'test/package.test.ts',
  'test/engines-differential-2.test.ts',
  'test/properties.test.ts',
  'test/engines-differential-1.test.ts',
  'test/playground.e2e.test.ts',
  'test/docs.test.ts',
  'test/analysis-properties.test.ts',
  'test/concurrency.test.ts',
  'test/rule-set-properties.test.ts',
  'test/pathological-rule-sets.test.ts',
];

/** @internal Vitest's order, with the files of `SLOWEST_FIRST` moved to the front in that order. */
class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = SLOWEST_FIRST.indexOf(relative(this.ctx.config.root, file.moduleId).replaceAll('\\', '/'));
      return index === -1 ? SLOWEST_FIRST.length : index;
    };
    // Array#sort is stable: the other files keep vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

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
    sequence: { sequencer: SlowestFirstSequencer },
  },
});
