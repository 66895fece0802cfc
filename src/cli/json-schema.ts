/**
 * JSON Schemas for `red-notice-rules schema`: the same schemas the package ships in `schemas/`
 * (`toJsonSchema`), under the command's names.
 *
 * @module
 */
import { toJsonSchema } from '../schemas/json-schemas.js';

/** The formats the command prints a JSON Schema for. */
export const SCHEMA_NAMES = ['case', 'rules'] as const;

/** A format with a JSON Schema. */
export type SchemaName = (typeof SCHEMA_NAMES)[number];

/**
 * The JSON Schema (draft 2020-12) of cases or of rule sets.
 *
 * @example
 * ```ts
 * jsonSchemaOf('case').type; // 'object'
 * ```
 */
export function jsonSchemaOf(name: SchemaName): Record<string, unknown> {
  return toJsonSchema(name === 'case' ? 'case' : 'rule-set');
}
