import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { VOCABULARIES, toJsonSchema } from '../src/index.js';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')) as unknown;

describe('JSON Schemas', () => {
  test.each(VOCABULARIES.jsonSchemaName)('schemas/%s.schema.json is what the zod schemas generate (run `npm run build` after changing them)', (name) => {
    expect(read(`schemas/${name}.schema.json`)).toEqual(toJsonSchema(name));
  });

  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
  const validators = Object.fromEntries(VOCABULARIES.jsonSchemaName.map((name) => [name, ajv.compile(toJsonSchema(name))]));

  test('every bundled rule set, the registry, the misuse data and the reference data validate against their schema, and name it in $schema', () => {
    const ruleSet = validators['rule-set']!;
    const dataFiles = ['citations.json', 'misuse-patterns.json', 'interpol-members.json', 'treaty-parties.json'];
    const ruleFiles = readdirSync(new URL('../rules/', import.meta.url)).filter((file) => !dataFiles.includes(file));
    expect(ruleFiles.length).toBeGreaterThan(5);
    for (const file of ruleFiles) {
      const json = read(`rules/${file}`) as { $schema: string };
      expect(json.$schema).toBe('../schemas/rule-set.schema.json');
      expect(ruleSet(json), `${file}: ${JSON.stringify(ruleSet.errors)}`).toBe(true);
    }
    for (const name of ['citations', 'misuse-patterns', 'interpol-members', 'treaty-parties'] as const) {
      const validate = validators[name]!;
      const json = read(`rules/${name}.json`) as { $schema: string };
      expect(json.$schema).toBe(`../schemas/${name}.schema.json`);
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  test('what an editor catches in a rule set: an unknown operator, a misspelt catalogue fact, a rule without citations, a value outside an enum fact\'s values', () => {
    const validate = validators['rule-set']!;
    const condition = (fact: string, operator: string, value: unknown) => ({ all: [{ fact, operator, value }] });
    const ruleSet = (conditions: unknown, citations: string[] = ['const.art3']) => ({
      id: 'x',
      version: '1.0.0',
      title: 'x',
      rules: [{ id: 'x.y', title: 'x', citations, scope: 'notice', effect: 'mandatory', conditions, outcome: 'retain' }],
    });
    const ok = (set: unknown) => expect(validate(set), JSON.stringify(validate.errors)).toBe(true);
    ok(ruleSet(condition('notice.kind', 'equal', 'diffusion')));
    ok(ruleSet(condition('notice.requestingCountry', 'in', ['RU', 'TR'])));
    ok(ruleSet(condition('notice.nonRefoulementBases', 'contains', 'cat')));
    // A fact of the rule set's own, and an action code of its own, are not the editor's to judge.
    ok(ruleSet(condition('firm.hostNcbInformed', 'equal', 'no')));
    ok(ruleSet(condition('notice.actionCodes', 'contains', 'inform_host_ncb')));
    expect(validate(ruleSet(condition('notice.kind', 'equals', 'diffusion')))).toBe(false);
    expect(validate(ruleSet(condition('notice.kindd', 'equal', 'diffusion')))).toBe(false);
    expect(validate(ruleSet(condition('notice.kind', 'equal', 'difusion')))).toBe(false);
    expect(validate(ruleSet(condition('notice.requestingCountry', 'in', ['RU', 'XX'])))).toBe(false);
    expect(validate(ruleSet(condition('notice.treatyStatusUnknown', 'equal', 'true')))).toBe(false);
    expect(validate(ruleSet(condition('notice.kind', 'equal', 'diffusion'), []))).toBe(false);
  });

  test('the rule sets and fixtures of examples/authoring validate against their schemas', () => {
    for (const file of readdirSync(new URL('../examples/authoring/', import.meta.url))) {
      const json = read(`examples/authoring/${file}`);
      const name = file.endsWith('.fixtures.json') ? 'fixtures' : file.endsWith('citations.json') ? 'citations' : 'rule-set';
      expect(validators[name]!(json), `${file}: ${JSON.stringify(validators[name]!.errors)}`).toBe(true);
    }
  });

  test('the example cases and the fixtures validate against their schemas', () => {
    const caseSchema = validators.case!;
    for (const file of readdirSync(new URL('../examples/cases/', import.meta.url))) {
      expect(caseSchema(read(`examples/cases/${file}`)), `${file}: ${JSON.stringify(caseSchema.errors)}`).toBe(true);
    }
    const fixtures = validators.fixtures!;
    for (const file of readdirSync(new URL('fixtures/', import.meta.url))) {
      expect(fixtures(read(`test/fixtures/${file}`)), `${file}: ${JSON.stringify(fixtures.errors)}`).toBe(true);
    }
  });

  test('the JSON Schema rejects what the library rejects: a JSONPath filter in a path, an unknown key', () => {
    const validate = validators['rule-set']!;
    const bad = {
      id: 'x',
      version: '1.0.0',
      title: 'x',
      rules: [
        {
          id: 'x.y',
          title: 'x',
          citations: ['const.art3'],
          scope: 'notice',
          effect: 'mandatory',
          conditions: { all: [{ fact: 'notice', path: '$..[?(@.x)]', operator: 'equal', value: 1 }] },
          outcome: 'retain',
        },
      ],
    };
    expect(validate(bad)).toBe(false);
    const rule = { ...bad.rules[0]!, conditions: { all: [{ fact: 'notice', path: '$.status', operator: 'equal', value: 'active' }] } };
    expect(validate({ ...bad, rules: [rule] }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...bad, rules: [{ ...rule, surprise: true }] })).toBe(false);
  });
});
