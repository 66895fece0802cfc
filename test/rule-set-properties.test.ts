import fc from 'fast-check';
import { expect, test } from 'vitest';
import { checkRuleSets, createEvaluator } from '../src/index.js';
import { caseAndDateArb, ruleSetArb } from './arbitraries.js';

test('any rule set the checker accepts loads, and evaluates generated cases without throwing', async () => {
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(ruleSetArb, fc.array(caseAndDateArb, { minLength: 1, maxLength: 4 }), async (ruleSet, cases) => {
      const checked = checkRuleSets([ruleSet]);
      if (!checked.success) {
        expect(checked.issues.some((issue) => issue.severity === 'error')).toBe(true);
        return;
      }
      accepted++;
      for (const engine of ['compiled', 'json-rules-engine'] as const) {
        const evaluator = createEvaluator({ ruleSets: [ruleSet], engine });
        for (const [value, asOf] of cases) {
          const evaluation = await evaluator.evaluate(value, { asOf });
          expect(evaluation.notices.length).toBeGreaterThan(0);
        }
      }
    }),
    { numRuns: 150 },
  );
  // The generator must produce accepted rule sets, or the property says nothing.
  expect(accepted).toBeGreaterThan(20);
}, 120_000);
