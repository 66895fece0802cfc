import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ACTION_CONTRADICTIONS, BUNDLED_CITATIONS, BUNDLED_RULE_SETS, createEvaluator, type CaseEvaluation } from '../src/index.js';
import { caseAndDateArb } from './arbitraries.js';

const evaluator = createEvaluator();
/** The bundled rule sets and citations without any documented pattern of misuse. */
const withoutPatterns = createEvaluator({ includeDefaults: false, ruleSets: BUNDLED_RULE_SETS, citations: BUNDLED_CITATIONS });
const runs = { numRuns: 300 };

/** The action codes of each notice. */
function codesByNotice(evaluation: CaseEvaluation): Map<string, Set<string>> {
  return new Map(evaluation.notices.map((notice) => [notice.noticeId, new Set(notice.actions.map((action) => action.code))]));
}

describe('properties of the advice', () => {
  test('no result holds two actions that contradict each other for the same notice (ACTION_CONTRADICTIONS)', () => {
    fc.assert(
      fc.property(caseAndDateArb, ([value, asOf]) => {
        for (const [noticeId, codes] of codesByNotice(evaluator.evaluateSync(value, { asOf }))) {
          for (const { codes: [a, b] } of ACTION_CONTRADICTIONS) {
            expect(codes.has(a) && codes.has(b), `${noticeId}: ${a} beside ${b}`).toBe(false);
          }
        }
      }),
      runs,
    );
  });

  test('a documented pattern alone never yields challenge_article_3: with or without the patterns, the same notices get it', () => {
    fc.assert(
      fc.property(caseAndDateArb, ([value, asOf]) => {
        const withPatterns = evaluator.evaluateSync(value, { asOf });
        const without = codesByNotice(withoutPatterns.evaluateSync(value, { asOf }));
        for (const notice of withPatterns.notices) {
          const challenge = notice.actions.find((action) => action.code === 'challenge_article_3');
          expect(challenge !== undefined, notice.noticeId).toBe(without.get(notice.noticeId)!.has('challenge_article_3'));
          // Every challenge rests on a factor of the case, not on context alone.
          if (challenge) expect(challenge.factors!.some((factor) => factor !== 'documented-misuse')).toBe(true);
        }
      }),
      runs,
    );
  });

  test('a confirmation that cannot count (a non-member or a feared country) changes nothing but the warnings', () => {
    fc.assert(
      fc.property(caseAndDateArb, ([value, asOf]) => {
        const evaluation = evaluator.evaluateSync(value, { asOf });
        const ignored = new Set(evaluation.warnings.map((warning) => Number(/^confirmations\[(\d+)\]/.exec(warning.path)![1])));
        if (ignored.size === 0) return;
        const confirmations = (value as { confirmations: unknown[] }).confirmations.filter((_, index) => !ignored.has(index));
        const cleaned = { ...value, confirmations };
        const again = evaluator.evaluateSync(cleaned, { asOf });
        expect(again.warnings).toEqual([]);
        expect(again.notices.map((notice) => [notice.noticeId, notice.outcome, notice.actions.map((action) => action.code)])).toEqual(
          evaluation.notices.map((notice) => [notice.noticeId, notice.outcome, notice.actions.map((action) => action.code)]),
        );
      }),
      runs,
    );
  });

  test('the Refugee Convention and CAT are cited only on invoke_non_refoulement, about return to a feared country', () => {
    const returnOnly = new Set(['rc1951.art33-1', 'prot1967.art1-1', 'cat.art3', 'unhcr.non-refoulement-customary', 'unhcr.asylum-seekers-art33']);
    fc.assert(
      fc.property(caseAndDateArb, ([value, asOf]) => {
        for (const action of evaluator.evaluateSync(value, { asOf }).actions) {
          if (action.code === 'invoke_non_refoulement') continue;
          // The note that a state's treaty status is unknown cites customary non-refoulement on that action only.
          expect(action.citations.filter((id) => returnOnly.has(id)), action.code).toEqual([]);
        }
      }),
      runs,
    );
  });
});
