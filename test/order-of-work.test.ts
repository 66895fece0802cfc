import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createEvaluator, evaluateCaseSync, renderReport, VOCABULARIES, type Action, type CaseEvaluation } from '../src/index.js';
import { caseAndDateArb } from './arbitraries.js';
import { minimalRule, minimalRuleSet } from './support/rule-sets.js';

const readCase = (name: string): unknown => JSON.parse(readFileSync(new URL(`../examples/cases/${name}.json`, import.meta.url), 'utf8'));
const evaluate = (name: string) => evaluateCaseSync(readCase(name), { asOf: '2026-06-30', trace: 'none' });
const key = (action: Pick<Action, 'code' | 'noticeId'>) => `${action.code}@${action.noticeId ?? ''}`;

/** The action a first step points at. */
const pointed = (evaluation: CaseEvaluation, step = evaluation.firstStep) =>
  evaluation.actions.filter((action) => step !== undefined && action.code === step.code && action.ruleId === step.ruleId && action.noticeId === step.noticeId);

describe('the first step', () => {
  test('liberty first: a person held on a Red Notice while extradition is pending contests the detention first', () => {
    const evaluation = evaluate('detained-journalist-extradition-pending');
    expect(evaluation.firstStep).toEqual({
      code: 'contest_detention_reliance',
      noticeId: 'rn-ru-1',
      ruleId: 'detention.on-red-notice',
      reason: { code: 'detention_on_notice', params: { countries: ['PL'], since: '2026-06-21' } },
    });
    expect(evaluation.notices[0]!.firstStep).toEqual(evaluation.firstStep);
    expect(evaluation.notices[0]!.libertyGrounds.map((ground) => ground.code)).toEqual(['detention_on_notice', 'person_detained', 'extradition_pending']);
  });

  test('then dated deadlines: a running revision time limit comes before the confirmation that unlocks the outcome', () => {
    const evaluation = evaluate('ccf-kept-notice-then-asylum-granted');
    expect(evaluation.firstStep).toMatchObject({ code: 'request_ccf_revision', reason: { code: 'deadline_due', params: { date: '2026-09-15', state: 'due' } } });
    const codes = evaluation.actions.map((action) => action.code);
    expect(codes.indexOf('request_ccf_revision')).toBeLessThan(codes.indexOf('obtain_status_confirmation'));
  });

  test('then what unlocks the outcome: the status confirmation, before actions of the same priority', () => {
    const evaluation = evaluate('recognised-refugee-unconfirmed');
    expect(evaluation.firstStep).toMatchObject({ code: 'obtain_status_confirmation', reason: { code: 'unlocks_outcome', params: { outcome: 'delete_once_confirmed' } } });
  });

  test('then the rest by priority', () => {
    expect(evaluate('revoked-after-deletion').firstStep).toMatchObject({ code: 'prepare_restoration_challenge', reason: { code: 'priority', params: { priority: 'high' } } });
  });

  test('roles are data: a code the library has never seen is ordered by the role an evaluator gives it', () => {
    const ruleSet = minimalRuleSet('my-practice', [
      minimalRule('my-practice.unlock', { conditions: { all: [{ fact: 'notice.kind', operator: 'equal', value: 'red_notice' }] }, action: { code: 'my_unlocking_step', priority: 'low', title: 'Ask the prosecutor to withdraw the request', explanation: 'Withdrawal unlocks deletion.' } }),
    ]);
    const input = { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] };
    const plain = createEvaluator({ ruleSets: [ruleSet] }).evaluateSync(input, { asOf: '2026-06-30', trace: 'none' });
    expect(plain.firstStep?.code).toBe('assess_general_grounds');
    const withRole = createEvaluator({ ruleSets: [ruleSet], actionRoles: { my_unlocking_step: 'unlocks' } }).evaluateSync(input, { asOf: '2026-06-30', trace: 'none' });
    expect(withRole.firstStep).toMatchObject({ code: 'my_unlocking_step', reason: { code: 'unlocks_outcome' } });
    expect(() => createEvaluator({ actionRoles: { 'Not A Code': 'liberty' } })).toThrow(/invalid_action_code/);
    expect(() => createEvaluator({ actionRoles: { my_code: 'first' as 'liberty' } })).toThrow(/invalid_value/);
  });

  test('no action, no first step', () => {
    const citations = { 'my.guidance': { instrument: 'Internal guidance', provision: 'Section 1', summary: 'Review diffusions.', verification: 'primary' } };
    const evaluator = createEvaluator({ includeDefaults: false, citations, ruleSets: [minimalRuleSet('only', [minimalRule('only.diffusions', { citations: ['my.guidance'] })])] });
    const evaluation = evaluator.evaluateSync({ schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }] }, { asOf: '2026-06-30', trace: 'none' });
    expect(evaluation.actions).toEqual([]);
    expect(evaluation.firstStep).toBeUndefined();
    expect(evaluation.notices[0]!.firstStep).toBeUndefined();
    expect(renderReport(evaluation, { format: 'text', pages: 'first' })).toContain('The rules give no action for these facts.');
  });
});

