import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createEvaluator } from '../src/index.js';
import { runFixtures, type Fixture } from '../src/testing/index.js';

const load = (file: string) => JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as Fixture[];
const evaluator = createEvaluator();

describe('runFixtures', () => {
  test('reports every difference in a readable diff', async () => {
    const [fixture] = load('refugee-resolution.fixtures.json');
    const wrong = structuredClone(fixture!);
    const notice = wrong.expect.notices!['rn-1']!;
    notice.outcome = 'retain';
    notice.actions = [...(notice.actions ?? []), 'file_ccf_request'];
    const report = await runFixtures(evaluator, [wrong]);
    expect(report.failed).toBe(1);
    expect(report.results[0]!.differences.map((difference) => difference.path)).toEqual(['notices.rn-1.outcome', 'notices.rn-1.actions']);
    expect(report.results[0]!.diff).toContain('notices.rn-1.outcome: expected "retain", got "delete"');
    expect(report.results[0]!.diff).toContain('missing ["file_ccf_request"]');
  });

  test('an invalid case is a failure unless the fixture expects it, with the issue codes', async () => {
    const base: Fixture = { name: 'bad', asOf: '2025-01-01', case: { schemaVersion: 1, notices: [] }, expect: {} };
    expect((await runFixtures(evaluator, [base])).failed).toBe(1);
    expect((await runFixtures(evaluator, [{ ...base, expect: { invalid: ['too_few_items'] } }])).passed).toBe(1);
  });

  test('a fixture that is not in the fixture format fails with its issues at their paths, not a TypeError; the others run', async () => {
    const [good] = load('refugee-resolution.fixtures.json');
    const bad = { ...structuredClone(good!), name: 'bad date', expect: { notices: { 'rn-1': { deadlines: { request_deletion: '2025-02-30' } } } } };
    const report = await runFixtures(evaluator, [good, { name: 'x' }, bad]);
    expect(report.results.map((result) => result.passed)).toEqual([true, false, false]);
    expect(report.results[1]!.issues?.map((issue) => [issue.path, issue.code])).toEqual([['[1].asOf', 'required'], ['[1].case', 'required'], ['[1].expect', 'required']]);
    expect(report.results[2]!.issues?.map((issue) => [issue.path, issue.code])).toEqual([['[2].expect.notices["rn-1"].deadlines.request_deletion', 'invalid_date']]);
    expect(report.results[2]!.diff).toContain('invalid_date');
    const notArray = await runFixtures(evaluator, { fixtures: [] });
    expect(notArray.failed).toBe(1);
    expect(notArray.results[0]!.issues?.[0]?.code).toBe('invalid_type');
  });

  test('a failing fixture names the rule that did, or did not, fire, and the fact values that decided it', async () => {
    const [fixture] = load('refugee-resolution.fixtures.json');
    const wrong = structuredClone(fixture!);
    wrong.expect.notices!['rn-1']!.actions = ['obtain_status_confirmation'];
    const report = await runFixtures(evaluator, [wrong]);
    const difference = report.results[0]!.differences.find((item) => item.path === 'notices.rn-1.actions')!;
    // request_deletion was given and not expected: the rule that gave it, and what made it fire.
    const fired = difference.because!.find((item) => item.status === 'fired')!;
    expect(fired.conditions.length).toBeGreaterThan(0);
    expect(fired.conditions.every((condition) => condition.result === 'met')).toBe(true);
    expect(report.results[0]!.diff).toMatch(/rule \S+ fired: \S+ is /);
  });

  test('the project fixtures cover every bundled rule: each fires somewhere, and every comparison is met somewhere', async () => {
    const report = await runFixtures(evaluator, [...load('refugee-resolution.fixtures.json'), ...load('routes.fixtures.json'), ...load('practitioner-advice.fixtures.json')]);
    expect(report.failed).toBe(0);
    expect(report.coverage.neverFired).toEqual([]);
    expect(report.coverage.conditionsNeverMet).toEqual([]);
    const general = report.coverage.rules.find((rule) => rule.ruleId === 'refugee.general-grounds')!;
    expect(general.statuses.overridden).toBeGreaterThan(0);
  });
});
