import { describe, expect, test } from 'vitest';
import { createEvaluator, evaluateCase, renderReport } from '../src/index.js';
import { explainRule } from '../src/present/explain.js';

const refugee = {
  schemaVersion: 1,
  notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
  asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }],
  confirmations: [{ by: 'DE', to: 'ccf', date: '2023-05-01', subject: 'refugee_status' }],
};

/** A rule set that replaces the bundled general-grounds rule with a firm's version. */
const replacement = {
  id: 'firm',
  version: '1.0.0',
  title: 'Firm',
  rules: [
    {
      id: 'firm.general-grounds',
      title: 'Our general assessment',
      citations: ['const.art3'],
      scope: 'notice',
      effect: 'mandatory',
      replaces: 'refugee.general-grounds',
      conditions: { all: [{ fact: 'notice.recordedAsDeleted', operator: 'equal', value: 'no' }] },
      action: { code: 'assess_general_grounds', priority: 'high', explanation: 'Our checklist for {notice.requestingCountry}.' },
    },
  ],
};

describe('extension API', () => {
  test('a rule that replaces a bundled rule takes its place: the bundled one is gone from the trace and listed in meta', async () => {
    const evaluation = await createEvaluator({ ruleSets: [replacement] }).evaluate({ ...refugee, confirmations: [] }, { asOf: '2026-01-01' });
    expect(evaluation.trace.some((entry) => entry.ruleId === 'refugee.general-grounds')).toBe(false);
    expect(evaluation.meta.replacedRules).toEqual([{ ruleId: 'refugee.general-grounds', ruleSet: 'refugee-resolution', replacedBy: 'firm.general-grounds' }]);
    const action = evaluation.actions.find((item) => item.code === 'assess_general_grounds')!;
    expect(action.ruleId).toBe('firm.general-grounds');
    expect(action.explanation).toBe('Our checklist for Tajikistan.');
  });

  test('the memo says which rule was replaced, and by which; explain shows `replaces`', async () => {
    const evaluator = createEvaluator({ ruleSets: [replacement] });
    const evaluation = await evaluator.evaluate({ ...refugee, confirmations: [] }, { asOf: '2026-01-01' });
    const memo = renderReport(evaluation, { format: 'markdown', locale: 'en' });
    expect(memo).toContain('**Rules replaced**');
    expect(memo).toContain('**refugee.general-grounds**: `refugee-resolution` — replaced by firm.general-grounds');
    expect(renderReport(evaluation, { format: 'markdown', locale: 'es' })).toContain('sustituida por firm.general-grounds');
    expect(renderReport(await evaluateCase(refugee, { asOf: '2026-01-01' }), { format: 'markdown', locale: 'en' })).not.toContain('Rules replaced');
    const explained = explainRule(replacement.rules[0] as never, replacement as never, new Map(), 'en');
    expect(explained).toContain('refugee.general-grounds');
  });

  test('exceptions to the replaced rule apply to the replacement', async () => {
    const evaluation = await createEvaluator({ ruleSets: [replacement] }).evaluate(refugee, { asOf: '2026-01-01' });
    const entry = evaluation.trace.find((item) => item.ruleId === 'firm.general-grounds')!;
    expect(entry.status).toBe('overridden');
    expect(entry.overriddenBy).toEqual(['refugee.2017.request-deletion']);
  });

  test('without `replaces`, the same id is an error, never a silent replacement', () => {
    const clash = { ...replacement, rules: [{ ...replacement.rules[0]!, id: 'refugee.general-grounds', replaces: undefined }] };
    expect(() => createEvaluator({ ruleSets: [JSON.parse(JSON.stringify(clash))] })).toThrow(/duplicate_rule_id/);
  });

  test('bundled results are unchanged when nothing is added (no replacement listed)', async () => {
    expect((await evaluateCase(refugee, { asOf: '2026-01-01' })).meta.replacedRules).toEqual([]);
  });

  test('added citations are cited in results with their verification level', async () => {
    const memo = { instrument: 'Memo', provision: 'Section 1', summary: 'A firm memo.', verification: 'unverified' as const };
    const withMemo = { ...replacement, rules: [{ ...replacement.rules[0]!, citations: ['firm.memo'] }] };
    const evaluation = await createEvaluator({ ruleSets: [withMemo], citations: { 'firm.memo': memo } }).evaluate({ ...refugee, confirmations: [] }, { asOf: '2026-01-01' });
    expect(evaluation.citations['firm.memo']).toEqual({ instrument: 'Memo', provision: 'Section 1', summary: 'A firm memo.', verification: 'unverified' });
  });
});
