import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type * as z from 'zod';
import { BUNDLED_RULE_SETS, caseSchema, ruleSetSchema } from '../src/index.js';
import { compileFastParse } from '../src/support/zod-fast-parse.js';
import { caseArb, mutatedArb, typicalCaseArb } from './arbitraries.js';

/** Equal, with object keys in the same order and the same prototypes. */
function sameShape(actual: unknown, expected: unknown): void {
  if (expected === null || typeof expected !== 'object') {
    expect(Object.is(actual, expected)).toBe(true);
    return;
  }
  expect(Object.getPrototypeOf(actual)).toBe(Object.getPrototypeOf(expected));
  expect(Object.keys(actual as object)).toEqual(Object.keys(expected));
  for (const key of Object.keys(expected)) sameShape((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key]);
}

/** The fast path accepts only what zod accepts, and then gives what zod gives. */
function checkAgainstZod<T>(schema: z.ZodType<T>, fast: (input: unknown) => { data: T } | undefined, input: unknown): boolean {
  const result = fast(input);
  if (result === undefined) return false;
  const parsed = schema.safeParse(input);
  expect(parsed.success).toBe(true);
  if (parsed.success) sameShape(result.data, parsed.data);
  return true;
}

describe('the fast path of a zod schema', () => {
  const fastCase = compileFastParse(caseSchema);
  const fastRuleSet = compileFastParse(ruleSetSchema);

  test('takes every valid case, and gives what zod gives', () => {
    fc.assert(
      fc.property(fc.oneof(caseArb, typicalCaseArb), (value) => {
        expect(checkAgainstZod(caseSchema, fastCase, value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('never takes what zod rejects: changed cases, arbitrary JSON and values', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedArb(caseArb), fc.jsonValue(), fc.anything({ withNullPrototype: true })), (value) => {
        checkAgainstZod(caseSchema, fastCase, value);
      }),
      { numRuns: 2000 },
    );
  });

  test('a schema with nodes it does not compile (unions, lazy) is parsed by zod there: rule sets', () => {
    for (const json of BUNDLED_RULE_SETS) expect(checkAgainstZod(ruleSetSchema, fastRuleSet, json)).toBe(true);
    fc.assert(
      fc.property(mutatedArb(fc.constantFrom(...BUNDLED_RULE_SETS)), (value) => {
        checkAgainstZod(ruleSetSchema, fastRuleSet, value);
      }),
      { numRuns: 300 },
    );
  });

  test('edge cases: optional keys given as undefined are kept, NaN and unknown or inherited keys are not taken', () => {
    const base = { schemaVersion: 1, notices: [{ id: 'a', kind: 'red_notice', requestingCountry: 'TJ' }] };
    expect(checkAgainstZod(caseSchema, fastCase, { ...base, caseId: undefined })).toBe(true);
    expect(fastCase({ ...base, notices: [{ ...base.notices[0], offences: [{ category: 'fraud', maxPenaltyYears: Number.NaN }] }] })).toBeUndefined();
    expect(fastCase({ ...base, extra: 1 })).toBeUndefined();
    expect(fastCase(Object.assign(Object.create({ inherited: 1 }) as object, base))).toBeUndefined();
    expect(fastCase(JSON.parse('{"schemaVersion":1,"notices":[{"id":"a","kind":"red_notice","requestingCountry":"TJ","__proto__":{}}]}'))).toBeUndefined();
    expect(fastCase({ ...base, caseId: '😀'.repeat(128) })).toBeDefined(); // 128 code points, 256 UTF-16 units: zod counts code points
    expect(checkAgainstZod(caseSchema, fastCase, { ...base, caseId: '😀'.repeat(128) })).toBe(true);
  });
});
