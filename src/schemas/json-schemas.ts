/**
 * JSON Schemas of the library's file formats, generated from the zod schemas, so that an
 * editor completes and checks a case or a rule set as it is typed. The files in `schemas/` are
 * these, written at build time and shipped as `red-notice-rules/schemas/<name>.schema.json`.
 *
 * A JSON Schema checks the shape of a file; the library's own validation checks more (facts,
 * operators, citations, references, chronology) — use `parseCase` and `validateRuleSet` too.
 *
 * @module
 */
import * as z from 'zod';
import { COUNTRY_CODES } from '../support/countries.js';
import { caseSchema } from '../case/schema.js';
import { citationRegistrySchema } from '../citations/registry.js';
import { interpolMembersFileSchema } from '../context/interpol-members.js';
import { misusePatternFileSchema } from '../context/misuse-patterns.js';
import { treatyPartiesFileSchema } from '../context/treaty-parties.js';
import { FACT_CATALOGUE } from '../facts/catalogue.js';
import { fixtureFileSchema } from '../fixtures/schema.js';
import { BUILT_IN_OPERATORS } from '../rules/operators.js';
import { factConditionSchema, factNameField, operatorNameField, ruleSchema, ruleSetSchema } from '../rules/schema.js';

/** The formats with a JSON Schema. */
export const JSON_SCHEMA_NAMES = ['case', 'rule-set', 'citations', 'misuse-patterns', 'interpol-members', 'treaty-parties', 'fixtures'] as const;
/** A format with a JSON Schema. */
export type JsonSchemaName = (typeof JSON_SCHEMA_NAMES)[number];

/**
 * @internal The zod schema and the title of each format. The case model is written out inline:
 * every field carries its own title and description (zod metadata), which shared definitions
 * would hide behind references.
 */
const FORMATS: Record<JsonSchemaName, { schema: z.ZodType; title: string; reused?: 'inline' | 'ref' }> = {
  case: { schema: caseSchema, title: 'red-notice-rules case (schemaVersion 1)', reused: 'inline' },
  'rule-set': { schema: ruleSetSchema, title: 'red-notice-rules rule set' },
  citations: { schema: citationRegistrySchema, title: 'red-notice-rules citation registry' },
  'misuse-patterns': { schema: misusePatternFileSchema, title: 'red-notice-rules documented patterns of misuse' },
  'interpol-members': { schema: interpolMembersFileSchema, title: 'red-notice-rules INTERPOL member countries' },
  'treaty-parties': { schema: treatyPartiesFileSchema, title: 'red-notice-rules parties to the Refugee Convention, its Protocol and the Convention against Torture' },
  fixtures: { schema: fixtureFileSchema, title: 'red-notice-rules scenario fixtures' },
};

/** @internal Whether a JSON Schema `enum` is the list of country codes. */
function isCountryEnum(values: unknown): boolean {
  return Array.isArray(values) && values.length === COUNTRY_CODES.length && values.every((value, index) => value === COUNTRY_CODES[index]);
}

/** @internal Names an editor can complete in a condition's `fact`: catalogue facts and their groups. */
function factNames(): string[] {
  const names = new Set<string>();
  for (const fact of FACT_CATALOGUE) {
    names.add(fact.name);
    names.add(fact.name.slice(0, fact.name.indexOf('.')));
  }
  return [...names].sort();
}

/** @internal The namespaces of the catalogue's facts (a rule set's own facts use others). */
function catalogueNamespaces(): string[] {
  return [...new Set(FACT_CATALOGUE.map((fact) => fact.name.slice(0, fact.name.indexOf('.'))))].sort();
}

/**
 * @internal A condition's `fact`: a fact of the catalogue (or its group), or a fact of a rule
 * set's own, `namespace.name`, in a namespace that is not the catalogue's — so that a misspelt
 * catalogue fact is caught, and a fact a rule set declares is not.
 */
