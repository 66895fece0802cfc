/**
 * Rule sets built to exhaust the loader: each test is named after the fault it once caused.
 * Every loading path must refuse them quickly with an issue, or load them, never throw a
 * `RangeError` from a function documented never to throw, never expand a named condition copy
 * by copy.
 */
import { describe, expect, test } from 'vitest';
import { runCli } from './support/cli.js';
import { analyzeRuleSets } from '../src/analysis/index.js';
import { checkRuleSets, createEvaluator, RULE_SET_LIMITS, RuleSetError, validateRuleSet } from '../src/index.js';
import { loadRuleBook } from '../src/evaluation/evaluator.js';
import { chainRuleSet, doublingRuleSet, exceptionChain } from './support/pathological.js';

/** The issues of `createEvaluator`, or none. */
function loadIssues(ruleSets: unknown[]) {
  try {
    createEvaluator({ ruleSets });
  } catch (error) {
    if (error instanceof RuleSetError) return error.issues;
    throw error;
  }
  return [];
}

/** Runs the command line on files given by name, in memory. */
async function cli(argv: string[], files: Record<string, unknown>) {
  return runCli(argv, {
    readFile: async (path) => {
      if (!(path in files)) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
      return JSON.stringify(files[path]);
    },
  });
}

describe('named conditions that double at every level (c0 → [c1, c1] … c29) no longer expand to 2^30 comparisons and abort at 3–4 GB', () => {
  const set = doublingRuleSet(30);

  test('the file is small', () => {
    expect(JSON.stringify(set).length).toBeLessThan(3000);
  });

  test('validateRuleSet, checkRuleSets and createEvaluator refuse it as rule_set_too_large, at the rule, naming the limit', () => {
    for (const issues of [validateRuleSet(set).issues, checkRuleSets([set]).issues, loadIssues([set])]) {
      const found = issues.filter((issue) => issue.code === 'rule_set_too_large');
      expect(found.length).toBeGreaterThan(0);
      expect(found.some((issue) => issue.path.endsWith('rules[0].conditions') && issue.params?.limit === RULE_SET_LIMITS.expandedComparisons)).toBe(true);
    }
  });

  test('analyzeRuleSets refuses it as createEvaluator does', () => {
    expect(() => analyzeRuleSets([set])).toThrow(RuleSetError);
  });

  test('the command line refuses it: check reports it, evaluate and explain exit 2', async () => {
    const checked = await cli(['check', 'doubling.json'], { 'doubling.json': set });
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('rule_set_too_large');
    const explained = await cli(['explain', 'doubling.rule', '--rules', 'doubling.json'], { 'doubling.json': set });
    expect(explained.code).toBe(2);
    expect(explained.stderr).toContain('rule_set_too_large');
  });

  test('within the budget, a named condition referred to many times is compiled once and shared by every reference', () => {
    const small = doublingRuleSet(10);
    const { book } = loadRuleBook({ ruleSets: [small] });
    const rule = book.byId.get('doubling.rule')!;
    const root = rule.conditions.root;
    if (root.kind !== 'condition' || root.node.kind !== 'all') throw new Error('expected c0');
    const [first, second] = root.node.children;
    expect(first?.kind === "condition" && second?.kind === "condition" && first.node === second.node).toBe(true);
    // The trace still lists every place a comparison is reached from.
    expect(rule.conditions.atoms).toHaveLength(1024);
  });
});

describe('an 8,000-deep chain of named conditions no longer throws RangeError from functions documented never to throw', () => {
  const set = chainRuleSet(8000);

  test('validateRuleSet and checkRuleSets return rule_set_too_large (expanded depth): at the rule, and at the named condition where the depth passes the limit', () => {
    for (const result of [validateRuleSet(set), checkRuleSets([set])]) {
      expect(result.success).toBe(false);
      const depth = result.issues.filter((issue) => issue.code === 'rule_set_too_large' && issue.params?.variant === 'depth');
      expect(depth.map((issue) => issue.path.replace(/^\[0\]\./, ''))).toEqual(['conditions.c7968', 'rules[0].conditions']);
    }
  });

  test('createEvaluator throws RuleSetError, not RangeError', () => {
    expect(loadIssues([set]).some((issue) => issue.code === 'rule_set_too_large')).toBe(true);
  });

  test('a cycle at the end of a long chain is found, without recursion', () => {
    const looped = chainRuleSet(8000);
    (looped.conditions as Record<string, unknown>).c8000 = { all: [{ condition: 'c0' }] };
    const issues = validateRuleSet(looped).issues;
    expect(issues.some((issue) => issue.code === 'condition_reference_cycle')).toBe(true);
  });

  test('a chain within the depth budget loads and evaluates on both engines', async () => {
    const set = chainRuleSet(RULE_SET_LIMITS.expandedDepth / 2 - 2);
    const caseJson = { schemaVersion: 1, notices: [{ id: 'd-1', kind: 'diffusion', requestingCountry: 'TJ' }], asylum: [] };
    for (const engine of ['compiled', 'json-rules-engine'] as const) {
      const evaluation = await createEvaluator({ ruleSets: [set], engine }).evaluate(caseJson, { asOf: '2026-01-15' });
      expect(evaluation.trace.find((entry) => entry.ruleId === 'chain.rule')?.status).toBe('fired');
    }
  });
});

describe('a 15,000-rule exception chain no longer throws RangeError', () => {
  const sets = exceptionChain(15, 1000);
  const caseJson = { schemaVersion: 1, notices: [{ id: 'd-1', kind: 'diffusion', requestingCountry: 'TJ' }], asylum: [] };

  test('checkRuleSets checks it and createEvaluator loads it', () => {
    expect(checkRuleSets(sets).success).toBe(true);
    expect(loadIssues(sets)).toEqual([]);
  });

  test('both engines settle it alike: the last rule applies, the one before it is overridden, and so on down the chain', async () => {
    const fired = async (engine: 'compiled' | 'json-rules-engine') => {
      const evaluation = await createEvaluator({ ruleSets: sets, engine }).evaluate(caseJson, { asOf: '2026-01-15', trace: 'fired' });
      return evaluation.trace.filter((entry) => entry.status === 'fired' && entry.ruleSet.startsWith('chain-')).map((entry) => entry.ruleId);
    };
    const compiled = await fired('compiled');
    expect(compiled).toHaveLength(7500);
    expect(compiled).toContain('chain-14.r14999');
    expect(compiled).not.toContain('chain-14.r14998');
    expect(await fired('json-rules-engine')).toEqual(compiled);
  }, 60_000);

  test('a cycle closing the chain is reported once, without recursion', () => {
    const looped = exceptionChain(15, 1000);
    const first = (looped[0]!.rules as Array<Record<string, unknown>>)[0]!;
    first.exceptionTo = ['chain-14.r14999'];
    const result = checkRuleSets(looped);
    expect(result.issues.filter((issue) => issue.code === 'exception_cycle')).toHaveLength(1);
  });
});
