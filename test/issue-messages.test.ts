import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CATALOGUES, checkRuleSets, issueMessage, LOCALES, parseCase, RULE_SET_ISSUE_CODES, safeEvaluateCaseSync, validateRuleSet, type Issue } from '../src/index.js';
import { caseArb, mutatedArb, ruleSetArb } from './arbitraries.js';
import { minimalRule, minimalRuleSet } from './support/rule-sets.js';

/** Every issue's message is the English catalogue's, and every locale words it with nothing left unfilled. */
function expectWorded(issues: readonly Issue[]): void {
  for (const issue of issues) {
    expect(issue.message, `${issue.code} at ${issue.path}`).toBe(issueMessage(issue, 'en'));
    for (const locale of LOCALES) {
      const message = issueMessage(issue, locale);
      expect(message.length, `${locale}: ${issue.code}`).toBeGreaterThan(10);
      expect(message, `${locale}: ${issue.code}`).not.toMatch(/\{(?!factors\})[A-Za-z]+\}/);
    }
  }
}

describe('issue messages come from the catalogues', () => {
  test('every issue of a mutated case carries the English message of its code and params', () => {
    fc.assert(
      fc.property(mutatedArb(caseArb), (input) => {
        const result = parseCase(input);
        if (!result.success) expectWorded(result.issues);
      }),
      { numRuns: 300 },
    );
  });

  test('every issue of a mutated rule set (alone, and with the bundled ones) too', () => {
    fc.assert(
      fc.property(mutatedArb(ruleSetArb), (input) => {
        expectWorded(validateRuleSet(input).issues);
        expectWorded(checkRuleSets([input, input]).issues);
      }),
      { numRuns: 200 },
    );
  });

  test('the limits of a scan, options and cross-field rules are worded from their params', () => {
    const deep = parseCase({ schemaVersion: 1, notices: [{ id: 'a', kind: 'red_notice', requestingCountry: 'TJ' }], caseId: JSON.parse('['.repeat(40) + ']'.repeat(40)) });
    expect(deep.success === false && deep.issues[0]).toMatchObject({ code: 'nesting_too_deep', params: { depth: 32 } });
    expectWorded(deep.success ? [] : deep.issues);
    const options = safeEvaluateCaseSync({ schemaVersion: 1 }, { locale: 'xx', trace: 'all', when: 1 } as never);
    expectWorded(options.success ? [] : options.issues);
    const cross = parseCase({
      schemaVersion: 1,
      notices: [{ id: 'a', kind: 'red_notice', requestingCountry: 'TJ' }],
      asylum: [{ type: 'application_filed', date: '2020-01-01', country: 'DE', final: true, grounds: ['religion'], criminalGrounds: true }],
    });
    expect(cross.success === false && cross.issues.map((issue) => issue.params?.variant)).toEqual(['criminalGrounds', 'final', 'grounds']);
    expectWorded(cross.success ? [] : cross.issues);
    const sets = checkRuleSets([minimalRuleSet('one', [minimalRule('one.a')]), minimalRuleSet('one', [minimalRule('one.a')])], { includeDefaults: false });
    expect(sets.issues.map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      ['duplicate_rule_set_id', '[1].id', 'Rule set ids must be unique; rule set [0] has the same id.'],
      ['duplicate_rule_id', '[1].rules[0].id', 'Rule ids must be unique across rule sets; [0].rules[0] (a rule of the rule set one) has the same id.'],
    ]);
  });

  test('a message refers to another rule set by the name its path uses (bundled[k], or [k])', () => {
    const clash = minimalRuleSet('refugee-resolution', [minimalRule('refugee.2017.delete')]);
    const { issues } = checkRuleSets([clash]);
    expect(issues.map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      ['duplicate_rule_set_id', '[0].id', 'Rule set ids must be unique; rule set bundled[0] has the same id.'],
      ['duplicate_rule_id', '[0].rules[0].id', 'Rule ids must be unique across rule sets; bundled[0].rules[8] (a rule of the rule set refugee-resolution) has the same id.'],
    ]);
  });

  test('every locale words every rule-set issue code', () => {
    for (const locale of LOCALES) {
      const keys = Object.keys(CATALOGUES[locale].issues);
      for (const code of RULE_SET_ISSUE_CODES) expect(keys.some((key) => key === code || key.startsWith(`${code}.`)), `${locale}: ${code}`).toBe(true);
    }
  });
});
