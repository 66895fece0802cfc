import { describe, expect, test } from 'vitest';
import { analyzeRuleSets, type Finding } from '../src/analysis/index.js';
import { createEvaluator, type OperatorDefinition } from '../src/index.js';

const memo = { instrument: 'Test memo', provision: 'Paragraph 1', summary: 'A made-up source for these tests.', verification: 'unverified' as const };
const citations = { 'test.memo': memo };

/** A rule set with the given rules (each with the test citation). */
function ruleSet(rules: Array<Record<string, unknown>>, patch: Record<string, unknown> = {}) {
  return {
    id: 'planted',
    version: '1.0.0',
    title: 'Planted problems',
    ...patch,
    rules: rules.map((rule) => ({ citations: ['test.memo'], scope: 'notice', effect: 'mandatory', title: 'A rule', ...rule })),
  };
}

const review = { code: 'human_review', priority: 'low', explanation: 'Check it.' };
const is = (fact: string, value: string) => ({ fact, operator: 'equal', value });

/** Evaluates a finding's witness with the same rule sets. */
async function evaluateWitness(finding: Finding, options: Parameters<typeof createEvaluator>[0]) {
  if (!('witness' in finding)) throw new Error('a finding with a witness expected');
  const evaluation = await createEvaluator({ ...options, engine: 'compiled' }).evaluate(finding.witness.case, { asOf: finding.witness.asOf });
  return { evaluation, notice: evaluation.notices.find((notice) => notice.noticeId === finding.witness.noticeId)! };
}

