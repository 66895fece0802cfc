/**
 * JSON Schemas of the case and rule-set formats for `red-notice-rules schema`, generated from
 * the zod schemas. Kept in one function so that the generated files of the package (`schemas/`)
 * can replace it.
 *
 * @module
 */
import * as z from 'zod';
import { caseSchema } from '../case/schema.js';
import { ruleSetSchema } from '../rules/schema.js';

/** The formats with a JSON Schema. */
export const SCHEMA_NAMES = ['case', 'rules'] as const;

/** A format with a JSON Schema. */
export type SchemaName = (typeof SCHEMA_NAMES)[number];

/**
 * The JSON Schema (draft 2020-12) of cases or of rule sets. Checks zod cannot express in JSON
 * Schema (real calendar dates, country codes, cross-field rules) are left to the library.
 *
 * @example
 * ```ts
 * jsonSchemaOf('case').type; // 'object'
 * ```
 */
export function jsonSchemaOf(name: SchemaName): Record<string, unknown> {
  const schema = name === 'case' ? caseSchema : ruleSetSchema;
  return {
    ...z.toJSONSchema(schema as z.ZodType, { unrepresentable: 'any' }),
    title: name === 'case' ? 'red-notice-rules case' : 'red-notice-rules rule set',
  } as Record<string, unknown>;
}
