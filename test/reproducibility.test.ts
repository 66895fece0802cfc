import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BUNDLED_RULE_SETS, createEvaluator, evaluateCaseSync, safeEvaluateCaseSync } from '../src/index.js';
import { contentHash } from '../src/support/hash.js';

/** The fenced blocks of a language in a Markdown file. */
function blocks(file: string, language: string): string[] {
  const text = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
  return [...text.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!.trim());
}

describe('the reproducibility stamp', () => {
  test('docs/reproducibility.md: the worked example gives the canonical text and the stamp it states', () => {
    const [caseJson] = blocks('docs/reproducibility.md', 'json');
    const [canonical, stamp] = blocks('docs/reproducibility.md', 'text');
    const input = JSON.parse(caseJson!) as unknown;
    // Recomputed apart from the library: Node's SHA-256 of the canonical text the document shows.
    expect(`sha256:${createHash('sha256').update(canonical!, 'utf8').digest('hex')}`).toBe(stamp);
    expect(JSON.parse(canonical!)).toEqual(input);
    expect(evaluateCaseSync(input, { asOf: '2026-01-15' }).meta.inputHash).toBe(stamp);
    const [shell] = blocks('docs/reproducibility.md', 'sh');
    expect(shell).toContain(canonical);
  });

  test('two cases with different outcomes never share an input hash: a case with inherited fields is refused, not stamped as another', () => {
    const notices = [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }];
    const grant = [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }];
    // The same own members; one inherits an asylum history. The schema would have read it, the
    // old stamp did not: two cases with different outcomes shared a stamp. Now a case is read once
    // into plain data, and one that is not plain data (a prototype other than Object's) is refused.
    const plain = { schemaVersion: 1, notices };
    const inheriting = Object.assign(Object.create({ asylum: grant }) as object, { schemaVersion: 1, notices });
    const evaluated = evaluateCaseSync(plain, { asOf: '2026-01-15' });
    const refused = safeEvaluateCaseSync(inheriting, { asOf: '2026-01-15' });
    expect(refused.success).toBe(false);
    if (!refused.success) expect(refused.issues.map((issue) => [issue.path, issue.code])).toEqual([['', 'not_plain_data']]);
    // The stamp is that of the case as evaluated: with the history written out, a different case, a different stamp.
    const withHistory = evaluateCaseSync({ schemaVersion: 1, notices, asylum: grant }, { asOf: '2026-01-15' });
    expect(withHistory.notices[0]!.outcome).not.toBe(evaluated.notices[0]!.outcome);
    expect(withHistory.meta.inputHash).not.toBe(evaluated.meta.inputHash);
  });

  test('the order of members and whitespace do not change a stamp', () => {
    const input = { schemaVersion: 1, asylum: [], notices: [{ requestingCountry: 'TJ', kind: 'red_notice', id: 'rn-1' }] };
    const reordered = JSON.parse(JSON.stringify({ notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [], schemaVersion: 1 }, null, 4)) as unknown;
    expect(evaluateCaseSync(input, { asOf: '2026-01-15' }).meta.inputHash).toBe(evaluateCaseSync(reordered, { asOf: '2026-01-15' }).meta.inputHash);
  });

  test('each rule set is stamped by the same recipe', () => {
    const stamps = new Map(createEvaluator().ruleSets.map((stamp) => [stamp.id, stamp.hash]));
    for (const ruleSet of BUNDLED_RULE_SETS as Array<{ id: string }>) expect(stamps.get(ruleSet.id)).toBe(contentHash(ruleSet));
  });
});
