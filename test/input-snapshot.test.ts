import { describe, expect, test } from 'vitest';
import { CASE_LIMITS, createEvaluator, parseCase, safeEvaluateCaseSync, validateRuleSet } from '../src/index.js';
import { snapshotJson } from '../src/support/json-scan.js';

/** Issue 10, fault 1: values that are not plain JSON data, read once or refused, never a crash. */

const notice = { id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' } as const;
const valid = { schemaVersion: 1, notices: [notice], asylum: [] };
const codes = (result: ReturnType<typeof safeEvaluateCaseSync>) => (result.success ? [] : result.error.issues.map((issue) => `${issue.path}:${issue.code}`));

describe('a sparse array, a lying Proxy, a getter: refused or read once, at once', () => {
  test('a sparse notices array of length 2**32-1 is input_too_large before any element is read', () => {
    const result = safeEvaluateCaseSync({ schemaVersion: 1, notices: new Array(2 ** 32 - 1) }, { asOf: '2025-01-01' });
    expect(codes(result)).toEqual([':input_too_large']);
  });

  test('a sparse array deeper in the case is refused the same way', () => {
    const result = safeEvaluateCaseSync({ ...valid, asylum: new Array(CASE_LIMITS.inputCharacters) }, { asOf: '2025-01-01' });
    expect(codes(result)).toEqual([':input_too_large']);
  });

  test('a Proxy array whose get trap reports a length of 1e12 is read as what it holds', () => {
    const lying = new Proxy([notice], { get: (target, key) => (key === 'length' ? 1e12 : Reflect.get(target, key)) });
    const result = safeEvaluateCaseSync({ schemaVersion: 1, notices: lying, asylum: [] }, { asOf: '2025-01-01' });
    expect(result.success).toBe(true);
    if (result.success) expect(result.evaluation.notices.map((item) => item.noticeId)).toEqual(['rn-1']);
  });

  test('a Proxy whose descriptor trap reports a length of 1e12 is input_too_large before any element is read', () => {
    const lying = new Proxy([notice], {
      getOwnPropertyDescriptor: (target, key) => (key === 'length' ? { value: 1e12, writable: true, enumerable: false, configurable: false } : Reflect.getOwnPropertyDescriptor(target, key)),
    });
    expect(codes(safeEvaluateCaseSync({ schemaVersion: 1, notices: lying }, { asOf: '2025-01-01' }))).toEqual([':input_too_large']);
  });

  test('a Proxy object that lists a million keys is input_too_large before any is read', () => {
    let reads = 0;
    const keys = Array.from({ length: 1_000_000 }, (_, index) => `k${index}`);
    const many = new Proxy({}, {
      ownKeys: () => keys,
      getOwnPropertyDescriptor: () => {
        reads += 1;
        return { value: 1, enumerable: true, configurable: true, writable: true };
      },
    });
    expect(codes(safeEvaluateCaseSync({ ...valid, person: many }, { asOf: '2025-01-01' }))).toEqual([':input_too_large']);
    expect(reads).toBe(0);
  });

  test('a getter that returns a cycle on its third read is refused without being called (no RangeError)', () => {
    let reads = 0;
    const cyclic: Record<string, unknown> = { schemaVersion: 1, asylum: [] };
    Object.defineProperty(cyclic, 'notices', {
      enumerable: true,
      get: () => {
        reads += 1;
        return reads >= 3 ? [cyclic] : [notice];
      },
    });
    const result = safeEvaluateCaseSync(cyclic, { asOf: '2025-01-01' });
    expect(codes(result)).toEqual(['notices:not_plain_data']);
    expect(reads).toBe(0);
    expect(() => JSON.stringify(result)).not.toThrow();
  });

  test('a Proxy whose get trap changes its answer is read once: the evaluation and its fingerprint agree with what was validated', () => {
    let reads = 0;
    const shifting = new Proxy(
      { id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' },
      { getOwnPropertyDescriptor: (target, key) => ({ ...Reflect.getOwnPropertyDescriptor(target, key)!, ...(key === 'requestingCountry' ? { value: ++reads > 1 ? 'ZZ' : 'TJ' } : {}) }) },
    );
    const result = safeEvaluateCaseSync({ schemaVersion: 1, notices: [shifting], asylum: [] }, { asOf: '2025-01-01' });
    expect(reads).toBe(1);
    expect(result.success).toBe(true);
    const plain = safeEvaluateCaseSync({ schemaVersion: 1, notices: [{ ...notice }], asylum: [] }, { asOf: '2025-01-01' });
    expect(JSON.stringify(result)).toBe(JSON.stringify(plain));
  });

  test('class instances, dates, maps, functions and symbols are not_plain_data, located, without their value', () => {
    class Notice {
      id = 'Jane Doe';
      kind = 'red_notice';
      requestingCountry = 'TJ';
    }
    const result = parseCase({ schemaVersion: 1, caseId: Symbol('Jane Doe'), notices: [new Notice(), { ...notice, issuedOn: new Date() }], person: new Map(), detention: [() => 'Jane Doe'] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((issue) => `${issue.path}:${issue.code}`)).toEqual([
      'caseId:not_plain_data',
      'detention[0]:not_plain_data',
      'notices[0]:not_plain_data',
      'notices[1].issuedOn:not_plain_data',
      'person:not_plain_data',
    ]);
    expect(JSON.stringify(result.issues)).not.toContain('Jane');
  });

  test('a revoked Proxy and a throwing trap are not_plain_data, not an exception', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const throwing = new Proxy({}, { ownKeys: () => { throw new Error('Jane Doe'); } });
    expect(codes(safeEvaluateCaseSync({ ...valid, person: proxy }, { asOf: '2025-01-01' }))).toEqual(['person:not_plain_data']);
    expect(codes(safeEvaluateCaseSync({ ...valid, article3: throwing }, { asOf: '2025-01-01' }))).toEqual(['article3:not_plain_data']);
  });

  test('objects without a prototype, and from JSON.parse, are plain data; the snapshot is a copy', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, valid);
    expect(parseCase(bare).success).toBe(true);
    const input = JSON.parse(JSON.stringify(valid)) as typeof valid;
    const scanned = snapshotJson(input, { characters: 1e6, depth: 32 });
    expect(scanned.success).toBe(true);
    if (scanned.success) {
      expect(scanned.value).not.toBe(input);
      expect(JSON.stringify(scanned.value)).toBe(JSON.stringify(input));
    }
  });

  test('the copies of objects reach no prototype: no key of Object.prototype is in them', () => {
    const scanned = snapshotJson({ notices: [{ id: 'rn-1' }] }, { characters: 1e6, depth: 32 });
    expect(scanned.success).toBe(true);
    if (!scanned.success) return;
    const copy = scanned.value as Record<string, unknown>;
    const notice = (copy.notices as Record<string, unknown>[])[0]!;
    for (const object of [copy, notice]) {
      expect('toString' in object).toBe(false);
      expect('hasOwnProperty' in object).toBe(false);
    }
    expect(Object.keys(notice)).toEqual(['id']);
  });

  test('rule sets, citations and misuse-pattern files are read the same way', () => {
    expect(validateRuleSet({ id: 'x', version: '1.0.0', title: 'x', rules: new Array(2 ** 32 - 1) }).issues.map((issue) => issue.code)).toEqual(['input_too_large']);
    const getter = Object.defineProperty({}, 'instrument', { enumerable: true, get: () => 'x' });
    expect(() => createEvaluator({ citations: { 'mine.one': getter } })).toThrow(expect.objectContaining({ name: 'RuleSetError', issues: [expect.objectContaining({ code: 'not_plain_data' })] }));
    expect(() => createEvaluator({ misusePatterns: [{ patterns: new Array(2 ** 32 - 1) }] })).toThrow(expect.objectContaining({ name: 'RuleSetError', issues: [expect.objectContaining({ code: 'input_too_large', path: 'misusePatterns[1]' })] }));
  });
});
