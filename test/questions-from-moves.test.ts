import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseCase } from '../src/case/validate.js';
import { deriveFacts } from '../src/facts/derive.js';
import { inForceMask } from '../src/evaluation/assemble.js';
import { loadRuleBook } from '../src/evaluation/evaluator.js';
import { questionsOf, type QuestionContext } from '../src/evaluation/questions.js';
import { createCompiledRunner, ruleLists } from '../src/evaluation/runners.js';
import { decideOutcome, settle, withResultFacts } from '../src/evaluation/subject.js';
import { ACTION_ROLES } from '../src/evaluation/vocabulary.js';
import { asOfArb, caseAndDateArb, typicalCaseArb } from './arbitraries.js';

const { book: bundledBook, misusePatterns } = loadRuleBook();

/**
 * A rule of the second pass (it reads the outcome) whose action's deadline counts from a date the
 * questions try (`notice.protectionAppealDueOn`, open where a denial's finality is unknown).
 */
const SECOND_PASS_DEADLINE = {
  id: 'second-pass-deadline',
  version: '1.0.0',
  title: 'A deadline in the second pass',
  rules: [
    {
      id: 'second-pass-deadline.follow-up',
      title: 'Follow up once the outcome is known',
      citations: ['ccf-statute.art40'],
      scope: 'notice',
      effect: 'mandatory',
      conditions: { all: [{ fact: 'notice.outcome', operator: 'in', value: ['retain', 'undetermined', 'pending_asylum', 'delete_once_confirmed'] }] },
      action: {
        code: 'follow_up_ccf_deadline',
        priority: 'high',
        title: 'Follow up',
        explanation: 'Follow up before the appeal is due.',
        deadline: { from: 'notice.protectionAppealDueOn', basis: 'The time to appeal', citation: 'ccf-statute.art40' },
      },
    },
  ],
};

/** What the questions are computed from, settled as an evaluation settles a case. */
function contextOf(value: unknown, asOf: string, book = bundledBook): QuestionContext | undefined {
  const lists = ruleLists(book);
  const runner = createCompiledRunner(lists);
  const parsed = parseCase(value);
  if (!parsed.success) return undefined;
  const derived = deriveFacts(parsed.case, asOf, { misusePatterns });
  const mask = inForceMask(lists, asOf);
  const notices = derived.notices.map((notice) => {
    const first = settle(book, lists.notice1, mask.notice1, runner.run('notice1', notice.facts, mask.notice1), notice.facts, notice.notice.id);
    const decision = decideOutcome(first);
    const secondFacts = withResultFacts(first, decision, book);
    const second = settle(book, lists.notice2, mask.notice2, runner.run('notice2', secondFacts, mask.notice2), secondFacts, notice.notice.id);
    return { first, decision, second };
  });
  const caseSubject = settle(book, lists.case, mask.case, runner.run('case', derived.caseFacts, mask.case), derived.caseFacts, undefined);
  return { book, lists, mask, derived, caseSubject, notices, roles: ACTION_ROLES, locale: 'en' };
}

describe('the questions, with the changes of each value made from what moved', () => {
  test('are the questions that whole signatures, compared value by value, give', () => {
    fc.assert(
      fc.property(fc.oneof(caseAndDateArb, fc.tuple(typicalCaseArb, asOfArb)), ([value, asOf]) => {
        const context = contextOf(value, asOf);
        if (context === undefined) return;
        const questions = questionsOf(context);
        expect(questions).toEqual(questionsOf({ ...context, wholeSignatures: true }));
        // The facts set while the questions are tried are put back.
        expect(questionsOf(context)).toEqual(questions);
      }),
      { numRuns: 120 },
    );
  });

  test('move the deadline of a second-pass rule that counts from the fact tried, as whole signatures do', () => {
    const { book } = loadRuleBook({ ruleSets: [SECOND_PASS_DEADLINE] });
    let moved = 0;
    for (const [value, asOf] of fc.sample(fc.tuple(typicalCaseArb, asOfArb), { numRuns: 150, seed: 2017 })) {
      const context = contextOf(value, asOf, book);
      if (context === undefined) continue;
      const questions = questionsOf(context);
      expect(questions).toEqual(questionsOf({ ...context, wholeSignatures: true }));
      for (const question of questions) {
        for (const answer of question.answers) {
          moved += answer.changes.filter((change) => change.code === 'deadline_moved' && change.ruleId === 'second-pass-deadline.follow-up').length;
        }
      }
    }
    // The sample has such questions: the comparison above is not empty.
    expect(moved).toBeGreaterThan(0);
  });
});
