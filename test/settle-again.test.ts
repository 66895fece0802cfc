import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseCase } from '../src/case/validate.js';
import { deriveFacts } from '../src/facts/derive.js';
import type { Truth } from '../src/rules/conditions.js';
import { inForceMask } from '../src/evaluation/assemble.js';
import { loadRuleBook } from '../src/evaluation/evaluator.js';
import { createCompiledRunner, ruleLists } from '../src/evaluation/runners.js';
import { decidedOutcome, decideOutcome, resettle, settle, type Subject } from '../src/evaluation/subject.js';
import { caseAndDateArb } from './arbitraries.js';

const { book, misusePatterns } = loadRuleBook();
const lists = ruleLists(book);
const runner = createCompiledRunner(lists);

/** What a settled subject says, rule by rule, as plain data. */
const statesOf = (subject: Subject) =>
  subject.states.map((state) => ({
    rule: state.rule.id,
    index: state.index,
    inForce: state.inForce,
    truth: state.truth,
    overriddenBy: state.overriddenBy,
    doubtfulExceptions: state.doubtfulExceptions.map((rule) => rule.id),
  }));

/** Each notice of a generated case (when valid) with its first-pass truths and its base settlement. */
const forEachNotice = (value: unknown, asOf: string, check: (notice: ReturnType<typeof deriveFacts>['notices'][number], mask: ReturnType<typeof inForceMask>, truths: Truth[], base: Subject) => void) => {
  const parsed = parseCase(value);
  if (!parsed.success) return;
  const mask = inForceMask(lists, asOf);
  for (const notice of deriveFacts(parsed.case, asOf, { misusePatterns }).notices) {
    const truths = runner.run('notice1', notice.facts, mask.notice1);
    check(notice, mask, truths, settle(book, lists.notice1, mask.notice1, truths, notice.facts, notice.notice.id));
  }
};

/** Truths moved at some positions (each to one of the three truths), as the questions move them. */
const movesArb = fc.array(fc.tuple(fc.nat(), fc.constantFrom<Truth>(0, 1, 2)), { maxLength: 6 });

describe('settling a notice again after some truths moved (the questions)', () => {
  test('resettle gives the states settle gives, keeping the unmoved ones, and decidedOutcome the outcome decideOutcome decides', () => {
    fc.assert(
      fc.property(caseAndDateArb, movesArb, ([value, asOf], moves) => {
        forEachNotice(value, asOf, (notice, mask, truths, base) => {
          const moved = [...truths];
          for (const [at, truth] of moves) moved[at % moved.length] = truth;
          const fresh = settle(book, lists.notice1, mask.notice1, moved, notice.facts, notice.notice.id);
          const again = resettle(book, lists.notice1, mask.notice1, base, moved, notice.facts, notice.notice.id);
          expect(statesOf(again)).toEqual(statesOf(fresh));
          // A rule without exceptions whose truth did not move keeps the base's own state.
          again.states.forEach((state, i) => {
            if (moved[i] === truths[i] && (book.exceptionsTo.get(state.rule.id) ?? []).length === 0) expect(state).toBe(base.states[i]);
          });
          expect(decidedOutcome(again)).toBe(decideOutcome(fresh).outcome);
          expect(decidedOutcome(base)).toBe(decideOutcome(base).outcome);
        });
      }),
      { numRuns: 150 },
    );
  });

  test('settle shares the states nothing overrides or puts in doubt, and a later settlement changes no earlier one', () => {
    fc.assert(
      fc.property(caseAndDateArb, movesArb, ([value, asOf], moves) => {
        forEachNotice(value, asOf, (notice, mask, truths, first) => {
          const before = statesOf(first);
          const moved = [...truths];
          for (const [at, truth] of moves) moved[at % moved.length] = truth;
          const other = settle(book, lists.notice1, mask.notice1, moved, notice.facts, notice.notice.id);
          expect(statesOf(first)).toEqual(before);
          other.states.forEach((state, i) => {
            const plain = state.overriddenBy.length === 0 && state.doubtfulExceptions.length === 0;
            const same = first.states[i]!;
            const samePlain = same.overriddenBy.length === 0 && same.doubtfulExceptions.length === 0;
            // The same plain state is the same object; any other state is an object of its own.
            if (plain && samePlain && state.truth === same.truth && state.inForce === same.inForce) expect(state).toBe(same);
            if (!plain) expect(state).not.toBe(same);
          });
        });
      }),
      { numRuns: 100 },
    );
  });
});