function factNameSchema(): Record<string, unknown> {
  return {
    type: 'string',
    maxLength: 100,
    anyOf: [
      { enum: factNames(), description: 'A fact of the catalogue (docs/rule-sets.md), or a group of them with `path`.' },
      {
        pattern: `^(?!(?:${catalogueNamespaces().join('|')})\\.)[a-z][A-Za-z0-9]{0,63}\\.[a-z][A-Za-z0-9]{0,63}$`,
        description: 'A fact the rule set declares of its own (`namespace.name`, see `facts`).',
      },
    ],
  };
}

/**
 * @internal For each enum or enum-list fact of the catalogue: the values a comparison with it may
 * name (`value`, or each item of a list value). Country codes are referred to, not repeated.
 */
function valuesOfEnumFacts(): Array<Record<string, unknown>> {
  // Rule sets give actions codes of their own: a comparison with notice.actionCodes may name them.
  return FACT_CATALOGUE.filter((fact) => fact.values !== undefined && fact.vocabulary !== 'actionCode').map((fact) => {
    const item = fact.vocabulary === 'country' ? { $ref: '#/$defs/countryCode' } : { enum: [...fact.values!] };
    return {
      if: { properties: { fact: { const: fact.name } }, required: ['fact'] },
      then: { properties: { value: { anyOf: [item, { type: 'array', items: item }] } } },
    };
  });
}

/**
 * The JSON Schema (draft 2020-12) of one of the library's file formats.
 *
 * @example
 * ```ts
 * import { toJsonSchema } from 'red-notice-rules';
 *
 * const schema = toJsonSchema('rule-set');
 * schema.title; // 'red-notice-rules rule set'
 * ```
 */
export function toJsonSchema(name: JsonSchemaName): Record<string, unknown> {
  const format = FORMATS[name];
  const generated = z.toJSONSchema(format.schema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    reused: format.reused ?? 'ref',
    override: (context) => {
      if (context.zodSchema === factNameField) {
        for (const key of Object.keys(context.jsonSchema)) delete context.jsonSchema[key];
        Object.assign(context.jsonSchema, factNameSchema());
      }
      // The built-in operators only: an editor cannot know the operators an evaluator adds (docs/authoring-rules.md).
      if (context.zodSchema === operatorNameField) {
        delete context.jsonSchema.pattern;
        context.jsonSchema.enum = [...BUILT_IN_OPERATORS.keys()];
      }
      if (context.zodSchema === factConditionSchema) context.jsonSchema.allOf = valuesOfEnumFacts();
      // A rule cites at least one provision (the library's uncited_rule).
      if (context.zodSchema === ruleSchema) {
        const citations = (context.jsonSchema.properties as Record<string, Record<string, unknown>> | undefined)?.citations;
        if (citations !== undefined) citations.minItems = 1;
      }
      // Inline, each country field would repeat the 250 codes: they are written once, in $defs.
      if (format.reused === 'inline' && isCountryEnum(context.jsonSchema.enum)) {
        delete context.jsonSchema.enum;
        delete context.jsonSchema.type;
        context.jsonSchema.$ref = '#/$defs/countryCode';
      }
    },
  });
  // The format's title replaces the schema's own (the case model's is "Case"); its description stays.
  const { $schema, $defs, title: _title, ...rest } = generated as Record<string, unknown> & { $defs?: Record<string, unknown> };
  const countryDefs = format.reused === 'inline' || name === 'rule-set' ? { countryCode: { type: 'string', enum: [...COUNTRY_CODES], description: 'An ISO 3166-1 alpha-2 country code (or XK).' } } : {};
  const defs = { ...$defs, ...countryDefs };
  return {
    $schema,
    $id: `https://unpkg.com/red-notice-rules/schemas/${name}.schema.json`,
    title: format.title,
    ...rest,
    ...(Object.keys(defs).length > 0 ? { $defs: defs } : {}),
  };
}
