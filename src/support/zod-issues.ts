/**
 * Turns zod issues into the library's issues: stable codes, messages written by the library
 * (zod's own messages can quote keys), paths that never echo input text, and — for unions —
 * the issues of the branch the input was evidently meant to be.
 *
 * @module
 */
import type { $ZodIssue } from 'zod/v4/core';
import { FORBIDDEN_KEYS } from './json-scan.js';
import { formatPath, type Issue, type IssueParams, type PathSegment } from './issues.js';

/** Codes produced by the generic mapping. */
export type ZodMappedCode =
  | 'required'
  | 'invalid_type'
  | 'unknown_key'
  | 'forbidden_key'
  | 'invalid_value'
  | 'invalid_format'
  | 'empty_string'
  | 'too_few_items'
  | 'too_many_items'
  | 'string_too_long'
  | 'number_out_of_range'
  | 'invalid_key';

/** How a caller adapts the mapping: how issues are made (with their messages), and special cases. */
export interface ZodIssueMapping<Code extends string> {
  /** Makes an issue with its message from its code and params (`makeIssue` of the locales). */
  readonly makeIssue: <C extends string>(code: C, path: string, params?: IssueParams) => Issue<C>;
  /** The variant of the message of an unknown key (`unknown_key.case`: "not part of the case model"). */
  readonly unknownKeyVariant: string;
  /** The codes the schema's own refinements raise (`params: { code }`); a refinement without one is `invalid_value`. */
  readonly customCodes: readonly Code[];
  /** Keys that may be shown in paths although they are not identifiers (see `formatPath`). */
  readonly revealKey?: (key: string) => boolean;
  /** A chance to replace the generic issue for a given zod issue. */
  readonly special?: (issue: $ZodIssue, segments: readonly PathSegment[]) => Issue<Code> | undefined;
}

/** @internal zod's expected types that have a message of their own (`invalid_type.string`…). */
const NAMED_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'boolean', 'object', 'array']);

/** @internal Whether the raw input has an own property at `segments`. */
function hasOwnPath(input: unknown, segments: readonly PathSegment[]): boolean {
  let current: unknown = input;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return false;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return false;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return true;
}


/**
 * Maps zod issues (from `safeParse(input)`) to the library's issues.
 *
 * @example
 * ```ts
 * import * as z from 'zod';
 * import { makeIssue } from '../locales/issues.js';
 *
 * const schema = z.strictObject({ notices: z.array(z.string()).min(1) });
 * const input = { notices: [], extra: 1 };
 * const parsed = schema.safeParse(input);
 * const issues = parsed.success ? [] : mapZodIssues(parsed.error.issues, input, { makeIssue, unknownKeyVariant: 'case', customCodes: [] });
 * issues.map((issue) => [issue.path, issue.code]); // [['notices', 'too_few_items'], ['extra', 'unknown_key']]
 * ```
 */
export function mapZodIssues<Code extends string>(
  issues: readonly $ZodIssue[],
  input: unknown,
  mapping: ZodIssueMapping<Code>,
): Issue<Code | ZodMappedCode>[] {
  return issues.flatMap((zodIssue) => mapOne(zodIssue, [], input, mapping));
}

/** @internal Maps one issue; `prefix` is the path of an enclosing union. */
function mapOne<Code extends string>(
  zodIssue: $ZodIssue,
  prefix: readonly PathSegment[],
  input: unknown,
  mapping: ZodIssueMapping<Code>,
): Issue<Code | ZodMappedCode>[] {
  const segments = [...prefix, ...zodIssue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol')];
  const special = mapping.special?.(zodIssue, segments);
  if (special) return [special];
  const issue = <C extends string>(code: C, at: readonly PathSegment[], params?: IssueParams): Issue<C> => mapping.makeIssue(code, formatPath(at, mapping.revealKey), params);
  switch (zodIssue.code) {
    case 'unrecognized_keys':
      return zodIssue.keys.map((key) =>
        FORBIDDEN_KEYS.has(key) ? issue('forbidden_key' as const, [...segments, key]) : issue('unknown_key' as const, [...segments, key], { variant: mapping.unknownKeyVariant }),
      );
    case 'invalid_type': {
      if (!hasOwnPath(input, segments)) return [issue('required' as const, segments)];
      return [issue('invalid_type' as const, segments, NAMED_TYPES.has(zodIssue.expected) ? { variant: zodIssue.expected } : { expected: zodIssue.expected })];
    }
    case 'invalid_value':
      return [issue('invalid_value' as const, segments, { allowed: zodIssue.values.map((value) => JSON.stringify(value)).join(', ') })];
    case 'invalid_format':
      return [issue('invalid_format' as const, segments, { format: zodIssue.format })];
    case 'too_small':
      if (zodIssue.origin === 'array') return [issue('too_few_items' as const, segments, { minimum: Number(zodIssue.minimum) })];
      if (zodIssue.origin === 'string') return [issue('empty_string' as const, segments)];
      return [issue('number_out_of_range' as const, segments, { variant: 'minimum', minimum: Number(zodIssue.minimum) })];
    case 'too_big':
      if (zodIssue.origin === 'array') return [issue('too_many_items' as const, segments, { maximum: Number(zodIssue.maximum) })];
      if (zodIssue.origin === 'string') return [issue('string_too_long' as const, segments, { maximum: Number(zodIssue.maximum) })];
      return [issue('number_out_of_range' as const, segments, { variant: 'maximum', maximum: Number(zodIssue.maximum) })];
    case 'custom': {
      const code = mapping.customCodes.find((custom) => custom === zodIssue.params?.code);
      return [code === undefined ? issue('invalid_value' as const, segments, { variant: 'custom' }) : issue(code, segments)];
    }
    case 'invalid_key': {
      // A record key that is not an allowed name (a named condition, a factor action, a citation
      // id): the issues of the key's own check (e.g. `invalid_condition_name`), at the key.
      const inner = zodIssue.issues.flatMap((keyIssue) => mapOne(keyIssue, segments, undefined, mapping));
      if (inner.length > 0) return inner;
      return [issue('invalid_key' as const, segments)];
    }
    case 'invalid_union': {
      if (!hasOwnPath(input, segments)) return [issue('required' as const, segments)];
      const branch = likeliestBranch(zodIssue.errors);
      if (branch === undefined) return [issue('invalid_type' as const, segments, { variant: 'union' })];
      return branch.flatMap((inner) => mapOne(inner, segments, input, mapping));
    }
    default:
      return [issue('invalid_type' as const, segments, { variant: 'shape' })];
  }
}

/**
 * @internal The union branch the input was meant to be: the one with the fewest problems at
 * the union's own level (wrong type, unknown keys), then the fewest problems overall. No branch
 * when every branch rejects the value's type.
 */
function likeliestBranch(branches: readonly (readonly $ZodIssue[])[]): readonly $ZodIssue[] | undefined {
  let best: readonly $ZodIssue[] | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const branch of branches) {
    let score = branch.length;
    let typeMismatch = false;
    for (const inner of branch) {
      if (inner.path.length !== 0) continue;
      if (inner.code === 'invalid_type') typeMismatch = true;
      if (inner.code === 'unrecognized_keys') score += 10 * inner.keys.length;
    }
    if (typeMismatch) continue;
    if (score < bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}