describe('the analysis proves what it reports as an error, and shows it', () => {
  test('the bundled rule sets: no finding at all; no gap, proven; every witness draft a valid case', () => {
    const report = analyzeRuleSets();
    expect(report.findings).toEqual([]);
    expect(report.invalidDrafts).toBe(0);
    expect(report.searches.find((search) => search.target === 'gap')?.result).toBe('proven');
    expect(report.searches.filter((search) => search.target.startsWith('reachable')).every((search) => search.result === 'witnessed')).toBe(true);
  }, 120_000);

  test('the two rules the issue found falsely "unreachable" are reachable: one refusal on human-rights grounds and one extradition pending; granted, revoked, then subsidiary protection', () => {
    const set = ruleSet([
      { id: 'planted.refused-and-pending', conditions: { all: [is('notice.extraditionRefusal', 'rights_based'), is('notice.extraditionPending', 'yes')] }, action: review },
      { id: 'planted.formerly-granted-subsidiary', conditions: { all: [is('notice.formerlyGranted', 'yes'), is('notice.protectionStatus', 'subsidiary')] }, action: review },
    ]);
    const report = analyzeRuleSets([set], { citations });
    expect(report.findings).toEqual([]);
    expect(report.searches.filter((search) => search.target.startsWith('reachable')).map((search) => [search.target, search.result])).toEqual([
      ['reachable planted.refused-and-pending', 'witnessed'],
      ['reachable planted.formerly-granted-subsidiary', 'witnessed'],
    ]);
  });

  test('a conflict: a witness that shows both rules firing, at the path of the rule of yours', async () => {
    const planted = ruleSet([{ id: 'planted.diffusions-kept', conditions: { all: [is('notice.kind', 'diffusion')] }, outcome: 'retain' }]);
    const conflicts = analyzeRuleSets([planted], { citations }).findings.filter((finding) => finding.code === 'conflict');
    expect(conflicts.length).toBeGreaterThan(0);
    for (const finding of conflicts) {
      if (finding.code !== 'conflict') continue;
      expect(finding.rules).toContain('planted.diffusions-kept');
      expect(finding.path).toBe('[0].rules[0]');
      expect(finding.severity).toBe('error');
      const { notice } = await evaluateWitness(finding, { citations, ruleSets: [planted] });
      expect(notice.resolution.code).toBe('conflicting_rules');
      expect(notice.resolution.rules).toEqual(expect.arrayContaining([...finding.rules]));
    }
  }, 120_000);

  test('a gap: a witness for which no outcome rule fires', async () => {
    const options = { citations, includeDefaults: false };
    const planted = ruleSet([{ id: 'planted.red-notices-kept', conditions: { all: [is('notice.kind', 'red_notice')] }, outcome: 'retain' }]);
    const gaps = analyzeRuleSets([planted], options).findings.filter((finding) => finding.code === 'gap');
    expect(gaps).toHaveLength(1);
    const { notice } = await evaluateWitness(gaps[0]!, { ...options, ruleSets: [planted] });
    expect(notice.resolution.code).toBe('no_rule_applies');
    expect(notice.kind).toBe('diffusion');
  });

  test('an unreachable rule: proven, with the comparisons that exclude each other — and no witness', () => {
    const options = { citations, includeDefaults: false };
    const planted = ruleSet([
      { id: 'planted.all-notices', conditions: { all: [] }, outcome: 'retain' },
      { id: 'planted.never', conditions: { all: [is('notice.kind', 'red_notice'), is('notice.kind', 'diffusion')] }, action: review },
    ]);
    const findings = analyzeRuleSets([planted], options).findings;
    expect(findings.map((finding) => finding.code)).toEqual(['unreachable']);
    const finding = findings[0]!;
    if (finding.code !== 'unreachable') throw new Error('unreachable expected');
    expect(finding.ruleId).toBe('planted.never');
    expect(finding.path).toBe('[0].rules[1]');
    expect(finding.proof.conditions.map((condition) => [condition.path, condition.expected])).toEqual([['all[0]', 'red_notice'], ['all[1]', 'diffusion']]);
    expect(finding.proof.invariants).toEqual([]);
    expect('witness' in finding).toBe(false);
  });

  test('an unreachable rule whose proof rests on an invariant of the derivation names it', () => {
    const planted = ruleSet([{ id: 'planted.deleted-active', conditions: { all: [is('notice.recordedAsDeleted', 'yes'), is('notice.status', 'active')] }, action: review }]);
    const [finding] = analyzeRuleSets([planted], { citations }).findings;
    expect(finding?.code).toBe('unreachable');
    if (finding?.code !== 'unreachable') return;
    expect(finding.proof.invariants.map((invariant) => invariant.id)).toEqual(['deleted-is-recorded']);
  });

  test('a date compared against the date judged at: a revision due before a rule comes into force is proven impossible', () => {
    const planted = ruleSet([{ id: 'planted.revision-long-past', effective: { from: '2020-01-01' }, conditions: { all: [{ fact: 'notice.revisionDueOn', operator: 'lessThan', value: '2015-01-01' }] }, action: review }]);
    const [finding] = analyzeRuleSets([planted], { citations }).findings;
    expect(finding?.code).toBe('unreachable');
    if (finding?.code !== 'unreachable') return;
    expect(finding.proof.invariants.map((invariant) => invariant.id)).toEqual(['revision-due-ahead']);
    expect(finding.proof.conditions.map((condition) => condition.path)).toEqual(['effective', 'all[0]']);
  });

  test('a rule never in force: its period and its rule set\'s do not overlap', () => {
    const planted = ruleSet([{ id: 'planted.never-in-force', effective: { to: '2019-12-31' }, conditions: { all: [is('notice.kind', 'diffusion')] }, action: review }], { effective: { from: '2020-01-01' } });
    const [finding] = analyzeRuleSets([planted], { citations }).findings;
    expect(finding?.code).toBe('unreachable');
    expect(finding?.params?.variant).toBe('period');
  });

  test('satisfiable over the facts but no case shown (a custom operator the analysis cannot see into): a warning, never "unreachable"', () => {
    const never: OperatorDefinition = { name: 'neverHolds', factTypes: ['date', 'enum'], valueKind: 'scalar', test: () => false };
    // A date has too many values to try one by one: the comparison is opaque to the proof, and no case shows it.
    const planted = ruleSet([{ id: 'planted.opaque', conditions: { all: [{ fact: 'notice.deletedOn', operator: 'neverHolds', value: '2020-01-01' }] }, action: review }]);
    const findings = analyzeRuleSets([planted], { citations, operators: [never] }).findings;
    expect(findings.map((finding) => [finding.code, finding.severity])).toEqual([['no_witness', 'warning']]);
    expect(findings[0]!.message).toMatch(/^No witness found for "reachable planted\.opaque" \(searched \d+ fact assignments, \d+ cases\)/);
    // A fact with a few values is tried value by value: the operator holds for none of them, which is a proof.
    const small = ruleSet([{ id: 'planted.opaque-small', conditions: { all: [{ fact: 'notice.kind', operator: 'neverHolds', value: 'diffusion' }] }, action: review }]);
    expect(analyzeRuleSets([small], { citations, operators: [never] }).findings.map((finding) => finding.code)).toEqual(['unreachable']);
  });

  test('a gap that a replacement opens is reported at its `replaces`, naming the rule replaced; a witness shows it', async () => {
    const narrower = ruleSet([{ id: 'planted.delete-narrower', replaces: 'refugee.2017.delete', conditions: { all: [...[is('notice.kind', 'diffusion')], is('notice.statusConfirmed', 'yes'), is('notice.fromFearedCountry', 'yes')] }, outcome: 'delete' }]);
    const gaps = analyzeRuleSets([narrower], { citations }).findings.filter((finding) => finding.code === 'gap');
    expect(gaps.length).toBeGreaterThan(0);
    const gap = gaps[0]!;
    if (gap.code !== 'gap') return;
    expect(gap.path).toBe('[0].rules[0].replaces');
    expect(gap.openedBy).toEqual({ ruleId: 'planted.delete-narrower', via: 'replaces', target: 'refugee.2017.delete' });
    expect(gap.message).toContain('refugee.2017.delete');
    const { notice } = await evaluateWitness(gap, { citations, ruleSets: [narrower] });
    expect(notice.resolution.code).toBe('no_rule_applies');
  }, 60_000);

  test('a knock-on effect: replacing the rule that gives an action another rule reads says which rule changes, with a witness', async () => {
    const replacing = ruleSet([{ id: 'planted.detention-review', replaces: 'detention.on-red-notice', conditions: { all: [is('notice.detentionOnNotice', 'yes'), is('notice.kind', 'red_notice')] }, action: review }]);
    const knockOns = analyzeRuleSets([replacing], { citations }).findings.filter((finding) => finding.code === 'knock_on');
    expect(knockOns).toHaveLength(1);
    const finding = knockOns[0]!;
    if (finding.code !== 'knock_on') return;
    expect(finding.severity).toBe('warning');
    expect(finding.ruleId).toBe('ccf.file-request');
    expect(finding.actionCode).toBe('contest_detention_reliance');
    expect(finding.path).toBe('[0].rules[0].replaces');
    expect(finding.before).toBe('fires');
    // With the replacement the reader does not fire; with the bundled rules alone it does.
    const fired = async (ruleSets: unknown[]) => {
      const evaluation = await createEvaluator({ citations, ruleSets, engine: 'compiled' }).evaluate(finding.witness.case, { asOf: finding.witness.asOf, trace: 'full' });
      return evaluation.trace.find((entry) => entry.ruleId === 'ccf.file-request' && entry.noticeId === finding.witness.noticeId)?.status;
    };
    expect(await fired([replacing])).not.toBe('fired');
    expect(await fired([])).toBe('fired');
  }, 60_000);

  test('paths number the rule sets as they were passed, and findings sort numerically', () => {
    const first = ruleSet([{ id: 'one.never', conditions: { all: [is('notice.kind', 'red_notice'), is('notice.kind', 'diffusion')] }, action: review }], { id: 'one' });
    const rules = Array.from({ length: 11 }, (_, i) => ({ id: `two.never${i}`, conditions: { all: [is('notice.kind', 'red_notice'), is('notice.kind', 'diffusion')] }, action: review }));
    const findings = analyzeRuleSets([first, ruleSet(rules, { id: 'two' })], { citations }).findings;
    expect(findings.map((finding) => finding.path)).toEqual(['[0].rules[0]', ...rules.map((_, i) => `[1].rules[${i}]`)]);
  });

  test('facts of your own: a rule on one is reachable, with a witness case that states it in extensions', () => {
    const set = ruleSet(
      [{ id: 'planted.informed', conditions: { all: [is('firm.informed', 'no'), is('notice.recordedAsDeleted', 'yes')] }, action: review }],
      { namespace: 'firm', facts: { informed: { scope: 'notice', type: 'boolean' } } },
    );
    const report = analyzeRuleSets([set], { citations });
    expect(report.findings).toEqual([]);
    expect(report.searches.find((search) => search.target === 'reachable planted.informed')?.result).toBe('witnessed');
    const never = ruleSet([{ id: 'planted.both', conditions: { all: [is('firm.informed', 'no'), is('firm.informed', 'yes')] }, action: review }], { namespace: 'firm', facts: { informed: { scope: 'notice', type: 'boolean' } } });
    expect(analyzeRuleSets([never], { citations }).findings.map((finding) => finding.code)).toEqual(['unreachable']);
  });

  test('past the work budget, what was not searched is "no witness found (searched …)", a warning — never a conflict, a gap or a false "unreachable"; proofs are still made', () => {
    const planted = ruleSet([
      { id: 'planted.diffusions-kept', conditions: { all: [is('notice.kind', 'diffusion')] }, outcome: 'retain' },
      { id: 'planted.never', conditions: { all: [is('notice.kind', 'red_notice'), is('notice.kind', 'diffusion')] }, action: review },
      { id: 'planted.refused-and-pending', conditions: { all: [is('notice.extraditionRefusal', 'rights_based'), is('notice.extraditionPending', 'yes')] }, action: review },
    ]);
    const full = analyzeRuleSets([planted], { citations });
    expect(full.findings.some((finding) => finding.code === 'conflict')).toBe(true);
    expect(full.work.used).toBeLessThanOrEqual(full.work.budget);
    const cut = analyzeRuleSets([planted], { citations, budget: 0 });
    expect(cut.work).toEqual({ budget: 0, used: expect.any(Number) });
    // The proof needs no case: the unreachable rule is proven all the same.
    expect(cut.findings.filter((finding) => finding.code === 'unreachable').map((finding) => finding.path)).toEqual(full.findings.filter((finding) => finding.code === 'unreachable').map((finding) => finding.path));
    const rest = cut.findings.filter((finding) => finding.code !== 'unreachable');
    expect(rest.length).toBeGreaterThan(0);
    for (const finding of rest) {
      expect([finding.code, finding.severity, finding.params?.variant]).toEqual(['no_witness', 'warning', 'total']);
      expect(finding.message).toMatch(/^No witness found for "[^"]+" \(searched \d+ fact assignments, \d+ cases\) before the analysis spent its work budget \(0 units/);
    }
    expect(rest.map((finding) => finding.code === 'no_witness' && finding.target)).toEqual(expect.arrayContaining(['reachable planted.refused-and-pending', expect.stringMatching(/^conflict /)]));
  }, 120_000);

  test('the same rule sets give the same report', () => {
    const planted = ruleSet([{ id: 'planted.diffusions-kept', conditions: { all: [is('notice.kind', 'diffusion')] }, outcome: 'retain' }]);
    expect(JSON.stringify(analyzeRuleSets([planted], { citations }))).toBe(JSON.stringify(analyzeRuleSets([planted], { citations })));
  }, 60_000);

  test('a rule set that does not load is a RuleSetError, as with createEvaluator', () => {
    expect(() => analyzeRuleSets([{ id: 'x' }])).toThrow(/do not load/);
  });
});
