/**
 * Turns zod issues into the library's issues: stable codes, messages written by the library
 * (zod's own messages can quote keys), paths that never echo input text, and — for unions —
 * the issues of the branch the input was evidently meant to be.
 *
 * @module
 */
import type { $ZodIssue } from 'zod/v4/core';
import { FORBIDDEN_KEYS } from './json-scan.js';
import { formatPath, type Issue, type PathSegment } from './issues.js';

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

/** How a caller adapts the mapping: extra messages for custom codes, and special cases. */
export interface ZodIssueMapping<Code extends string> {
  /** Messages for the `code` params of custom refinements. */
  readonly customMessages: Readonly<Record<string, string>>;
  /** Text for unknown keys, e.g. "This key is not part of the case model". */
  readonly unknownKeyMessage: string;
  /** Keys that may be shown in paths although they are not identifiers (see `formatPath`). */
  readonly revealKey?: (key: string) => boolean;
  /** A chance to replace the generic issue for a given zod issue. */
  readonly special?: (issue: $ZodIssue, segments: readonly PathSegment[]) => Issue<Code> | undefined;
}

/** @internal Human names of zod's expected types. */
const typeNames: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
};

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
 * const parsed = schema.safeParse(input);
 * if (!parsed.success) mapZodIssues(parsed.error.issues, input, mapping);
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
  const issue = <C extends string>(code: C, at: readonly PathSegment[], message: string): Issue<C> => ({
    code,
    path: formatPath(at, mapping.revealKey),
    message,
    severity: 'error',
  });
  switch (zodIssue.code) {
    case 'unrecognized_keys':
      return zodIssue.keys.map((key) =>
        FORBIDDEN_KEYS.has(key)
          ? issue('forbidden_key' as const, [...segments, key], 'Keys named __proto__, constructor or prototype are not allowed.')
          : issue('unknown_key' as const, [...segments, key], mapping.unknownKeyMessage),
      );
    case 'invalid_type': {
      if (!hasOwnPath(input, segments)) return [issue('required' as const, segments, 'This field is required.')];
      const expected = typeNames[zodIssue.expected] ?? `of type ${zodIssue.expected}`;
      return [issue('invalid_type' as const, segments, `Must be ${expected}.`)];
    }
    case 'invalid_value': {
      const allowed = zodIssue.values.map((value) => JSON.stringify(value)).join(', ');
      return [issue('invalid_value' as const, segments, `Must be one of: ${allowed}.`)];
    }
    case 'invalid_format':
      return [issue('invalid_format' as const, segments, `Does not have the required format (${zodIssue.format}).`)];
    case 'too_small':
      if (zodIssue.origin === 'array') {
        return [issue('too_few_items' as const, segments, `Must list at least ${String(zodIssue.minimum)} item(s).`)];
      }
      if (zodIssue.origin === 'string') return [issue('empty_string' as const, segments, 'Must not be empty.')];
      return [issue('number_out_of_range' as const, segments, `Must be at least ${String(zodIssue.minimum)}.`)];
    case 'too_big':
      if (zodIssue.origin === 'array') {
        return [issue('too_many_items' as const, segments, `May list at most ${String(zodIssue.maximum)} items.`)];
      }
      if (zodIssue.origin === 'string') {
        return [issue('string_too_long' as const, segments, `May be at most ${String(zodIssue.maximum)} characters long.`)];
      }
      return [issue('number_out_of_range' as const, segments, `Must be at most ${String(zodIssue.maximum)}.`)];
    case 'custom': {
      const code = (zodIssue.params as { code?: string } | undefined)?.code;
      if (code !== undefined) {
        return [issue(code as Code, segments, mapping.customMessages[code] ?? 'This value is not allowed here.')];
      }
      return [issue('invalid_value' as const, segments, 'This value is not allowed here.')];
    }
    case 'invalid_key': {
      // A record key that is not an allowed name (a named condition, a factor action, a citation
      // id): the issues of the key's own check (e.g. `invalid_condition_name`), at the key.
      const inner = zodIssue.issues.flatMap((keyIssue) => mapOne(keyIssue, segments, undefined, mapping));
      if (inner.length > 0) return inner;
      return [issue('invalid_key' as const, segments, 'This key is not an allowed name here (see the naming rules of the format).')];
    }
    case 'invalid_union': {
      if (!hasOwnPath(input, segments)) return [issue('required' as const, segments, 'This field is required.')];
      const branch = likeliestBranch(zodIssue.errors);
      if (branch === undefined) {
        return [issue('invalid_type' as const, segments, 'Does not have any of the accepted forms.')];
      }
      return branch.flatMap((inner) => mapOne(inner, segments, input, mapping));
    }
    default:
      return [issue('invalid_type' as const, segments, 'This value does not have the expected form.')];
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
