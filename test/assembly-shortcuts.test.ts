import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseCase } from '../src/case/validate.js';
import { assemble, inForceMask } from '../src/evaluation/assemble.js';
import { loadRuleBook } from '../src/evaluation/evaluator.js';
import { settlementSteps, type Settlement } from '../src/evaluation/pipeline.js';
import { comparisonFactSize, comparisonsSize, ResultBudget, traceEntrySize } from '../src/evaluation/result-budget.js';
import { createCompiledRunner, ruleLists } from '../src/evaluation/runners.js';
import type { Subject } from '../src/evaluation/subject.js';
import { rememberedFactorLabel, rememberedRuleActionWords, wordFactorLabel, wordRuleAction } from '../src/evaluation/wording.js';
import type { TraceLevel } from '../src/evaluation/options.js';
import { LOCALES, type Locale } from '../src/locales/index.js';
import { PRIORITIES, PRIORITY_RANK } from '../src/rules/vocabulary.js';
import { resolveText } from '../src/support/localized-text.js';
import { caseAndDateArb } from './arbitraries.js';

/**
 * The assembly does once what it used to do per rule, per subject or per action: the full
 * trace's size summed per list of rules, action words remembered. These tests recompute what the
 * shortcuts stand for, the long way, and compare.
 */

const { book, misusePatterns } = loadRuleBook();
const lists = ruleLists(book);
const runner = createCompiledRunner(lists);
const context = { book, lists, ruleSets: [], misusePatterns, inForce: (asOf: string) => inForceMask(lists, asOf), actionRoles: {} };

/** The settlement of a valid case, driven with the compiled runner. */
function settlementOf(value: unknown, asOf: string): Settlement {
  const parsed = parseCase(value);
  if (!parsed.success) throw new Error('the generator made an invalid case');
  const steps = settlementSteps(context, parsed.case, asOf);
  let step = steps.next();
  while (!step.done) step = steps.next(step.value.map((request) => runner.run(request.list, request.facts, request.inForce)));
  return step.value;
}

/** What the assembly charged to the budget, all charges summed. */
function charged(settlement: Settlement, asOf: string, locale: Locale, trace: TraceLevel): number {
  let total = 0;
  const { charge } = ResultBudget.prototype;
  ResultBudget.prototype.charge = function (this: ResultBudget, characters: number) {
    total += characters;
    charge.call(this, characters);
  };
  try {
    assemble({
      book,
      derived: settlement.derived,
      locale,
      trace,
      misusePatterns,
      meta: { library: { name: 'x', version: '0' }, ruleSets: [], asOf, inputHash: '', locale, replacedRules: [] },
      mask: settlement.mask,
      caseSubject: settlement.caseSubject,
      notices: settlement.notices,
    });
  } finally {
    ResultBudget.prototype.charge = charge;
  }
  return total;
}

/** The full trace's size, entry by entry and comparison by comparison, as it was charged before it was summed per list. */
function traceSizeByEntry(settlement: Settlement, locale: Locale): number {
  const subjects: Subject[] = [settlement.caseSubject, ...settlement.notices.flatMap((notice) => notice.passes)];
  let total = 0;
  for (const subject of subjects) {
    for (const state of subject.states) {
      total += traceEntrySize(state.rule.id, state.rule.ruleSet, resolveText(state.rule.json.title, locale), subject.noticeId);
      if (!state.inForce) continue;
      total += comparisonsSize(state.rule.conditions.atoms);
      for (const atom of state.rule.conditions.atoms) total += comparisonFactSize(atom.fact, subject.facts);
    }
  }
  return total;
}

describe('the full trace charged per list of rules', () => {
  test('charges what every entry and comparison of every subject adds, in every locale', () => {
    fc.assert(
      fc.property(caseAndDateArb, fc.constantFrom(...LOCALES), ([value, asOf], locale) => {
        const settlement = settlementOf(value, asOf);
        expect(charged(settlement, asOf, locale, 'full') - charged(settlement, asOf, locale, 'none')).toBe(traceSizeByEntry(settlement, locale));
      }),
      { numRuns: 40 },
    );
  });

  test('another date with other rules in force is charged for its own rules (the sums are kept per pattern of rules in force)', () => {
    const value = { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] };
    const before = settlementOf(value, '2016-01-01');
    const after = settlementOf(value, '2026-01-01');
    expect(before.mask.notice1).not.toEqual(after.mask.notice1);
    for (const settlement of [before, after, before]) {
      expect(charged(settlement, '2026-01-01', 'en', 'full') - charged(settlement, '2026-01-01', 'en', 'none')).toBe(traceSizeByEntry(settlement, 'en'));
    }
  });
});

describe('action words remembered per text, locale and placeholder values', () => {
  const templates = book.rules.flatMap((rule) => (rule.json.action ? [rule.json.action] : []));
  const factors = book.rules.flatMap((rule) => (rule.json.factor ? [rule.json.factor] : []));

  test('are the words made afresh, for every bundled action and factor, locale and value, asked for again and again', () => {
    for (let round = 0; round < 2; round++) {
      for (const locale of LOCALES) {
        for (const country of ['TJ', 'RU', null]) {
          const params = { 'notice.requestingCountry': country, 'notice.protectionHosts': country === null ? null : [country, 'DE'] };
          const names = Object.keys(params);
          for (const template of templates) expect(rememberedRuleActionWords(template, names, params, locale)).toEqual(wordRuleAction(template, params, locale));
          for (const factor of factors) expect(rememberedFactorLabel(factor, names, params, locale)).toBe(wordFactorLabel(factor, params, locale));
        }
      }
    }
  });

  test('values that would read the same once joined are told apart', () => {
    const template = { code: 'x', priority: 'low', title: 'T', explanation: 'A: {a}; B: {b}.' } as const;
    const names = ['a', 'b'];
    const first = { a: 'x|sy', b: 'z' };
    const second = { a: 'x', b: 'sy|z' };
    const listed = { a: ['x', 'sy'], b: 'z' };
    expect(rememberedRuleActionWords(template, names, first, 'en').explanation).toBe('A: x|sy; B: z.');
    expect(rememberedRuleActionWords(template, names, second, 'en').explanation).toBe('A: x; B: sy|z.');
    expect(rememberedRuleActionWords(template, names, listed, 'en').explanation).toBe(wordRuleAction(template, listed, 'en').explanation);
    expect(rememberedRuleActionWords(template, names, { a: null, b: 'z' }, 'en').explanation).toBe('A: unknown; B: z.');
    expect(rememberedRuleActionWords(template, names, { b: 'z' }, 'en').explanation).toBe('A: {a}; B: z.');
  });
});

test('PRIORITY_RANK is each priority’s position in PRIORITIES', () => {
  expect(PRIORITIES.map((priority) => PRIORITY_RANK[priority])).toEqual(PRIORITIES.map((_, index) => index));
  expect(Object.keys(PRIORITY_RANK).sort()).toEqual([...PRIORITIES].sort());
});
