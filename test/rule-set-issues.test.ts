import { describe, expect, test } from 'vitest';
import { checkRuleSets, createEvaluator, RULE_SET_ISSUE_CODES, RuleSetError, validateRuleSet, type Issue, type OperatorDefinition, type RuleSetIssueCode } from '../src/index.js';
import { minimalRule, minimalRuleSet } from './support/rule-sets.js';

/** A valid notice rule, changed by `patch`. */
const rule = (patch: Record<string, unknown> = {}) => minimalRule('mine.rule', patch);

/** A valid rule set with these rules, changed by `patch`. */
const set = (rules: Array<Record<string, unknown>> = [rule()], patch: Record<string, unknown> = {}) => minimalRuleSet('mine', rules, patch);

/** A copy of an object without one key (JSON has no `undefined`). */
function without(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _removed, ...rest } = value;
  return rest;
}

const validate = (json: unknown) => validateRuleSet(json).issues;
const check = (sets: unknown[]) => checkRuleSets(sets, { includeDefaults: false }).issues;
const load = (options: Parameters<typeof createEvaluator>[0]): readonly Issue[] => {
  try {
    createEvaluator(options);
  } catch (error) {
    if (error instanceof RuleSetError) return error.issues;
    throw error;
  }
  return [];
};
const deep = (levels: number): unknown => (levels === 0 ? 1 : { all: [deep(levels - 1)] });
const withFact = (fact: Record<string, unknown>) => rule({ conditions: { all: [{ fact: 'notice.kind', operator: 'equal', value: 'diffusion', ...fact }] } });
const citation = { instrument: 'I', provision: 'P', summary: 'S', verification: 'unverified' };
const pattern = { id: 'p', countries: ['TJ'], documented: 'd', by: 'b', published: '2020', url: 'https://example.org/', sourceType: 'news', verification: 'secondary' };
const patterns = (items: unknown[]) => ({ id: 'mine-patterns', version: '1.0.0', title: 'Mine', patterns: items });
const operator = (patch: Record<string, unknown>) => ({ name: 'myOp', factTypes: ['enum'], valueKind: 'scalar', test: () => true, ...patch }) as unknown as OperatorDefinition;

/** Codes that are warnings: the rule set still loads. */
const WARNING_CODES: ReadonlySet<RuleSetIssueCode> = new Set(['unknown_language_tag']);

