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
import { caseSchema } from '../case/schema.js';
import { citationRegistrySchema } from '../citations/registry.js';
import { misusePatternFileSchema } from '../context/misuse-patterns.js';
import { FACT_CATALOGUE } from '../facts/catalogue.js';
import { fixtureFileSchema } from '../fixtures/schema.js';
import { BUILT_IN_OPERATORS } from '../rules/operators.js';
import { factNameField, operatorNameField, ruleSetSchema } from '../rules/schema.js';

/** The formats with a JSON Schema. */
export const JSON_SCHEMA_NAMES = ['case', 'rule-set', 'citations', 'misuse-patterns', 'fixtures'] as const;
/** A format with a JSON Schema. */
export type JsonSchemaName = (typeof JSON_SCHEMA_NAMES)[number];

/** @internal The zod schema and the title of each format. */
const FORMATS: Record<JsonSchemaName, { schema: z.ZodType; title: string }> = {
  case: { schema: caseSchema, title: 'red-notice-rules case (schemaVersion 1)' },
  'rule-set': { schema: ruleSetSchema, title: 'red-notice-rules rule set' },
  citations: { schema: citationRegistrySchema, title: 'red-notice-rules citation registry' },
  'misuse-patterns': { schema: misusePatternFileSchema, title: 'red-notice-rules documented patterns of misuse' },
  fixtures: { schema: fixtureFileSchema, title: 'red-notice-rules scenario fixtures' },
};

/** @internal Names an editor can complete in a condition's `fact`: catalogue facts and their groups. */
function factNames(): string[] {
  const names = new Set<string>();
  for (const fact of FACT_CATALOGUE) {
    names.add(fact.name);
    names.add(fact.name.slice(0, fact.name.indexOf('.')));
  }
  return [...names].sort();
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
    reused: 'ref',
    override: (context) => {
      if (context.zodSchema === factNameField) context.jsonSchema.enum = factNames();
      if (context.zodSchema === operatorNameField) context.jsonSchema.examples = [...BUILT_IN_OPERATORS.keys()];
    },
  });
  return {
    $schema: generated.$schema,
    $id: `https://unpkg.com/red-notice-rules/schemas/${name}.schema.json`,
    title: format.title,
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
}
