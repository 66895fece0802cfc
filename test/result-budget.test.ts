import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createEvaluator, evaluateCaseSync, RESULT_LIMITS, type CaseEvaluation } from '../src/index.js';
import { ResultBudget } from '../src/evaluation/result-budget.js';
import { caseAndDateArb } from './arbitraries.js';

/** Issue 10, fault 4: unbounded output. A documented budget on the size of a result, with a clear error. */

/** What the assembly charges for an evaluation, replayed on the finished result. */
function estimateOf(evaluation: CaseEvaluation): number {
  const budget = new ResultBudget(Number.POSITIVE_INFINITY);
  for (const action of evaluation.actions) budget.chargeAction(action);
  budget.chargeContext(evaluation.citations, evaluation.misusePatterns, evaluation.protection);
  for (const notice of evaluation.notices) budget.charge(600 + 2 * notice.noticeId.length + 40 * notice.missingFacts.length);
  for (const entry of evaluation.trace) {
    budget.chargeTraceEntry(entry.ruleId, entry.ruleSet, entry.title, entry.noticeId);
    for (const condition of entry.conditions) budget.chargeCondition(condition);
  }
  return budget.estimate;
}

const notice = (index: number) => ({ id: `rn-${index}`, kind: index % 2 === 0 ? 'red_notice' : 'diffusion', requestingCountry: ['TJ', 'RU', 'TR', 'CN'][index % 4]!, offences: [{ category: 'fraud' }] });
const largestCase = {
  schemaVersion: 1,
  notices: Array.from({ length: 200 }, (_, index) => notice(index)),
  asylum: [{ type: 'refugee_status_granted', date: '2020-01-01', country: 'DE', persecutionFearedFrom: ['TJ', 'RU'] }],
};

describe('the size of a result', () => {
  test('the estimate, made from counts and lengths without serialising, is within 25 % of the JSON', () => {
    fc.assert(
      fc.property(caseAndDateArb, ([value, asOf]) => {
        const evaluation = evaluateCaseSync(value, { asOf });
        const ratio = estimateOf(evaluation) / JSON.stringify(evaluation).length;
        expect(ratio).toBeGreaterThan(0.75);
        expect(ratio).toBeLessThan(1.25);
      }),
      { numRuns: 40 },
    );
  });

  test('the bundled rule sets on the largest case the model admits stay far within the budget', () => {
    const evaluation = evaluateCaseSync(largestCase, { asOf: '2026-01-01' });
    expect(evaluation.notices).toHaveLength(200);
    // About 10 million characters with the full trace of every bundled rule for 200 notices: a quarter of the budget at most.
    expect(JSON.stringify(evaluation).length).toBeLessThan(RESULT_LIMITS.jsonCharacters / 4);
  });

  test('rule sets that would give hundreds of megabytes: result_too_large, at once, and the lighter traces still work', () => {
    // 400 rules, each comparing every notice's country with a list of every country (300 values).
    const countries = ['TJ', 'RU', 'TR', 'CN', 'BY', 'IR', 'AZ', 'EG', 'SA', 'VE'];
    const list = Array.from({ length: 300 }, (_, index) => countries[index % countries.length]!);
    const ruleSet = {
      id: 'heavy',
      version: '1.0.0',
      title: 'Heavy',
      rules: Array.from({ length: 400 }, (_, index) => ({
        id: `heavy.rule-${index}`,
        title: `Rule ${index} with a long title ${'x'.repeat(200)}`,
        citations: ['const.art3'],
        scope: 'notice',
        effect: 'factor',
        factor: { id: `f${index}`, action: 'challenge_article_3', label: `Factor ${index}` },
        conditions: { any: Array.from({ length: 20 }, () => ({ fact: 'notice.requestingCountry', operator: 'in', value: [...new Set(list)] })) },
      })),
    };
    const evaluator = createEvaluator({ ruleSets: [ruleSet] });
    const result = evaluator.safeEvaluateSync(largestCase, { asOf: '2026-01-01' });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.name).toBe('CaseValidationError');
      expect(result.error.issues.map((issue) => `${issue.path}:${issue.code}`)).toEqual([':result_too_large']);
      expect(result.error.issues[0]!.message).toContain('trace "fired" or "none"');
    }
    expect(() => evaluator.evaluateSync(largestCase, { asOf: '2026-01-01' })).toThrow(/result_too_large/);
    expect(evaluator.safeEvaluateSync(largestCase, { asOf: '2026-01-01', trace: 'none' }).success).toBe(true);
  });
});
