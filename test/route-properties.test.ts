import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createEvaluator, type CaseEvaluation } from '../src/index.js';
import { ARTICLE_3_FLAGS } from '../src/facts/vocabulary.js';
import { caseAndDateArb } from './arbitraries.js';

const evaluator = createEvaluator({ engine: 'compiled' });
const runs = { numRuns: 400 };
// These properties read outcomes, actions, citations and warnings, never `questions`: they
// evaluate with `questions: false`, which leaves everything else of a result as it is (see
// test/properties.test.ts) and saves most of the evaluation's time.

type Json = Record<string, unknown> & { notices: Array<Record<string, unknown>>; article3?: Record<string, boolean> };

const withArticle3 = (evaluation: CaseEvaluation) =>
  new Set(evaluation.actions.filter((action) => action.code === 'challenge_article_3').map((action) => action.noticeId));

describe('properties of the routes', () => {
  test('every action carries at least one citation, and every citation resolves', async () => {
    await fc.assert(
      fc.asyncProperty(caseAndDateArb, async ([value, asOf]) => {
        const evaluation = await evaluator.evaluate(value, { asOf, questions: false });
        for (const action of evaluation.actions) {
          expect(action.citations.length).toBeGreaterThan(0);
          for (const id of action.citations) expect(evaluation.citations[id]).toBeDefined();
          if (action.deadline) expect(evaluation.citations[action.deadline.citation]).toBeDefined();
        }
        for (const notice of evaluation.notices) for (const id of notice.basis) expect(evaluation.citations[id]).toBeDefined();
      }),
      runs,
    );
  });

  test('every deadline is on or after the date it counts from', async () => {
    await fc.assert(
      fc.asyncProperty(caseAndDateArb, async ([value, asOf]) => {
        const evaluation = await evaluator.evaluate(value, { asOf, questions: false });
        for (const action of evaluation.actions) {
          if (action.deadline) expect(action.deadline.date >= action.deadline.countsFrom.date).toBe(true);
        }
      }),
      runs,
    );
  });

  test('adding an Article 3 factor never removes challenge_article_3', async () => {
    await fc.assert(
      fc.asyncProperty(caseAndDateArb, fc.constantFrom(...ARTICLE_3_FLAGS), async ([value, asOf], flag) => {
        const json = value as Json;
        const before = withArticle3(await evaluator.evaluate(json, { asOf, questions: false }));
        const after = withArticle3(await evaluator.evaluate({ ...json, article3: { ...json.article3, [flag]: true } }, { asOf, questions: false }));
        for (const noticeId of before) expect(after.has(noticeId)).toBe(true);
      }),
      runs,
    );
  });

  test('a factor never decides an outcome: removing the Article 3 profile leaves every outcome unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(caseAndDateArb, async ([value, asOf]) => {
        const { article3: _article3, ...without } = value as Json;
        const outcomes = (evaluation: CaseEvaluation) => evaluation.notices.map((notice) => notice.outcome);
        expect(outcomes(await evaluator.evaluate(without, { asOf, questions: false }))).toEqual(outcomes(await evaluator.evaluate(value, { asOf, questions: false })));
      }),
      runs,
    );
  });
});
