import { describe, expect, test } from 'vitest';
import { BUNDLED_INTERPOL_MEMBERS, BUNDLED_TREATY_PARTIES, createEvaluator, evaluateCaseSync, renderReport, RuleSetError } from '../src/index.js';

const refugee = {
  schemaVersion: 1,
  notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'RU' }],
  asylum: [{ type: 'refugee_status_granted', date: '2022-03-01', country: 'DE', persecutionFearedFrom: ['RU'] }],
};

describe('confirmations and the membership list', () => {
  test('a member country that did not grant the status may confirm it: the result and the memo say it did not grant it', () => {
    const evaluation = evaluateCaseSync({ ...refugee, confirmations: [{ by: 'FR', to: 'ccf', date: '2023-01-10', subject: 'refugee_status' }] }, { asOf: '2026-03-01' });
    expect(evaluation.notices[0]!.outcome).toBe('delete');
    expect(evaluation.notices[0]!.protection.confirmation).toEqual({ by: 'FR', to: 'ccf', date: '2023-01-10', byGrantingState: false });
    expect(renderReport(evaluation, { format: 'markdown' })).toContain('France did not grant the status (Germany did)');
    expect(renderReport(evaluation, { format: 'markdown', locale: 'es' })).toContain('Francia no reconoció la condición (Alemania la reconoció)');
  });

  test('the granting state confirming: no note', () => {
    const evaluation = evaluateCaseSync({ ...refugee, confirmations: [{ by: 'DE', to: 'ccf', date: '2023-01-10', subject: 'refugee_status' }] }, { asOf: '2026-03-01' });
    expect(evaluation.protection.confirmation?.byGrantingState).toBe(true);
    expect(renderReport(evaluation, { format: 'markdown' })).not.toContain('did not grant the status');
  });

  test('ignored confirmations are warnings at their paths, in the memo too, without the value', () => {
    const evaluation = evaluateCaseSync({ ...refugee, confirmations: [{ by: 'XK', to: 'ccf', date: '2023-01-10', subject: 'refugee_status' }] }, { asOf: '2026-03-01' });
    expect(evaluation.warnings).toEqual([{ code: 'confirmation_not_from_member', path: 'confirmations[0].by' }]);
    const memo = renderReport(evaluation, { format: 'markdown' });
    expect(memo).toContain('confirmations[0].by');
    expect(memo).toContain('not an INTERPOL member country on its date');
    expect(memo).not.toMatch(/\bXK\b/);
  });

  test('a confirmation dated after the date judged is no warning yet', () => {
    const evaluation = evaluateCaseSync({ ...refugee, confirmations: [{ by: 'RU', to: 'ccf', date: '2026-05-01', subject: 'refugee_status' }] }, { asOf: '2026-03-01' });
    expect(evaluation.warnings).toEqual([]);
  });

  test('createEvaluator({ interpolMembers }) replaces the bundled list', () => {
    const members = structuredClone(BUNDLED_INTERPOL_MEMBERS) as { members: Array<{ code: string }> };
    members.members = members.members.filter((member) => member.code !== 'FR');
    const evaluator = createEvaluator({ interpolMembers: members });
    const evaluation = evaluator.evaluateSync({ ...refugee, confirmations: [{ by: 'FR', to: 'ccf', date: '2023-01-10', subject: 'refugee_status' }] }, { asOf: '2026-03-01' });
    expect(evaluation.notices[0]!.outcome).toBe('delete_once_confirmed');
    expect(evaluation.warnings).toEqual([{ code: 'confirmation_not_from_member', path: 'confirmations[0].by' }]);
  });

  test('a membership list or treaty list that is not in its format does not load, with paths under its option', () => {
    const issues = (options: Parameters<typeof createEvaluator>[0]) => {
      try {
        createEvaluator(options);
      } catch (error) {
        if (error instanceof RuleSetError) return error.issues.map((issue) => issue.path);
      }
      return [];
    };
    expect(issues({ interpolMembers: { ...(BUNDLED_INTERPOL_MEMBERS as object), currentAsOf: '2025-02-30' } })).toEqual(['interpolMembers.currentAsOf']);
    expect(issues({ treatyParties: { ...(BUNDLED_TREATY_PARTIES as object), treaties: {} } })).toContain('treatyParties.treaties.cat');
  });
});

describe('the treaty lists', () => {
  const held = (country: string) => ({
    ...refugee,
    extradition: [{ requestingCountry: 'RU', requestedCountry: country, date: '2026-02-01', outcome: 'pending' }],
  });
  const invoke = (evaluation: ReturnType<typeof evaluateCaseSync>) => evaluation.actions.find((action) => action.code === 'invoke_non_refoulement')!;

  test('Thailand: CAT and customary non-refoulement, never Article 33(1)', () => {
    const action = invoke(evaluateCaseSync(held('TH'), { asOf: '2026-03-01' }));
    expect(action.citations).toEqual(expect.arrayContaining(['cat.art3', 'unhcr.non-refoulement-customary']));
    expect(action.citations).not.toContain('rc1951.art33-1');
    expect(action.factors ?? []).toEqual([]);
  });

  test('a state the lists do not place is unknown, and the action says to check it', () => {
    const action = invoke(evaluateCaseSync(held('PL'), { asOf: '2026-03-01' }));
    expect(action.factors).toEqual(['treaty-status-to-check']);
    expect(action.factorDetails![0]!.label).toContain('do not give the party status of Poland');
    expect(action.explanation).not.toMatch(/not a party/);
  });

  test('createEvaluator({ treatyParties }) replaces the bundled lists', () => {
    const lists = structuredClone(BUNDLED_TREATY_PARTIES) as { treaties: { refugeeConvention1951: { parties: unknown[] } } };
    lists.treaties.refugeeConvention1951.parties.push({ code: 'TH', date: '2025-01-01', type: 'accession', source: null, verification: 'secondary' });
    const action = invoke(createEvaluator({ treatyParties: lists }).evaluateSync(held('TH'), { asOf: '2026-03-01' }));
    expect(action.citations).toContain('rc1951.art33-1');
  });
});
