import { Engine } from 'json-rules-engine';
import { afterAll, describe, expect, test } from 'vitest';
import { BUNDLED_RULE_SETS, createEvaluator, RuleSetError, validateRuleSet } from '../src/index.js';
import { resolveSimplePath } from '../src/evaluation/jre-runner.js';

/**
 * Published jsonpath-plus payload shapes (json-rules-engine 7.3.1 hands a condition's `path` to
 * jsonpath-plus 10.x), with their JavaScript replaced by a harmless marker: if any of them ever
 * ran, `globalThis.__rnrPayloadRan` would be set.
 */
const CODE = 'globalThis.__rnrPayloadRan = true';
const PAYLOADS: ReadonlyArray<readonly [string, string]> = [
  ['CVE-2024-21534, script expression', `$[(this.constructor.constructor("${CODE}")())]`],
  ['CVE-2024-21534, filter expression (the advisory proof of concept)', `$..[?(p="${CODE}";a=''.constructor.constructor(p);a())]`],
  ['bypass of the 10.0 fix through @root', `$[?(var _$_root=[].constructor.constructor("${CODE}");@root())]`],
  ['CVE-2025-1302, non-string property names (bypass of the 10.2 fix)', `$..[?(p="${CODE}";a=''[['constructor']][['constructor']](p);a())]`],
  ['nested filter', `$..[?(@.status[?(@.constructor.constructor("${CODE}")())])]`],
  ['nested filter through a recursive descent', `$..notice[?(@..[?(@.constructor["constructor"]("${CODE}")())])]`],
  ['regular expression that backtracks', '$..[?(@.status.match(/^(a+)+$/))]'],
  ['string building', "$..[?(@.status + 'x'.repeat(2 ** 28))]"],
  ['unbounded recursion', '$..[?((function a(arr){a([...arr, ...arr])})([1]);)]'],
  ['prototype path', '$.__proto__.polluted'],
  ['constructor path', '$.constructor.prototype.polluted'],
];

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

/** A rule set with one rule whose first condition is `condition`; `extra` adds to the set. */
function ruleSetWith(condition: unknown, extra: Record<string, unknown> = {}) {
  return {
    id: 'hostile',
    version: '1.0.0',
    title: 'Hostile',
    rules: [
      {
        id: 'hostile.rule',
        title: 'Hostile rule',
        citations: ['const.art3'],
        scope: 'notice',
        effect: 'mandatory',
        conditions: { all: [condition] },
        action: { code: 'human_review', priority: 'low', explanation: 'Never.' },
      },
    ],
    ...extra,
  };
}

/** Where a payload can be put, the issue code it must get, and where. */
const POSITIONS: ReadonlyArray<readonly [string, (payload: string) => unknown, string, string]> = [
  ['a condition path', (payload) => ruleSetWith({ fact: 'notice', path: payload, operator: 'equal', value: 'active' }), 'path_not_simple', 'rules[0].conditions.all[0].path'],
  ['a fact name', (payload) => ruleSetWith({ fact: payload, operator: 'equal', value: 'active' }), 'fact_name_not_simple', 'rules[0].conditions.all[0].fact'],
  ['an operator name', (payload) => ruleSetWith({ fact: 'notice.status', operator: payload, value: 'active' }), 'operator_name_not_simple', 'rules[0].conditions.all[0].operator'],
  ['a fact reference as value', (payload) => ruleSetWith({ fact: 'notice.status', operator: 'equal', value: { fact: 'notice', path: payload } }), 'invalid_type', 'rules[0].conditions.all[0].value'],
  ['condition params', (payload) => ruleSetWith({ fact: 'notice.status', operator: 'equal', value: 'active', params: { path: payload } }), 'unknown_key', 'rules[0].conditions.all[0].params'],
  ['the name of a named condition', (payload) => ruleSetWith({ condition: 'safe' }, { conditions: { safe: { all: [] }, [payload]: { all: [] } } }), 'invalid_condition_name', 'conditions[*]'],
  ['a plain value', (payload) => ruleSetWith({ fact: 'notice.status', operator: 'equal', value: payload }), 'value_not_allowed', 'rules[0].conditions.all[0].value'],
];

describe('hostile rule sets: published jsonpath-plus payloads are rejected and never run', () => {
  afterAll(() => {
    expect((globalThis as { __rnrPayloadRan?: unknown }).__rnrPayloadRan).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  });

  describe.each(PAYLOADS)('%s', (_name, payload) => {
    test.each(POSITIONS)('in %s: rejected with a clear code, the payload not echoed', (_position, build, code, path) => {
      const json = build(payload);
      const result = validateRuleSet(json);
      expect(result.success).toBe(false);
      expect(result.issues.map((issue) => [issue.code, issue.path])).toContainEqual([code, path]);
      for (const issue of result.issues) expect(issue.message).not.toContain(payload);

      let thrown: unknown;
      try {
        createEvaluator({ ruleSets: [json] });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(RuleSetError);
      expect((thrown as RuleSetError).issues.map((issue) => issue.code)).toContain(code);
      expect((thrown as RuleSetError).message).not.toContain(payload);
      expect((globalThis as { __rnrPayloadRan?: unknown }).__rnrPayloadRan).toBeUndefined();
    });

    test("the path resolver given to json-rules-engine resolves it to undefined without interpreting it", () => {
      expect(resolveSimplePath({ status: 'active', constructor: { prototype: {} } }, payload)).toBeUndefined();
    });

    test('even a json-rules-engine Engine handed the payload directly (past the schema) does not run it', async () => {
      const engine = new Engine(
        [{ conditions: { all: [{ fact: 'notice', path: payload, operator: 'equal', value: 'active' }] }, event: { type: 'fired' } }],
        { allowUndefinedFacts: true, pathResolver: resolveSimplePath },
      );
      const { events } = await engine.run({ notice: { status: 'active' } });
      expect(events).toEqual([]);
      expect((globalThis as { __rnrPayloadRan?: unknown }).__rnrPayloadRan).toBeUndefined();
    });
  });

  test('keys that reach a prototype are rejected anywhere in a rule set', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const json = JSON.parse(JSON.stringify(ruleSetWith({ fact: 'notice.status', operator: 'equal', value: 'active' })).replace('"value":"active"', `"value":"active","${key}":{"path":"$..x"}`));
      const result = validateRuleSet(json);
      expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([['forbidden_key', `rules[0].conditions.all[0].${key}`]]);
    }
  });

  test('no regular-expression operator exists: a regex in a rule is an unknown operator', () => {
    const result = validateRuleSet(ruleSetWith({ fact: 'notice.status', operator: 'matches', value: '^(a+)+$' }));
    expect(result.issues.map((issue) => issue.code)).toEqual(['unknown_operator']);
  });

  test('the bundled rule sets only use simple paths, which the resolver reads as own properties', () => {
    const paths = JSON.stringify(BUNDLED_RULE_SETS).match(/"path":"[^"]*"/g) ?? [];
    for (const match of paths) expect(match).toMatch(/^"path":"\$(\.[A-Za-z][A-Za-z0-9]*)+"$/);
    expect(resolveSimplePath({ a: { b: 1 } }, '$.a.b')).toBe(1);
    expect(resolveSimplePath(Object.create({ inherited: 1 }) as object, '$.inherited')).toBeUndefined();
  });
});