describe('the urgency policy', () => {
  test('at most three urgent actions, the first three in the order of work; the others high, saying why', () => {
    const evaluation = evaluate('detained-journalist-extradition-pending');
    const urgent = evaluation.actions.filter((action) => action.priority === 'urgent');
    expect(urgent.map(key)).toEqual(['contest_detention_reliance@rn-ru-1', 'request_provisional_measures@rn-ru-1', 'invoke_non_refoulement@rn-ru-1']);
    const limited = evaluation.actions.filter((action) => action.priorityReason.code === 'urgent_limit');
    expect(limited.length).toBeGreaterThan(0);
    for (const action of limited) {
      expect(action.priority).toBe('high');
      expect(action.escalation?.from).toBeDefined();
      expect(action.priorityReason.params).toMatchObject({ ground: 'detention_on_notice', limit: 3, countries: ['PL'] });
    }
  });

  test('an urgent action without a ground (no detention, extradition or deadline within 14 days) is high, and says so', () => {
    const ruleSet = minimalRuleSet('alarmist', [minimalRule('alarmist.always', { action: { code: 'human_review', priority: 'urgent', explanation: 'Hurry.' } })]);
    const evaluation = createEvaluator({ ruleSets: [ruleSet] }).evaluateSync(
      { schemaVersion: 1, notices: [{ id: 'df-1', kind: 'diffusion', requestingCountry: 'TJ' }], asylum: [] },
      { asOf: '2026-06-30', trace: 'none' },
    );
    const action = evaluation.actions.find((item) => item.ruleId === 'alarmist.always')!;
    expect(action.priority).toBe('high');
    expect(action.priorityReason).toEqual({ code: 'no_urgency_ground', params: { ruleId: 'alarmist.always' } });
  });

  // What the issue-9 rule set will do (a dated follow-up before the CCF's due date), written here as a rule set of one's own.
  const dueSoon = minimalRuleSet('due-soon', [
    minimalRule('due-soon.follow-up', {
      citations: ['ccf-statute.art40'],
      conditions: { all: [{ fact: 'notice.ccfRequest', operator: 'equal', value: 'pending' }, { fact: 'notice.ccfDecisionOverdue', operator: 'equal', value: 'no' }] },
      action: {
        code: 'follow_up_ccf_deadline',
        priority: 'normal',
        title: { en: 'Diary the CCF’s decision', es: 'Anotar la decisión de la CCF' },
        explanation: 'The CCF should decide by {notice.ccfDecisionDueOn}.',
        deadline: { from: 'notice.ccfDecisionDueOn', basis: 'Nine months from admissibility', citation: 'ccf-statute.art40' },
      },
    }),
  ]);
  const pendingRequest = (admissibleOn: string) => ({
    schemaVersion: 1,
    notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'RU' }],
    asylum: [],
    ccf: [{ type: 'deletion', filedOn: '2025-09-01', admissibleOn }],
  });

  test('a deadline within 14 days makes its action urgent; the memo shows the due date before it passes', () => {
    const evaluator = createEvaluator({ ruleSets: [dueSoon] });
    const soon = evaluator.evaluateSync(pendingRequest('2025-10-05'), { asOf: '2026-06-30', trace: 'none' });
    const action = soon.actions.find((item) => item.ruleId === 'due-soon.follow-up')!;
    expect(action.deadline).toMatchObject({ date: '2026-07-05', kind: 'ccf_decision', state: 'due' });
    expect(action.priority).toBe('urgent');
    expect(action.priorityReason).toEqual({ code: 'deadline_within_14_days', params: { date: '2026-07-05', days: 5 } });
    expect(soon.firstStep).toMatchObject({ code: 'follow_up_ccf_deadline', reason: { code: 'deadline_due' } });
    const firstPage = renderReport(soon, { format: 'text', pages: 'first', ruleTexts: evaluator.ruleTexts });
    expect(firstPage).toContain('CCF decision due 5 July 2026');
    expect(renderReport(soon, { format: 'text', pages: 'first', locale: 'es', ruleTexts: evaluator.ruleTexts })).toContain('CCF prevista a más tardar el 5 de julio de 2026');
    // Fifteen days away: not urgent.
    const later = evaluator.evaluateSync(pendingRequest('2025-10-15'), { asOf: '2026-06-30', trace: 'none' });
    expect(later.actions.find((item) => item.ruleId === 'due-soon.follow-up')).toMatchObject({ priority: 'normal', priorityReason: { code: 'rule' } });
  });

  test('a closed time limit reads "closed on …", an overdue CCF decision "overdue since …" (the day after)', () => {
    const closed = minimalRuleSet('closed', [
      minimalRule('closed.window', {
        citations: ['ccf-statute.art42'],
        conditions: { all: [{ fact: 'notice.kind', operator: 'equal', value: 'red_notice' }] },
        action: { code: 'request_ccf_revision', priority: 'low', explanation: 'Too late.', deadline: { from: 'notice.detainedOnNoticeSince', months: 1, basis: 'One month', citation: 'ccf-statute.art42' } },
      }),
    ]);
    const evaluator = createEvaluator({ ruleSets: [closed] });
    const evaluation = evaluator.evaluateSync(
      { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'RU' }], detention: [{ country: 'PL', since: '2026-01-10', authority: 'criminal', basedOnNoticeId: 'rn-1' }] },
      { asOf: '2026-06-30', trace: 'none' },
    );
    expect(evaluation.actions.find((item) => item.ruleId === 'closed.window')!.deadline).toMatchObject({ date: '2026-02-10', kind: 'time_limit', state: 'closed' });
    expect(renderReport(evaluation, { format: 'text', ruleTexts: evaluator.ruleTexts })).toContain('time limit closed on 10 February 2026');
    expect(renderReport(evaluate('detained-journalist-extradition-pending'), { format: 'text', pages: 'first' })).toContain('CCF decision overdue since 1 June 2026 (due 31 May 2026)');
  });

  test('properties: at most three urgent, each on a ground; every action states why; the first step is one of the actions; actions sorted by priority', () => {
    const evaluator = createEvaluator();
    fc.assert(
      fc.property(caseAndDateArb, ([value, asOf]) => {
        const evaluation = evaluator.evaluateSync(value, { asOf, trace: 'none', questions: false });
        const urgent = evaluation.actions.filter((action) => action.priority === 'urgent');
        expect(urgent.length).toBeLessThanOrEqual(3);
        for (const action of urgent) expect(['detention_on_notice', 'person_detained', 'extradition_pending', 'deadline_within_14_days']).toContain(action.priorityReason.code);
        for (const action of evaluation.actions) expect(VOCABULARIES.priorityReason).toContain(action.priorityReason.code);
        const ranks = evaluation.actions.map((action) => VOCABULARIES.priority.indexOf(action.priority));
        expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
        if (evaluation.actions.length === 0) expect(evaluation.firstStep).toBeUndefined();
        else expect(pointed(evaluation)).toHaveLength(1);
        for (const notice of evaluation.notices) {
          if (notice.actions.length === 0) expect(notice.firstStep).toBeUndefined();
          else expect(notice.firstStep?.noticeId).toBe(notice.noticeId);
          // The notice's actions are the evaluation's, in the same order.
          expect(notice.actions.map(key)).toEqual(evaluation.actions.filter((action) => action.noticeId === notice.noticeId).map(key));
        }
        // Liberty first: where a notice shows a liberty ground, the first step has one too.
        if (evaluation.notices.some((notice) => notice.libertyGrounds.some((ground) => ground.code !== 'person_detained') && notice.actions.length > 0)) {
          expect(['detention_on_notice', 'person_detained', 'extradition_pending']).toContain(evaluation.firstStep!.reason.code);
        }
      }),
      { numRuns: 300 },
    );
  });
});
