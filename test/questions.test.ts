import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  createEvaluator,
  evaluateCaseSync,
  FACT_CATALOGUE,
  localizeEvaluation,
  nextQuestions,
  VOCABULARIES,
  type CaseEvaluation,
  type Question,
} from '../src/index.js';
import { caseAndDateArb } from './arbitraries.js';

const readCase = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../examples/cases/${name}.json`, import.meta.url), 'utf8'));
const EXAMPLES = (JSON.parse(readFileSync(new URL('../examples/examples.json', import.meta.url), 'utf8')) as Array<{ file: string; asOf: string }>).map((example) => ({
  name: example.file.replace(/^cases\/|\.json$/g, ''),
  asOf: example.asOf,
}));

/** The outcome of each notice, and its action codes. */
const summary = (evaluation: CaseEvaluation) => ({
  outcomes: new Map(evaluation.notices.map((notice) => [notice.noticeId, notice.outcome])),
  actions: new Set(evaluation.actions.map((action) => `${action.code}@${action.noticeId ?? ''}`)),
});

describe('the questions that matter', () => {
  test('the issue’s own example: no confirmation recorded — “Has Germany confirmed the refugee status to INTERPOL?”, which would make the notice deletable', () => {
    const evaluation = evaluateCaseSync(readCase('recognised-refugee-unconfirmed'), { asOf: '2026-06-30' });
    const [first] = evaluation.questions!;
    expect(first).toMatchObject({
      id: 'confirmations',
      code: 'status_confirmation',
      params: { countries: ['DE'] },
      paths: ['confirmations'],
      facts: ['notice.statusConfirmed'],
      noticeIds: ['rn-tj-1'],
      impact: 'outcome',
      text: 'Has Germany confirmed the refugee status to INTERPOL (to the General Secretariat or to the CCF)?',
    });
    expect(first!.answers).toHaveLength(1);
    expect(first!.answers[0]!.values).toEqual(['yes']);
    expect(first!.answers[0]!.changes).toContainEqual({ code: 'outcome_changed', noticeId: 'rn-tj-1', from: 'delete_once_confirmed', to: 'delete' });
    expect(first!.answers[0]!.changes).toContainEqual({ code: 'action_added', noticeId: 'rn-tj-1', action: 'request_deletion', ruleId: 'refugee.2017.request-deletion', priority: 'high' });
  });

  test('an unknown fact that decides an outcome: is the denial final? Each answer with what it would change', () => {
    const evaluation = evaluateCaseSync(readCase('finality-unknown'), { asOf: '2026-06-30', locale: 'es' });
    const final = evaluation.questions!.find((question) => question.paths.includes('asylum[1].final'))!;
    expect(final.impact).toBe('outcome');
    expect(final.code).toBe('asylum_decision_final');
    expect(final.text).toBe('¿Es definitiva la denegación de asilo de Lituania del 12 de noviembre de 2025, o todavía puede recurrirse?');
    const byValue = new Map(final.answers.map((answer) => [answer.values.join(), answer.changes.filter((change) => change.code === 'outcome_changed')]));
    expect(byValue.get('denied')).toEqual([{ code: 'outcome_changed', noticeId: 'rn-by-1', from: 'undetermined', to: 'retain' }]);
    expect(byValue.get('pending')).toEqual([{ code: 'outcome_changed', noticeId: 'rn-by-1', from: 'undetermined', to: 'pending_asylum' }]);
    expect(evaluation.questions![0]).toBe(final);
  });

  test('a fact whose answer changes nothing is not asked (the Article 3 challenge is there already); one that adds an action is', () => {
    const evaluation = evaluateCaseSync(readCase('recognised-refugee-unconfirmed'), { asOf: '2026-06-30' });
    expect(evaluation.missingFacts).toContain('article3.journalistOrDefender');
    expect(evaluation.missingFacts).toContain('asylum[1].grounds');
    const asked = evaluation.questions!.flatMap((question) => question.paths);
    expect(asked).not.toContain('article3.journalistOrDefender');
    // A grant for political opinion adds the review of the 2014 policy's third condition: asked.
    const grounds = evaluation.questions!.find((question) => question.paths.includes('asylum[1].grounds'))!;
    expect(grounds.answers.flatMap((answer) => answer.changes.map((change) => ('action' in change ? change.action : change.code)))).toEqual(['human_review']);
    // It is still described, as a question, for the report's "also unknown".
    expect(evaluation.missingFactDetails.find((detail) => detail.path === 'article3.journalistOrDefender')?.text).toBe('Is the person a journalist or a human-rights defender?');
  });

  test('ordered by what they change: outcome, then liberty or urgent actions, then other actions, then deadlines', () => {
    for (const { name, asOf } of EXAMPLES) {
      const questions = evaluateCaseSync(readCase(name), { asOf }).questions!;
      const ranks = questions.map((question) => VOCABULARIES.questionImpact.indexOf(question.impact));
      expect([...ranks].sort((a, b) => a - b), name).toEqual(ranks);
    }
  });

  test('nextQuestions is evaluation.questions; questions: false leaves them out and changes nothing else', () => {
    for (const { name, asOf } of EXAMPLES) {
      const input = readCase(name);
      const full = evaluateCaseSync(input, { asOf, trace: 'none', locale: 'es' });
      expect(nextQuestions(input, { asOf, locale: 'es' })).toEqual(full.questions);
      const without = evaluateCaseSync(input, { asOf, trace: 'none', locale: 'es', questions: false });
      expect(without.questions).toBeUndefined();
      const { questions: _questions, ...rest } = full;
      expect(without).toEqual(rest);
    }
  });

  test('worded in any locale from codes and parameters: an English evaluation worded in Spanish has the Spanish questions', () => {
    for (const { name, asOf } of EXAMPLES) {
      const english = evaluateCaseSync(readCase(name), { asOf, locale: 'en' });
      const spanish = evaluateCaseSync(readCase(name), { asOf, locale: 'es' });
      const worded = localizeEvaluation(english, { locale: 'es' }).evaluation;
      expect(worded.questions).toEqual(spanish.questions);
      expect(worded.missingFactDetails).toEqual(spanish.missingFactDetails);
    }
  });

  test('every missing input path is described, and no question or description names a path or a fact', () => {
    const factNames = FACT_CATALOGUE.map((fact) => fact.name);
    fc.assert(
      fc.property(caseAndDateArb, ([value, asOf]) => {
        const evaluation = evaluateCaseSync(value, { asOf, trace: 'none' });
        const described = new Set(evaluation.missingFactDetails.map((detail) => detail.path));
        for (const path of evaluation.missingFacts) expect(described.has(path), path).toBe(true);
        for (const item of [...evaluation.missingFactDetails, ...evaluation.questions!]) {
          expect(VOCABULARIES.questionCode).toContain(item.code);
          expect(item.code, `${'path' in item ? item.path : item.id}`).not.toBe('other');
          expect(item.text).not.toMatch(/[[\]{}]|\w\.\w/);
          for (const fact of factNames) expect(item.text).not.toContain(fact);
        }
        for (const question of evaluation.questions!) {
          expect(question.answers.length).toBeGreaterThan(0);
          for (const answer of question.answers) expect(answer.changes.length).toBeGreaterThan(0);
          for (const path of question.paths) expect(path === 'confirmations' || described.has(path), path).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('answers come true: giving the case the answer (an Article 3 flag, a confirmation) changes what the question said it would', () => {
    const evaluator = createEvaluator();
    const check = (value: Record<string, unknown>, asOf: string) => {
      const before = evaluator.evaluateSync(value, { asOf, trace: 'none' });
      for (const question of before.questions!) {
        const answer = question.answers.find((item) => item.values.every((candidate) => candidate === 'yes'));
        if (answer === undefined) continue;
        const changed = structuredClone(value);
        if (question.code === 'status_confirmation') {
          const confirmations = (changed.confirmations as unknown[] | undefined) ?? [];
          changed.confirmations = [...confirmations, { by: (question.params.countries as string[])[0], to: 'general_secretariat', date: asOf, subject: 'refugee_status' }];
        } else if (question.paths[0]!.startsWith('article3.')) {
          changed.article3 = { ...(changed.article3 as object | undefined), [question.paths[0]!.slice('article3.'.length)]: true };
        } else continue;
        const after = summary(evaluator.evaluateSync(changed, { asOf, trace: 'none', questions: false }));
        const base = summary(before);
        const changes = question.answers.filter((item) => item.values.every((candidate) => candidate === 'yes')).flatMap((item) => item.changes);
        for (const change of changes) {
          const where = `${question.id}: ${JSON.stringify(change)}`;
          if (change.code === 'outcome_changed') expect(after.outcomes.get(change.noticeId), where).toBe(change.to);
          if (change.code === 'action_added') expect(after.actions.has(`${change.action}@${change.noticeId ?? ''}`), where).toBe(true);
          if (change.code === 'action_removed') expect(after.actions.has(`${change.action}@${change.noticeId ?? ''}`), where).toBe(false);
        }
        // And nothing else about those notices' actions changes.
        const predicted = new Set(changes.filter((change) => change.code === 'action_added' || change.code === 'action_removed').map((change) => ('action' in change ? `${change.action}@${change.noticeId ?? ''}` : '')));
        const actual = [...after.actions].filter((action) => !base.actions.has(action)).concat([...base.actions].filter((action) => !after.actions.has(action)));
        expect(actual.filter((action) => !predicted.has(action)), question.id).toEqual([]);
      }
    };
    for (const { name, asOf } of EXAMPLES) check(readCase(name), asOf);
    fc.assert(
      fc.property(caseAndDateArb, ([value, asOf]) => check(value as Record<string, unknown>, asOf)),
      { numRuns: 150 },
    );
  });

  test('ids are stable: the same case asked again, at another date, keeps the ids of the questions it still has', () => {
    const input = readCase('finality-unknown');
    const ids = (questions: readonly Question[] | undefined) => (questions ?? []).map((question) => question.id);
    const now = ids(evaluateCaseSync(input, { asOf: '2026-06-30' }).questions);
    const later = ids(evaluateCaseSync(input, { asOf: '2026-07-30' }).questions);
    expect(later.filter((id) => now.includes(id))).toEqual(later);
  });
});
