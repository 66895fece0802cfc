import { describe, expect, test } from 'vitest';
import { createEvaluator, evaluateCase } from '../src/index.js';

const refugee = {
  schemaVersion: 1,
  notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
  asylum: [
    { type: 'application_filed', date: '2022-01-10', country: 'DE', persecutionFearedFrom: ['TJ'] },
    { type: 'refugee_status_granted', date: '2023-03-01', country: 'DE' },
  ],
  confirmations: [{ by: 'DE', to: 'ccf', date: '2023-05-01', subject: 'refugee_status' }],
};

describe('exceptions between rules', () => {
  test('a delete outcome makes the general assessment unnecessary: the trace says overridden, and by which rule', async () => {
    const evaluation = await evaluateCase(refugee, { asOf: '2026-01-15' });
    const entry = evaluation.trace.find((item) => item.ruleId === 'refugee.general-grounds' && item.noticeId === 'rn-1')!;
    expect(entry.status).toBe('overridden');
    expect(entry.overriddenBy).toEqual(['refugee.2017.request-deletion']);
    expect(evaluation.actions.map((action) => action.code)).not.toContain('assess_general_grounds');
  });

  test('without the confirmation, nothing overrides the general assessment', async () => {
    const evaluation = await evaluateCase({ ...refugee, confirmations: [] }, { asOf: '2026-01-15' });
    const entry = evaluation.trace.find((item) => item.ruleId === 'refugee.general-grounds')!;
    expect(entry.status).toBe('fired');
    expect(entry.overriddenBy).toBeUndefined();
  });

  /** A user rule set: an outcome rule and an exception to it whose condition may be unknown. */
  const practice = {
    id: 'practice',
    version: '1.0.0',
    title: 'A national practice',
    rules: [
      {
        id: 'practice.diffusion-retain',
        title: 'Diffusions are kept',
        citations: ['practice.memo'],
        scope: 'notice',
        effect: 'presumption',
        conditions: { all: [{ fact: 'notice.kind', operator: 'equal', value: 'diffusion' }] },
        outcome: 'retain',
        action: { code: 'human_review', priority: 'low', explanation: 'Kept by practice.' },
      },
      {
        id: 'practice.political-exception',
        title: 'Unless the offence is political',
        citations: ['practice.memo'],
        scope: 'notice',
        effect: 'presumption',
        conditions: { all: [{ fact: 'notice.politicalOffence', operator: 'equal', value: 'yes' }] },
        exceptionTo: ['practice.diffusion-retain'],
        action: { code: 'assess_general_grounds', priority: 'normal', explanation: 'Political offence.' },
      },
    ],
  };
  const memo = {
    instrument: 'A national practice note (test)',
    provision: 'Paragraph 1',
    summary: 'A made-up practice for this test.',
    verification: 'unverified',
  };
  const evaluator = createEvaluator({ ruleSets: [practice], includeDefaults: false, citations: { 'practice.memo': memo } });
  const diffusion = (extra: Record<string, unknown>) => ({
    schemaVersion: 1,
    notices: [{ id: 'df-1', kind: 'diffusion', requestingCountry: 'RU', ...extra }],
  });

  test('an exception that fires overrides the rule: no outcome, no action from it', async () => {
    const evaluation = await evaluator.evaluate(diffusion({ offences: [{ category: 'political_expression' }] }), { asOf: '2025-01-01' });
    expect(evaluation.notices[0]!.outcome).toBe('undetermined');
    expect(evaluation.notices[0]!.resolution.code).toBe('no_rule_applies');
    expect(evaluation.actions.map((action) => action.ruleId)).toEqual(['practice.political-exception']);
    expect(evaluation.trace.find((entry) => entry.ruleId === 'practice.diffusion-retain')!.status).toBe('overridden');
  });

  test('an exception that does not fire leaves the rule alone', async () => {
    const evaluation = await evaluator.evaluate(diffusion({ offences: [{ category: 'fraud' }] }), { asOf: '2025-01-01' });
    // notice.politicalOffence is unknown without article3 — so with the flag stated false:
    const stated = await evaluator.evaluate({ ...diffusion({ offences: [{ category: 'fraud' }] }), article3: { offenceOfPoliticalCharacter: false } }, { asOf: '2025-01-01' });
    expect(stated.notices[0]!.outcome).toBe('retain');
    expect(evaluation.notices[0]!.outcome).toBe('undetermined');
  });

  test('an undecided exception makes the outcome undetermined but keeps the action', async () => {
    const evaluation = await evaluator.evaluate(diffusion({ offences: [{ category: 'fraud' }] }), { asOf: '2025-01-01' });
    const notice = evaluation.notices[0]!;
    expect(notice.outcome).toBe('undetermined');
    expect(notice.resolution).toMatchObject({ code: 'facts_missing', rules: ['practice.diffusion-retain'], outcomes: ['retain'] });
    expect(notice.resolution.missingFacts).toEqual(['article3.offenceOfPoliticalCharacter']);
    expect(evaluation.actions.map((action) => action.ruleId)).toEqual(['practice.diffusion-retain']);
  });
});
