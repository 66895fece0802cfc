import fc from 'fast-check';
import { expect, test } from 'vitest';
import { createEvaluator } from '../src/index.js';
import { caseAndDateArb } from './arbitraries.js';

// json-rules-engine drops results when one Engine serves concurrent runs; the evaluator must not.
test('200 concurrent evaluations on one evaluator give the same results as one by one', async () => {
  const inputs = fc.sample(caseAndDateArb, { numRuns: 200, seed: 2017 });
  const sequentialEvaluator = createEvaluator({ engine: 'json-rules-engine' });
  const sequential: string[] = [];
  for (const [value, asOf] of inputs) sequential.push(JSON.stringify(await sequentialEvaluator.evaluate(value, { asOf })));

  const shared = createEvaluator({ engine: 'json-rules-engine' });
  // Staggered starts (0–119 microtask turns apart), so that some runs start or finish while
  // others are between json-rules-engine's priority sets.
  const concurrent = await Promise.all(
    inputs.map(async ([value, asOf], index) => {
      for (let turn = 0; turn < (index * 7) % 120; turn++) await Promise.resolve();
      return JSON.stringify(await shared.evaluate(value, { asOf }));
    }),
  );
  expect(concurrent).toHaveLength(200);
  expect(concurrent).toEqual(sequential);
  // Every result is complete: one trace entry per rule and subject.
  for (const text of concurrent) expect(JSON.parse(text).trace.length).toBeGreaterThan(0);
});
