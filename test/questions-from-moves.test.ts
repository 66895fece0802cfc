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

const { book, misusePatterns } = loadRuleBook();
const lists = ruleLists(book);
const runner = createCompiledRunner(lists);

/** What the questions are computed from, settled as an evaluation settles a case. */
function contextOf(value: unknown, asOf: string): QuestionContext | undefined {
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
});
