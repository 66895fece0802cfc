import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FACT_CATALOGUE, parseCase } from '../src/index.js';
import { deriveFacts } from '../src/facts/derive.js';

/** The valid cases of the scenario fixtures, with the dates they are judged at. */
function fixtureCases(): Array<{ value: unknown; asOf: string }> {
  const dir = new URL('./fixtures/', import.meta.url);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.fixtures.json'))
    .flatMap((name) => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as Array<{ case: unknown; asOf: string }>)
    .map((fixture) => ({ value: fixture.case, asOf: fixture.asOf }));
}

describe('the fact catalogue', () => {
  test('every derived fact of the catalogue is derived: some fixture case gives it a value', () => {
    const known = new Set<string>();
    for (const { value, asOf } of fixtureCases()) {
      const parsed = parseCase(value);
      if (!parsed.success) continue;
      for (const notice of deriveFacts(parsed.case, asOf, { misusePatterns: [] }).notices) {
        for (const [name, fact] of Object.entries(notice.facts.values)) if (fact !== undefined) known.add(name);
      }
    }
    const derived = FACT_CATALOGUE.filter((fact) => fact.source !== 'result').map((fact) => fact.name);
    expect(derived.filter((name) => !known.has(name))).toEqual([]);
  });
});
