import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  CaseValidationError,
  createEvaluator,
  evaluateCase,
  evaluateCaseSync,
  safeEvaluateCase,
  safeEvaluateCaseSync,
} from '../src/index.js';
import { caseAndDateArb } from './arbitraries.js';

const valid = { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] };

describe('the synchronous API', () => {
  test('evaluateCaseSync gives the same JSON as evaluateCase, for every trace level', async () => {
    await fc.assert(
      fc.asyncProperty(caseAndDateArb, fc.constantFrom('full', 'fired', 'none' as const), async ([value, asOf], trace) => {
        const options = { asOf, trace };
        expect(JSON.stringify(evaluateCaseSync(value, options))).toBe(JSON.stringify(await evaluateCase(value, options)));
      }),
      { numRuns: 200 },
    );
  });

  test('evaluateCaseSync throws CaseValidationError for a bad case or bad options, like evaluateCase', () => {
    expect(() => evaluateCaseSync({ schemaVersion: 1 })).toThrow(CaseValidationError);
    expect(() => evaluateCaseSync(valid, { asOf: '2025-02-30' })).toThrow(CaseValidationError);
  });

  test('safeEvaluateCaseSync returns what safeEvaluateCase resolves to', async () => {
    for (const input of [valid, { schemaVersion: 1 }, null, [valid]]) {
      expect(safeEvaluateCaseSync(input, { asOf: '2025-01-01' })).toEqual(await safeEvaluateCase(input, { asOf: '2025-01-01' }));
    }
  });

  test('asking json-rules-engine for a synchronous evaluation is a programmer error: TypeError', () => {
    expect(() => evaluateCaseSync(valid, { engine: 'json-rules-engine' })).toThrow(TypeError);
    expect(() => safeEvaluateCaseSync(valid, { engine: 'json-rules-engine' })).toThrow(TypeError);
    const reference = createEvaluator({ engine: 'json-rules-engine' });
    expect(() => reference.evaluateSync(valid)).toThrow(TypeError);
    expect(() => reference.evaluateSync(valid, { engine: 'compiled', asOf: '2025-01-01' })).not.toThrow();
  });

  test('the compiled engine is the default, and json-rules-engine stays available', async () => {
    const evaluator = createEvaluator();
    const options = { asOf: '2025-01-01' };
    expect(await evaluator.evaluate(valid, { ...options, engine: 'json-rules-engine' })).toEqual(evaluator.evaluateSync(valid, options));
  });
});

describe('evaluation options', () => {
  test('options checked without the schema resolve exactly as the schema resolves them', async () => {
    const { resolveOptions, optionsSchema } = await import('../src/evaluation/options.js');
    const value = fc.oneof(fc.constantFrom(undefined, '2025-01-01', '2025-02-30', 'en', 'fr', 'full', 'fired', 'none', 'compiled', 'json-rules-engine', 7, null), fc.anything());
    const options = fc.oneof(
      fc.record({ asOf: value, locale: value, trace: value, engine: value }, { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom('asOf', 'locale', 'trace', 'engine', 'when', '__proto__'), value),
      fc.anything(),
    );
    fc.assert(
      fc.property(options, (given) => {
        const resolved = resolveOptions(given, 'compiled');
        const parsed = optionsSchema.safeParse(given ?? {});
        expect(resolved.success).toBe(parsed.success);
        if (resolved.success && parsed.success) {
          const today = new Date().toISOString().slice(0, 10);
          expect(resolved.options).toEqual({ asOf: parsed.data.asOf ?? today, locale: parsed.data.locale ?? 'en', trace: parsed.data.trace ?? 'full', engine: parsed.data.engine ?? 'compiled' });
        }
      }),
      { numRuns: 2000 },
    );
  });
});
