import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import {
  BUNDLED_CITATIONS,
  BUNDLED_RULE_SETS,
  CaseValidationError,
  createEvaluator,
  RuleSetError,
  safeEvaluateCase,
  safeEvaluateCaseSync,
  validateRuleSet,
  type CaseIssueCode,
} from '../src/index.js';
import { asOfArb, caseAndDateArb, caseArb, MARKER, mutatedArb } from './arbitraries.js';

// Bounded in `npm test`; `npm run fuzz` sets FUZZ_RUNS much higher.
const runs = { numRuns: Number(process.env.FUZZ_RUNS ?? 200) };

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
const arrayPrototypeKeys = Object.getOwnPropertyNames(Array.prototype).sort();
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(arrayPrototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((globalThis as { __rnrPayloadRan?: unknown }).__rnrPayloadRan).toBeUndefined();
});

const CASE_ISSUE_CODES: ReadonlySet<CaseIssueCode> = new Set<CaseIssueCode>([
  'not_an_object', 'required', 'invalid_type', 'unknown_key', 'forbidden_key', 'invalid_value', 'unsupported_schema_version',
  'invalid_date', 'invalid_country', 'empty_string', 'too_few_items', 'too_many_items', 'string_too_long', 'number_out_of_range',
  'duplicate_notice_id', 'duplicate_value', 'unknown_notice_reference', 'feared_country_is_host', 'field_not_applicable',
  'deletion_fields_without_deletion', 'notice_deleted_before_issued', 'charges_dropped_before_issued', 'ccf_admissible_before_filed',
  'ccf_decided_before_filed', 'ccf_decided_before_admissible', 'ccf_pending_with_decision_date', 'detention_released_before_start',
  'extradition_same_country', 'input_too_large', 'nesting_too_deep', 'not_plain_data',
]);

/** A deep copy that keeps what structuredClone keeps (for "not mutated" checks). */
const snapshot = (value: unknown) => structuredClone(value);

/** Evaluates safely, both ways, and checks what must hold whatever the input. */
async function checkSafeEvaluation(input: unknown, asOf: string) {
  const before = snapshot(input);
  const result = await safeEvaluateCase(input, { asOf });
  expect(safeEvaluateCaseSync(input, { asOf })).toEqual(result);
  expect(input).toEqual(before);
  if (result.success) {
    expect(JSON.parse(JSON.stringify(result.evaluation))).toEqual(result.evaluation);
    return;
  }
  expect(result.error).toBeInstanceOf(CaseValidationError);
  expect(result.error.issues.length).toBeGreaterThan(0);
  for (const issue of result.error.issues) expect(CASE_ISSUE_CODES.has(issue.code)).toBe(true);
  expect(JSON.stringify(result.error.issues) + result.error.message).not.toContain(MARKER);
}

describe('fuzzing cases: safeEvaluateCase never throws, never echoes, never mutates, never pollutes', () => {
  test('arbitrary JSON', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue(), asOfArb, checkSafeEvaluation), runs);
  });

  test('arbitrary values', async () => {
    await fc.assert(fc.asyncProperty(fc.anything({ withNullPrototype: true, withObjectString: true }), asOfArb, checkSafeEvaluation), runs);
  });

  test('valid cases with fields deleted, replaced, inserted, wrapped, or __proto__ keys added', async () => {
    await fc.assert(fc.asyncProperty(mutatedArb(caseArb), asOfArb, checkSafeEvaluation), runs);
  });

  test('valid cases still evaluate (the mutations above do not only produce invalid cases)', async () => {
    await fc.assert(
      fc.asyncProperty(caseAndDateArb, async ([value, asOf]) => {
        const result = await safeEvaluateCase(value, { asOf });
        expect(result.success).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  test('a cyclic object is rejected as nested too deep, without a stack overflow', async () => {
    const cyclic: Record<string, unknown> = { schemaVersion: 1, notices: [] };
    (cyclic.notices as unknown[]).push(cyclic);
    const result = await safeEvaluateCase(cyclic);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((issue) => issue.code)).toEqual(['nesting_too_deep']);
  });

  test('numbers JSON cannot carry (NaN, Infinity) are rejected with an issue', async () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const result = await safeEvaluateCase({
        schemaVersion: 1,
        notices: [{ id: 'a', kind: 'red_notice', requestingCountry: 'TJ', offences: [{ category: 'fraud', maxPenaltyYears: bad }] }],
      });
      expect(result.success).toBe(false);
      if (!result.success) expect(result.error.issues.map((issue) => issue.path)).toEqual(['notices[0].offences[0].maxPenaltyYears']);
    }
  });
});

/** Loads a rule set; only RuleSetError may be thrown, and a set that loads must evaluate. */
function checkRuleSet(json: unknown) {
  const before = snapshot(json);
  const validation = validateRuleSet(json);
  expect(typeof validation.success).toBe('boolean');
  expect(json).toEqual(before);
  let evaluator;
  try {
    evaluator = createEvaluator({ ruleSets: [json], includeDefaults: false, citations: BUNDLED_CITATIONS });
  } catch (error) {
    expect(error).toBeInstanceOf(RuleSetError);
    expect(json).toEqual(before);
    return undefined;
  }
  expect(json).toEqual(before);
  return evaluator;
}

const bundledSetArb = fc.constantFrom(...BUNDLED_RULE_SETS);

describe('fuzzing rule sets: validateRuleSet and createEvaluator throw nothing but RuleSetError', () => {
  test('arbitrary JSON and values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything({ withNullPrototype: true })), (json) => {
        checkRuleSet(json);
      }),
      runs,
    );
  });

  test('bundled rule sets, mutated: any that loads evaluates, and both engines agree on it', async () => {
    let loaded = 0;
    await fc.assert(
      fc.asyncProperty(mutatedArb(bundledSetArb), caseAndDateArb, async (json, [value, asOf]) => {
        const evaluator = checkRuleSet(json);
        if (evaluator === undefined) return;
        loaded++;
        const compiled = evaluator.evaluateSync(value, { asOf });
        expect(await evaluator.evaluate(value, { asOf, engine: 'json-rules-engine' })).toEqual(compiled);
      }),
      runs,
    );
    // Some mutations (a changed title, a value swapped for another) leave the set loadable.
    expect(loaded).toBeGreaterThan(0);
  });

  test('the bundled rule sets load on their own, with the bundled citations', () => {
    for (const json of BUNDLED_RULE_SETS) expect(checkRuleSet(json)).toBeDefined();
  });
});
