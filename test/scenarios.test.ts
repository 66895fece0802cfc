import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createEvaluator } from '../src/index.js';
import { runFixtures } from '../src/fixtures/run.js';

const fixtureDir = new URL('./fixtures/', import.meta.url);
const files = readdirSync(fixtureDir).filter((name) => name.endsWith('.fixtures.json'));

describe.each(['json-rules-engine', 'compiled'] as const)('scenario fixtures (%s engine)', (engine) => {
  const evaluator = createEvaluator({ engine });
  describe.each(files)('%s', (file) => {
    const fixtures = JSON.parse(readFileSync(new URL(file, fixtureDir), 'utf8')) as Array<{ name: string }>;
    test.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
      const report = await runFixtures(evaluator, [fixture]);
      const result = report.results[0]!;
      expect(result.diff, result.diff).toBe('');
      expect(result.passed).toBe(true);
    });
  });
});