const cases: Array<[RuleSetIssueCode, () => readonly Issue[], string]> = [
  ['not_an_object', () => validate([]), ''],
  ['forbidden_key', () => validate(JSON.parse('{"id":"mine","version":"1.0.0","title":"t","rules":[],"__proto__":{}}')), '__proto__'],
  ['input_too_large', () => validate(set([rule({ description: 'x'.repeat(5_100_000) })])), ''],
  ['nesting_too_deep', () => validate(set([rule({ conditions: deep(60) })])), 'rules[0].conditions' + '.all[0]'.repeat(18) + '.all'],
  ['not_plain_data', () => validate(set([rule({ effective: { from: new Date(0) } })])), 'rules[0].effective.from'],
  ['required', () => validate(set([without(rule(), 'title')])), 'rules[0].title'],
  ['invalid_type', () => validate(set([rule({ citations: 'const.art3' })])), 'rules[0].citations'],
  ['unknown_key', () => validate(set([rule({ salience: 3 })])), 'rules[0].salience'],
  ['invalid_value', () => validate(set([rule({ effect: 'optional' })])), 'rules[0].effect'],
  ['empty_string', () => validate(set([], { title: '' })), 'title'],
  ['too_few_items', () => validate(set([])), 'rules'],
  ['too_many_items', () => validate(set([rule({ citations: Array.from({ length: 51 }, () => 'const.art3') })])), 'rules[0].citations'],
  ['string_too_long', () => validate(set([rule({ title: 't'.repeat(4001) })])), 'rules[0].title'],
  ['number_out_of_range', () => validate(set([rule({ action: { code: 'x_y', title: 't', priority: 'low', explanation: 'e', deadline: { from: 'notice.ccfDecisionDueOn', months: 500, basis: 'b', citation: 'const.art3' } } })])), 'rules[0].action.deadline.months'],
  ['invalid_date', () => validate(set([rule({ effective: { from: '2025-02-30' } })])), 'rules[0].effective.from'],
  ['invalid_identifier', () => validate(set([rule({ id: 'Mine Rule' })])), 'rules[0].id'],
  ['invalid_version', () => validate(set([rule()], { version: 'one' })), 'version'],
  ['invalid_action_code', () => validate(set([rule({ action: { code: 'Human Review', priority: 'low', explanation: 'e' } })])), 'rules[0].action.code'],
  ['invalid_condition_name', () => validate(set([rule({ conditions: { condition: 'not-camel' } })])), 'rules[0].conditions.condition'],
  ['fact_name_not_simple', () => validate(set([withFact({ fact: 'notice[0]' })])), 'rules[0].conditions.all[0].fact'],
  ['path_not_simple', () => validate(set([withFact({ fact: 'notice', path: '$..kind' })])), 'rules[0].conditions.all[0].path'],
  ['operator_name_not_simple', () => validate(set([withFact({ operator: 'everyFact:equal' })])), 'rules[0].conditions.all[0].operator'],
  ['invalid_publication_date', () => load({ misusePatterns: [patterns([{ ...pattern, published: '2020-13' }])] }), 'misusePatterns[1].patterns[0].published'],
  ['duplicate_rule_id', () => validate(set([rule(), rule()])), 'rules[1].id'],
  ['effective_range_inverted', () => validate(set([rule({ effective: { from: '2020-01-02', to: '2020-01-01' } })])), 'rules[0].effective.to'],
  ['uncited_rule', () => validate(set([rule({ citations: [] })])), 'rules[0].citations'],
  ['unknown_citation', () => validate(set([rule({ citations: ['nowhere.1'] })])), 'rules[0].citations[0]'],
  ['factor_rule_without_factor', () => validate(set([rule({ effect: 'factor', action: undefined })])), 'rules[0]'],
  ['factor_rule_with_output', () => validate(set([rule({ effect: 'factor', factor: { id: 'f', label: 'l', action: 'challenge_article_3' } })])), 'rules[0].action'],
  ['factor_without_factor_effect', () => validate(set([rule({ factor: { id: 'f', label: 'l', action: 'challenge_article_3' } })])), 'rules[0].factor'],
  ['rule_has_no_effect', () => validate(set([rule({ action: undefined })])), 'rules[0]'],
  ['outcome_outside_notice_scope', () => validate(set([rule({ scope: 'case', conditions: { all: [] }, outcome: 'retain' })])), 'rules[0].outcome'],
  ['outcome_from_result_facts', () => validate(set([rule({ conditions: { all: [{ fact: 'notice.outcome', operator: 'equal', value: 'delete' }] }, outcome: 'retain' })])), 'rules[0].outcome'],
  ['exception_to_self', () => validate(set([rule({ exceptionTo: ['mine.rule'] })])), 'rules[0].exceptionTo'],
  ['action_title_required', () => validate(set([rule({ action: { code: 'send_letter', priority: 'low', explanation: 'e' } })])), 'rules[0].action.title'],
  ['unknown_fact', () => validate(set([withFact({ fact: 'notice.colour' })])), 'rules[0].conditions.all[0].fact'],
  ['deadline_fact_not_a_date', () => validate(set([rule({ action: { code: 'human_review', priority: 'low', explanation: 'e', deadline: { from: 'notice.kind', basis: 'b', citation: 'const.art3' } } })])), 'rules[0].action.deadline.from'],
  ['fact_out_of_scope', () => validate(set([rule({ scope: 'case' })])), 'rules[0].conditions.all[0].fact'],
  ['unknown_placeholder', () => validate(set([rule({ action: { code: 'human_review', priority: 'low', explanation: 'About {notice.colour}.' } })])), 'rules[0].action.explanation'],
  ['condition_reference_cycle', () => validate(set([rule({ conditions: { condition: 'a' } })], { conditions: { a: { all: [{ condition: 'a' }] } } })), 'conditions.a'],
  ['unknown_condition_reference', () => validate(set([rule({ conditions: { condition: 'missing' } })])), 'rules[0].conditions.condition'],
  ['unknown_operator', () => validate(set([withFact({ operator: 'resembles' })])), 'rules[0].conditions.all[0].operator'],
  ['operator_not_for_fact', () => validate(set([withFact({ operator: 'lessThan', value: 3 })])), 'rules[0].conditions.all[0].operator'],
  ['value_not_allowed', () => validate(set([withFact({ value: 'yellow_notice' })])), 'rules[0].conditions.all[0].value'],
  ['rule_set_too_large', () => validate(set([rule({ conditions: { condition: 'c0' } })], { conditions: Object.fromEntries([...Array.from({ length: 20 }, (_, i) => [`c${i}`, { all: [{ condition: `c${i + 1}` }, { condition: `c${i + 1}` }] }]), ['c20', { all: [{ fact: 'notice.kind', operator: 'equal', value: 'diffusion' }] }]]) })), 'rules[0].conditions'],
  ['invalid_fact_name', () => validate(set([rule()], { namespace: 'Firm' })), 'namespace'],
  ['invalid_fact_declaration', () => validate(set([rule()], { namespace: 'firm', facts: { channel: { scope: 'case', type: 'enum' } } })), 'facts.channel.values'],
  ['invalid_language_tag', () => validate(set([rule({ title: { en: 'A rule', fr_FR: 'Une règle' } })])), 'rules[0].title.fr_FR'],
  ['unknown_language_tag', () => validate(set([rule({ title: { en: 'A rule', xx: 'A rule' } })])), 'rules[0].title.xx'],
  ['duplicate_namespace', () => check([set([rule()], { namespace: 'firm', facts: { informed: { scope: 'notice', type: 'boolean' } } }), set([rule({ id: 'other.rule' })], { id: 'other', namespace: 'firm', facts: { sent: { scope: 'notice', type: 'boolean' } } })]), '[1].namespace'],
  [
    'citations_fact_not_enumerable',
    () => validate(set([rule({ action: { code: 'human_review', priority: 'normal', explanation: 'e', citationsByValue: [{ fact: 'notice.ccfDecisionDueOn', citations: { '2025-01-01': ['const.art3'] } }] } })])),
    'rules[0].action.citationsByValue[0].fact',
  ],
  ['duplicate_rule_set_id', () => check([set([rule()]), set([rule({ id: 'mine.other' })])]), '[1].id'],
  ['duplicate_factor_action', () => check([set([rule()], { factorActions: { my_action: { priority: 'low', title: 't', explanation: 'e', citations: ['const.art3'] } } }), set([rule({ id: 'mine.other' })], { id: 'other', factorActions: { my_action: { priority: 'low', title: 't', explanation: 'e', citations: ['const.art3'] } } })]), '[1].factorActions.my_action'],
  ['unknown_factor_action', () => check([set([rule({ effect: 'factor', action: undefined, factor: { id: 'f', label: 'l', action: 'weigh_it' } })])]), '[0].rules[0].factor.action'],
  ['unknown_exception_target', () => check([set([rule({ exceptionTo: ['nobody'] })])]), '[0].rules[0].exceptionTo[0]'],
  ['exception_scope_mismatch', () => check([set([rule(), rule({ id: 'mine.case', scope: 'case', conditions: { all: [] }, exceptionTo: ['mine.rule'] })])]), '[0].rules[1].exceptionTo[0]'],
  ['exception_across_passes', () => check([set([rule(), rule({ id: 'mine.second', conditions: { all: [{ fact: 'notice.outcome', operator: 'equal', value: 'delete' }] }, exceptionTo: ['mine.rule'] })])]), '[0].rules[1].exceptionTo[0]'],
  ['exception_cycle', () => check([set([rule({ exceptionTo: ['mine.other'] }), rule({ id: 'mine.other', exceptionTo: ['mine.rule'] })])]), '[0].rules[1].exceptionTo'],
  ['unknown_replacement_target', () => check([set([rule({ replaces: 'nobody' })])]), '[0].rules[0].replaces'],
  ['replacement_in_same_set', () => check([set([rule(), rule({ id: 'mine.other', replaces: 'mine.rule' })])]), '[0].rules[1].replaces'],
  ['replacement_scope_mismatch', () => check([set([rule()]), set([rule({ id: 'other.rule', scope: 'case', conditions: { all: [] }, replaces: 'mine.rule' })], { id: 'other' })]), '[1].rules[0].replaces'],
  ['duplicate_replacement', () => check([set([rule()]), set([rule({ id: 'other.a', replaces: 'mine.rule' }), rule({ id: 'other.b', replaces: 'mine.rule' })], { id: 'other' })]), '[1].rules[1].replaces'],
  ['replacement_cycle', () => check([set([rule({ replaces: 'other.rule' })]), set([rule({ id: 'other.rule', replaces: 'mine.rule' })], { id: 'other' })]), '[0].rules[0].id'],
  ['duplicate_citation_id', () => load({ citations: { 'const.art3': citation } }), 'citations["const.art3"]'],
  ['duplicate_pattern_id', () => load({ includeDefaults: false, misusePatterns: [patterns([pattern, pattern])] }), 'misusePatterns[0].patterns[1].id'],
  ['operator_name_taken', () => load({ operators: [operator({ name: 'equal' })] }), 'operators[0].name'],
  ['invalid_operator_signature', () => load({ operators: [operator({ factTypes: ['text'] })] }), 'operators[0].factTypes'],
];

