import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as z from 'zod';
import {
  CaseValidationError,
  createEvaluator,
  ENGINES,
  LOCALES,
  OptionsError,
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
  test('accept exactly what a strict schema of the same vocabularies accepts, and resolve the same defaults', async () => {
    const { resolveOptions, TRACE_LEVELS } = await import('../src/evaluation/options.js');
    // An oracle written apart from the checker: zod's strict object over the exported vocabularies.
    const oracle = z.strictObject({
      asOf: z.iso.date().refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)).optional(),
      locale: z.enum(LOCALES).optional(),
      trace: z.enum(TRACE_LEVELS).optional(),
      engine: z.enum(ENGINES).optional(),
      questions: z.boolean().optional(),
    });
    const value = fc.oneof(fc.constantFrom(undefined, '2025-01-01', '2025-02-30', '2024-02-29', 'en', 'fr', 'full', 'fired', 'none', 'compiled', 'json-rules-engine', 7, null, true, false, 'true'), fc.anything());
    const options = fc.oneof(
      fc.record({ asOf: value, locale: value, trace: value, engine: value, questions: value }, { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom('asOf', 'locale', 'trace', 'engine', 'questions', 'when', '__proto__'), value),
      fc.anything(),
    );
    fc.assert(
      fc.property(options, (given) => {
        const resolved = resolveOptions(given, 'compiled');
        const parsed = oracle.safeParse(given ?? {});
        expect(resolved.success).toBe(parsed.success);
        if (resolved.success && parsed.success) {
          const today = new Date().toISOString().slice(0, 10);
          expect(resolved.options).toEqual({
            asOf: parsed.data.asOf ?? today,
            locale: parsed.data.locale ?? 'en',
            trace: parsed.data.trace ?? 'full',
            engine: parsed.data.engine ?? 'compiled',
            questions: parsed.data.questions ?? true,
          });
        }
        if (!resolved.success) for (const issue of resolved.issues) expect(['invalid_option', 'unknown_option']).toContain(issue.code);
      }),
      { numRuns: 2000 },
    );
  });

  test('a locale that does not exist is an options error, not "the case is not valid", and safe* do not throw', async () => {
    const input = { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] };
    const options = { asOf: '2026-01-01', locale: 'de' } as unknown as Parameters<typeof evaluateCase>[1];
    const thrown = await evaluateCase(input, options).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(OptionsError);
    expect(thrown).toBeInstanceOf(CaseValidationError);
    expect((thrown as Error).name).toBe('OptionsError');
    expect((thrown as Error).message).toMatch(/^The evaluation options are not valid \(1 issue\):/);
    expect((thrown as Error).message).not.toContain('The case is not valid');
    expect((thrown as OptionsError).issues).toEqual([
      { code: 'invalid_option', path: 'options.locale', message: 'The option locale must be one of: en, es, fr, ar.', severity: 'error', params: { option: 'locale', allowed: 'en, es, fr, ar' } },
    ]);
    for (const result of [await safeEvaluateCase(input, options), safeEvaluateCaseSync(input, options)]) {
      expect(result.success).toBe(false);
      if (!result.success) {
        expect(result.error).toBeInstanceOf(OptionsError);
        expect(result.issues).toBe(result.error.issues);
      }
    }
    const unknown = safeEvaluateCaseSync(input, { asOf: '2026-01-01', when: 'now' } as never);
    expect(unknown.success === false && unknown.issues.map((issue) => [issue.code, issue.path])).toEqual([['unknown_option', 'options.when']]);
    const invalidCase = safeEvaluateCaseSync({ schemaVersion: 1 }, { asOf: '2026-01-01' });
    expect(invalidCase.success === false && invalidCase.error.name).toBe('CaseValidationError');
    expect(invalidCase.success === false && invalidCase.error).not.toBeInstanceOf(OptionsError);
  });
});
