/**
 * Issues: problems found in a case, in evaluation options or in a rule set, as plain data.
 *
 * An issue names **where** (`path`) and **which rule was broken** (`code`, stable), with a
 * `message` written by the library. No message ever contains a value taken from the input:
 * cases hold asylum seekers' data and errors end up in logs.
 *
 * @module
 */

/** How serious an issue is: `error` stops loading or evaluation, `warning` does not. */
export type IssueSeverity = 'error' | 'warning';

/**
 * What an issue's message is made from, besides its code: the values its template reads (a
 * limit, the allowed values, another rule's place — never a value of a case), and `variant`
 * where one code has several messages. With the code, they word the issue in any locale.
 */
export type IssueParams = Readonly<Record<string, string | number>>;

/** One problem, located by a path into the JSON that was checked. */
export interface Issue<Code extends string = string> {
  /** Stable, machine-readable name of the rule that was broken, e.g. `invalid_country`. */
  readonly code: Code;
  /** Where, e.g. `notices[1].requestingCountry`; the empty string is the root. */
  readonly path: string;
  /** What is wrong, in English, without any value from the input. */
  readonly message: string;
  /** `error` unless stated otherwise. */
  readonly severity: IssueSeverity;
  /** What the message is made from, where it reads more than the code (see `issueMessage`). */
  readonly params?: IssueParams;
}

/**
 * The failure of a safe function (`parseCase`, `validateRuleSet`, `checkRuleSets`,
 * `safeEvaluateCase`…): every one returns `{ success: true, … } | { success: false, issues }`.
 */
export interface SafeFailure<Code extends string = string> {
  readonly success: false;
  /** Every problem found, sorted by path. */
  readonly issues: readonly Issue<Code>[];
}

/** A path segment as produced while walking JSON: an object key or an array index. */
export type PathSegment = string | number;

const identifierPattern = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Formats path segments as `a.b[2].c`. Keys that are not plain identifiers (which could carry
 * data typed by a user into a key) are shown as `[*]`, so a path never echoes input text —
 * unless `revealKey` accepts them (rule-set ids, say), when they are shown as `["key"]`.
 *
 * @example
 * ```ts
 * formatPath(['notices', 0, 'requestingCountry']); // 'notices[0].requestingCountry'
 * formatPath(['asylum', 2, 'Jane Doe']);             // 'asylum[2][*]'
 * formatPath(['citations', 'const.art3'], (key) => /^[a-z0-9.-]+$/.test(key)); // 'citations["const.art3"]'
 * ```
 */
export function formatPath(segments: readonly PathSegment[], revealKey?: (key: string) => boolean): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') {
      path += `[${segment}]`;
    } else if (identifierPattern.test(segment) && segment.length <= 64) {
      path += path === '' ? segment : `.${segment}`;
    } else if (revealKey?.(segment) === true && segment.length <= 100) {
      path += `[${JSON.stringify(segment)}]`;
    } else {
      path += '[*]';
    }
  }
  return path;
}

/**
 * Orders issues by path (numbers in a path by their value: `rules[2]` before `rules[10]`), then
 * code, then message, so that lists of issues are deterministic.
 *
 * @example
 * ```ts
 * const issues = [
 *   { code: 'required', path: 'rules[10].title', message: 'This field is required.', severity: 'error' as const },
 *   { code: 'required', path: 'rules[2].title', message: 'This field is required.', severity: 'error' as const },
 *   { code: 'invalid_date', path: 'asylum[0].date', message: 'Must be a calendar date.', severity: 'error' as const },
 * ];
 * [...issues].sort(compareIssues).map((issue) => issue.path); // ['asylum[0].date', 'rules[2].title', 'rules[10].title']
 * ```
 */
export function compareIssues(a: Issue, b: Issue): number {
  return comparePaths(a.path, b.path) || compareStrings(a.code, b.code) || compareStrings(a.message, b.message);
}

/**
 * Compares two paths (or any texts) with their runs of digits compared as numbers, the rest
 * code unit by code unit: `[2]` before `[10]`.
 *
 * @example
 * ```ts
 * ['[10].rules[0]', '[9].rules[0]', 'bundled[1]'].sort(comparePaths); // ['[9].rules[0]', '[10].rules[0]', 'bundled[1]']
 * ```
 */
export function comparePaths(a: string, b: string): number {
  if (a === b) return 0;
  const left = a.match(/\d+|\D+/g) ?? [];
  const right = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]!;
    const y = right[i]!;
    if (x === y) continue;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    if (numeric) return x.length - y.length || compareStrings(x, y);
    return compareStrings(x, y);
  }
  return left.length - right.length || compareStrings(a, b);
}

/**
 * Code-unit string comparison (not locale-aware), for deterministic sorting.
 *
 * @example
 * ```ts
 * ['b', 'a'].sort(compareStrings); // ['a', 'b']
 * ```
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
