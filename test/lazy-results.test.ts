import { readdirSync, readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluateCase, evaluateCaseSync, type CaseEvaluation } from '../src/index.js';
import { parseCase } from '../src/case/validate.js';
import { contentHash } from '../src/support/hash.js';
import { defineLazy } from '../src/support/lazy.js';
import { caseAndDateArb } from './arbitraries.js';

const runs = { numRuns: 40 };
const LAZY = ['questions', 'missingFactDetails', 'trace'] as const;

/** Reads the lazy members of a result in the given order (the stamp too). */
function readAll(evaluation: CaseEvaluation, order: readonly string[]): void {
  for (const key of order) void (key === 'inputHash' ? evaluation.meta.inputHash : evaluation[key as keyof CaseEvaluation]);
}

/**
 * Pushes into every array and adds a member to every object reachable from `value`; returns what
 * undoes it (should a result still share data with the evaluator, the other test files of the
 * worker must not see the change).
 */
function vandalise(value: unknown, seen = new Set<unknown>()): () => void {
  const undo: (() => void)[] = [];
  const visit = (item: unknown) => {
    if (item === null || typeof item !== 'object' || seen.has(item)) return;
    seen.add(item);
    for (const member of Object.values(item)) visit(member);
    if (Array.isArray(item)) {
      item.push('vandalised');
      undo.push(() => item.pop());
    } else {
      (item as Record<string, unknown>).vandalised = true;
      undo.push(() => delete (item as Record<string, unknown>).vandalised);
    }
  };
  visit(value);
  return () => {
    for (const step of undo.reverse()) step();
  };
}

describe('results whose costly members are made when first read', () => {
  test('the JSON is the same bytes whatever is read first, and in the same key order, for every trace level and with or without questions', () => {
    fc.assert(
      fc.property(caseAndDateArb, fc.constantFrom('full', 'fired', 'none' as const), fc.boolean(), fc.shuffledSubarray(['inputHash', ...LAZY]), ([value, asOf], trace, questions, order) => {
        const options = { asOf, trace, questions };
        const untouched = JSON.stringify(evaluateCaseSync(value, options));
        const read = evaluateCaseSync(value, options);
        readAll(read, order);
        expect(JSON.stringify(read)).toBe(untouched);
        expect(Object.keys(read)).toEqual(Object.keys(JSON.parse(untouched) as object));
      }),
      runs,
    );
  });

  test('structuredClone (what postMessage does) and spreading give the whole result as plain data, read or not', () => {
    fc.assert(
      fc.property(caseAndDateArb, ([value, asOf]) => {
        const json = JSON.parse(JSON.stringify(evaluateCaseSync(value, { asOf }))) as unknown;
        expect(structuredClone(evaluateCaseSync(value, { asOf }))).toEqual(json);
        const spread = { ...evaluateCaseSync(value, { asOf }) };
        expect(JSON.parse(JSON.stringify(spread))).toEqual(json);
        for (const key of LAZY) expect(Object.getOwnPropertyDescriptor(spread, key)).toHaveProperty('value');
      }),
      runs,
    );
  });

  test('the stamp is that of the case as evaluated, even when the result was changed before the stamp was first read', () => {
    fc.assert(
      fc.property(caseAndDateArb, ([value, asOf]) => {
        const parsed = parseCase(value);
        expect(parsed.success).toBe(true);
        if (!parsed.success) return;
        const evaluation = evaluateCaseSync(value, { asOf });
        readAll(evaluation, LAZY);
        const { inputHash: _unread, ...rest } = Object.getOwnPropertyDescriptors(evaluation.meta);
        const seen = new Set<unknown>();
        const undoResult = vandalise(Object.fromEntries(Object.entries(evaluation).filter(([key]) => key !== 'meta')), seen);
        const undoMeta = vandalise(Object.fromEntries(Object.entries(rest).map(([key, descriptor]) => [key, descriptor.value as unknown])), seen);
        try {
          expect(evaluation.meta.inputHash).toBe(contentHash(parsed.case));
        } finally {
          undoMeta();
          undoResult();
        }
      }),
      runs,
    );
  });

  test('the asynchronous API gives the same lazy result: reading it later gives what reading it at once gives', async () => {
    const value = { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }] };
    const later = await evaluateCase(value, { asOf: '2026-01-15' });
    const [other] = await Promise.all([evaluateCase(value, { asOf: '2026-01-15' }), evaluateCase({ ...value, notices: [{ id: 'rn-2', kind: 'diffusion', requestingCountry: 'RU' }] }, { asOf: '2026-01-15' })]);
    expect(JSON.stringify(later)).toBe(JSON.stringify(other));
    expect(later.trace.length).toBeGreaterThan(0);
    expect(later.questions?.length).toBeGreaterThan(0);
  });
});

describe('defineLazy', () => {
  test('computes once, on first read, and then holds a plain data member', () => {
    let runs = 0;
    const target = defineLazy({ a: 1, b: [] as number[], c: 3 }, 'b', () => (runs++, [2]));
    expect(runs).toBe(0);
    expect(Object.keys(target)).toEqual(['a', 'b', 'c']);
    expect(target.b).toEqual([2]);
    expect(target.b).toBe(target.b);
    expect(runs).toBe(1);
    expect(Object.getOwnPropertyDescriptor(target, 'b')).toEqual({ value: [2], writable: true, enumerable: true, configurable: true });
  });

  test('an assignment before the first read replaces the value, and nothing is computed', () => {
    let runs = 0;
    const target = defineLazy({ b: [] as number[] }, 'b', () => (runs++, [2]));
    target.b = [5];
    expect(target.b).toEqual([5]);
    expect(runs).toBe(0);
  });

  test('a frozen object keeps the value it computed; Node prints the values, not getters', () => {
    let runs = 0;
    const target = Object.freeze(defineLazy({ b: [] as number[] }, 'b', () => (runs++, [2])));
    expect(target.b).toEqual([2]);
    expect(target.b).toEqual([2]);
    expect(runs).toBe(1);
    expect(inspect(defineLazy({ b: 0 }, 'b', () => 7))).toBe('{ b: 7 }');
  });
});

describe('a result belongs to its caller', () => {
  test('changing every object and array of a result, trace included, changes no later result (nothing is shared with the evaluator: rule-set stamps, replaced rules, misuse patterns, condition values)', () => {
    const directory = new URL('../examples/cases/', import.meta.url);
    const cases = readdirSync(directory).filter((name) => name.endsWith('.json')).sort().map((name) => JSON.parse(readFileSync(new URL(name, directory), 'utf8')) as unknown);
    expect(cases.length).toBeGreaterThan(5);
    const asOf = '2026-06-30';
    const before = cases.map((value) => JSON.stringify(evaluateCaseSync(value, { asOf })));
    const undo: (() => void)[] = [];
    for (const value of cases) {
      const evaluation = evaluateCaseSync(value, { asOf });
      readAll(evaluation, ['inputHash', ...LAZY]);
      undo.push(vandalise(evaluation));
    }
    try {
      expect(cases.map((value) => JSON.stringify(evaluateCaseSync(value, { asOf })))).toEqual(before);
    } finally {
      for (const step of undo.reverse()) step();
    }
  });
});