describe('rule-set issues: one minimal bad input per issue code', () => {
  test.each(cases)('%s', (code, issuesOf, path) => {
    const issues = issuesOf();
    const found = issues.find((issue) => issue.code === code);
    expect(found, `codes: ${issues.map((issue) => issue.code).join(', ')}`).toBeDefined();
    expect(found!.path).toBe(path);
    expect(found!.message.length).toBeGreaterThan(10);
    expect(found!.severity).toBe(WARNING_CODES.has(code) ? 'warning' : 'error');
  });

  test('a key that breaks a naming rule gets the code of that rule, at the key', () => {
    const issues = validate(set([rule()], { conditions: { 'not-camel': { all: [] } }, factorActions: { Challenge: { title: 'T', explanation: 'E', citations: ['const.art3'] } } }));
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual(
      expect.arrayContaining([
        ['invalid_condition_name', 'conditions["not-camel"]'],
        ['invalid_action_code', 'factorActions.Challenge'],
      ]),
    );
    const citations = load({ citations: { 'Bad Id': { title: 'T' } } });
    expect(citations.map((issue) => [issue.code, issue.path])).toContainEqual(['invalid_identifier', 'citations[*]']);
  });

  test('every documented code has its test, and no other code appears', () => {
    expect(cases.map(([code]) => code).sort()).toEqual([...RULE_SET_ISSUE_CODES].sort());
  });
});
