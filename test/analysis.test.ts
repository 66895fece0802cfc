import { describe, expect, test } from 'vitest';
import { analyzeRuleSets, type Finding } from '../src/analysis/index.js';
import { createEvaluator } from '../src/index.js';

const memo = { instrument: 'Test memo', provision: 'Paragraph 1', summary: 'A made-up source for these tests.', verification: 'unverified' as const };
const citations = { 'test.memo': memo };

/** A rule set with the given rules (each with the test citation). */
function ruleSet(rules: Array<Record<string, unknown>>) {
  return {
    id: 'planted',
    version: '1.0.0',
    title: 'Planted problems',
    rules: rules.map((rule) => ({ citations: ['test.memo'], scope: 'notice', effect: 'mandatory', title: 'A rule', ...rule })),
  };
}

/** Evaluates a finding's witness with the same rule sets. */
async function evaluateWitness(finding: Finding, options: Parameters<typeof createEvaluator>[0]) {
  const evaluation = await createEvaluator({ ...options, engine: 'compiled' }).evaluate(finding.witness.case, { asOf: finding.witness.asOf });
  return { evaluation, notice: evaluation.notices.find((notice) => notice.noticeId === finding.witness.noticeId)! };
}

describe('semantic checks', () => {
  test('the bundled rule sets have no conflict, no gap and no unreachable rule, and every case searched is valid', () => {
    const report = analyzeRuleSets();
    expect(report.findings).toEqual([]);
    expect(report.searches.every((search) => search.invalid === 0)).toBe(true);
    expect(report.searches.find((search) => search.target.startsWith('outcomes'))?.strategy).toBe('exhaustive');
  }, 120_000);

  test('finds a planted conflict, with a witness that shows both rules firing', async () => {
    const options = { citations };
    const planted = ruleSet([{ id: 'planted.diffusions-kept', conditions: { all: [{ fact: 'notice.kind', operator: 'equal', value: 'diffusion' }] }, outcome: 'retain' }]);
    const conflicts = analyzeRuleSets([planted], options).findings.filter((finding) => finding.code === 'conflict');
    expect(conflicts.length).toBeGreaterThan(0);
    for (const finding of conflicts) {
      if (finding.code !== 'conflict') continue;
      expect(finding.rules).toContain('planted.diffusions-kept');
      expect(finding.severity).toBe('error');
      const { notice } = await evaluateWitness(finding, { ...options, ruleSets: [planted] });
      expect(notice.resolution.code).toBe('conflicting_rules');
      expect(notice.resolution.rules).toEqual(expect.arrayContaining([...finding.rules]));
    }
  }, 120_000);

  test('finds a planted gap, with a witness for which no outcome rule fires', async () => {
    const options = { citations, includeDefaults: false };
    const planted = ruleSet([{ id: 'planted.red-notices-kept', conditions: { all: [{ fact: 'notice.kind', operator: 'equal', value: 'red_notice' }] }, outcome: 'retain' }]);
    const gaps = analyzeRuleSets([planted], options).findings.filter((finding) => finding.code === 'gap');
    expect(gaps).toHaveLength(1);
    const { notice } = await evaluateWitness(gaps[0]!, { ...options, ruleSets: [planted] });
    expect(notice.resolution.code).toBe('no_rule_applies');
    expect(notice.kind).toBe('diffusion');
  });

  test('finds a planted unreachable rule; its witness shows the comparison that cannot be met', async () => {
    const options = { citations, includeDefaults: false };
    const planted = ruleSet([
      { id: 'planted.all-notices', conditions: { all: [] }, outcome: 'retain' },
      {
        id: 'planted.never',
        conditions: { all: [{ fact: 'notice.kind', operator: 'equal', value: 'red_notice' }, { fact: 'notice.kind', operator: 'equal', value: 'diffusion' }] },
        action: { code: 'human_review', priority: 'low', explanation: 'Never.' },
      },
    ]);
    const findings = analyzeRuleSets([planted], options).findings;
    expect(findings.map((finding) => finding.code)).toEqual(['unreachable']);
    const finding = findings[0]!;
    if (finding.code !== 'unreachable') throw new Error('unreachable expected');
    expect(finding.ruleId).toBe('planted.never');
    expect(finding.path).toBe('[0].rules[1]');
    expect(finding.unmet).toHaveLength(1);
    const { evaluation } = await evaluateWitness(finding, { ...options, ruleSets: [planted] });
    const entry = evaluation.trace.find((item) => item.ruleId === 'planted.never')!;
    expect(entry.status).toBe('not_fired');
    const unmet = entry.conditions.filter((condition) => condition.result === 'not_met').map((condition) => condition.path);
    expect(unmet).toEqual([finding.unmet[0]!.path]);
  });

  test('a rule set that does not load is a RuleSetError, as with createEvaluator', () => {
    expect(() => analyzeRuleSets([{ id: 'x' }])).toThrow(/do not load/);
  });
});
