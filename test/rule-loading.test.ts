import { describe, expect, test } from 'vitest';
import { BUNDLED_RULE_SETS, createEvaluator, RuleSetError } from '../src/index.js';
import { minimalRule, minimalRuleSet } from './support/rule-sets.js';

/** How issue paths name the first rule set passed: as the caller numbers it, whatever comes bundled. */
const added = '[0]';

/** A minimal valid rule set with one rule; `patch` changes the rule. */
function ruleSet(patch: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return minimalRuleSet('test-set', [minimalRule('test.rule', patch)], extra);
}

/** The issue codes of a rule set that does not load. */
function loadIssues(...sets: unknown[]): Array<[string, string]> {
  try {
    createEvaluator({ ruleSets: sets });
  } catch (error) {
    expect(error).toBeInstanceOf(RuleSetError);
    return (error as RuleSetError).issues.map((issue) => [issue.code, issue.path]);
  }
  throw new Error('expected the rule set not to load');
}

describe('rule sets that must not load', () => {
  test('a rule citing an unknown citation id', () => {
    expect(loadIssues(ruleSet({ citations: ['no.such-citation'] }))).toEqual([['unknown_citation', `${added}.rules[0].citations[0]`]]);
  });

  test('a rule without citations', () => {
    expect(loadIssues(ruleSet({ citations: [] }))).toEqual([['uncited_rule', `${added}.rules[0].citations`]]);
  });

  test('an unknown fact', () => {
    expect(loadIssues(ruleSet({ conditions: { all: [{ fact: 'notice.colour', operator: 'equal', value: 'red' }] } }))).toEqual([
      ['unknown_fact', `${added}.rules[0].conditions.all[0].fact`],
    ]);
  });

  test('a JSONPath filter in a path', () => {
    const issues = loadIssues(ruleSet({ conditions: { all: [{ fact: 'notice', path: '$..[?(@.x)]', operator: 'equal', value: 1 }] } }));
    expect(issues).toEqual([['path_not_simple', `${added}.rules[0].conditions.all[0].path`]]);
  });

  test('an exception to a rule that does not exist', () => {
    expect(loadIssues(ruleSet({ exceptionTo: ['no.such-rule'] }))).toEqual([['unknown_exception_target', `${added}.rules[0].exceptionTo[0]`]]);
  });

  test('rules that are exceptions to each other in a cycle', () => {
    const set = minimalRuleSet('test-set', [minimalRule('test.rule', { exceptionTo: ['test.other'] }), minimalRule('test.other', { exceptionTo: ['test.rule'] })]);
    expect(loadIssues(set).map(([code]) => code)).toEqual(['exception_cycle']);
  });

  test('a rule id that repeats a bundled one', () => {
    expect(loadIssues(ruleSet({ id: 'refugee.general-grounds' }))).toEqual([['duplicate_rule_id', `${added}.rules[0].id`]]);
  });

  test('a named condition that refers to itself', () => {
    const set = ruleSet({ conditions: { condition: 'loop' } }, { conditions: { loop: { all: [{ condition: 'loop' }] } } });
    expect(loadIssues(set).map(([code]) => code)).toContain('condition_reference_cycle');
  });

  test('an empty "any" (json-rules-engine would treat it as true)', () => {
    expect(loadIssues(ruleSet({ conditions: { any: [] } }))).toEqual([['too_few_items', `${added}.rules[0].conditions.any`]]);
  });
});

describe('rule sets that load', () => {
  test('a valid added rule set runs next to the bundled ones', async () => {
    const evaluator = createEvaluator({ ruleSets: [ruleSet()] });
    expect(evaluator.ruleSets.map((set) => set.id)).toContain('test-set');
    expect(evaluator.ruleSets).toHaveLength(BUNDLED_RULE_SETS.length + 1);
    const evaluation = await evaluator.evaluate(
      { schemaVersion: 1, notices: [{ id: 'd', kind: 'diffusion', requestingCountry: 'RU' }], asylum: [] },
      { asOf: '2025-01-01' },
    );
    expect(evaluation.actions.map((action) => [action.code, action.ruleId])).toContainEqual(['human_review', 'test.rule']);
  });

  test('the bundled rule sets load with no issue at all', () => {
    expect(() => createEvaluator()).not.toThrow();
  });
});
