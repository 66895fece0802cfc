/**
 * The differential property: json-rules-engine (the reference) and the compiled engine give the
 * same evaluation — outcomes, actions, trace statuses and everything else, byte for byte — on
 * generated cases. Shared by the test files that run it (in parallel, one per worker).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { createEvaluator, type CaseEvaluation } from '../../src/index.js';
import { caseAndDateArb } from '../arbitraries.js';

const reference = createEvaluator({ engine: 'json-rules-engine' });
const compiled = createEvaluator({ engine: 'compiled' });

/** What to show when the engines disagree: the first parts that differ. */
function firstDifference(expected: CaseEvaluation, actual: CaseEvaluation): string {
  const parts: Array<[string, (evaluation: CaseEvaluation) => unknown]> = [
    ['outcomes', (evaluation) => evaluation.notices.map((notice) => [notice.noticeId, notice.outcome])],
    ['actions', (evaluation) => evaluation.actions.map((action) => [action.noticeId, action.code, action.priority])],
    ['trace statuses', (evaluation) => evaluation.trace.map((entry) => [entry.ruleId, entry.noticeId, entry.status])],
    ['trace', (evaluation) => evaluation.trace],
    ['everything', (evaluation) => evaluation],
  ];
  for (const [name, part] of parts) {
    const [left, right] = [JSON.stringify(part(expected)), JSON.stringify(part(actual))];
    if (left !== right) return `${name} differ:\n  json-rules-engine: ${left.slice(0, 2000)}\n  compiled:          ${right.slice(0, 2000)}`;
  }
  return '';
}

/**
 * Runs the differential property on `runs` generated cases; returns how many were compared.
 */
export async function checkEnginesAgree(runs: number): Promise<number> {
  let compared = 0;
  await fc.assert(
    fc.asyncProperty(caseAndDateArb, async ([value, asOf]) => {
      const expected = await reference.evaluate(value, { asOf });
      const actual = compiled.evaluateSync(value, { asOf });
      if (JSON.stringify(actual) !== JSON.stringify(expected)) expect.fail(firstDifference(expected, actual));
      compared++;
    }),
    { numRuns: runs },
  );
  return compared;
}
