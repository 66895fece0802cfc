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

  test('rejects a file that is not in the fixture format', async () => {
    await expect(runFixtures(evaluator, [{ name: 'x' }])).rejects.toThrow(TypeError);
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
