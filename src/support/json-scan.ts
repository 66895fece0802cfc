/**
 * A bounded, iterative pre-scan of untrusted JSON before any schema sees it: total size,
 * nesting depth, and keys that could reach a prototype. Iterative, so hostile nesting cannot
 * overflow the stack; it stops counting as soon as the size limit is passed.
 *
 * @module
 */
import { compareIssues, formatPath, type Issue, type PathSegment } from './issues.js';

/** Keys that could reach an object's prototype; never allowed anywhere in input JSON. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Limits of a scan. */
export interface JsonScanLimits {
  /** Largest size, in approximate characters of JSON text. */
  readonly characters: number;
  /** Deepest nesting of arrays and objects. */
  readonly depth: number;
}

/** Codes the scan reports. */
export type JsonScanIssueCode = 'forbidden_key' | 'input_too_large' | 'nesting_too_deep';

/**
 * Scans `input` and reports forbidden keys (each), the first point that is nested too deep,
 * and an input that is too large (alone, as the scan stops there).
 *
 * @example
 * ```ts
 * scanJson(JSON.parse('{"__proto__":{}}'), { characters: 1e6, depth: 32 });
 * // [{ code: 'forbidden_key', path: '[*]', … }]
 * ```
 */
export function scanJson(input: unknown, limits: JsonScanLimits): Issue<JsonScanIssueCode>[] {
  const issues: Issue<JsonScanIssueCode>[] = [];
  const stack: Array<{ value: unknown; path: PathSegment[] }> = [{ value: input, path: [] }];
  let characters = 0;
  let tooDeep = false;
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      characters += value.length + 2;
    } else if (value !== null && typeof value === 'object') {
      if (path.length >= limits.depth) {
        if (!tooDeep) {
          issues.push({
            code: 'nesting_too_deep',
            path: formatPath(path),
            message: `Arrays and objects may be nested at most ${limits.depth} levels deep.`,
            severity: 'error',
          });
          tooDeep = true;
        }
        continue;
      }
      if (Array.isArray(value)) {
        characters += 2 + value.length;
        for (let index = value.length - 1; index >= 0; index--) stack.push({ value: value[index], path: [...path, index] });
      } else {
        const keys = Object.keys(value);
        characters += 2 + keys.length;
        for (const key of keys) {
          characters += key.length + 3;
          if (FORBIDDEN_KEYS.has(key)) {
            issues.push({
              code: 'forbidden_key',
              path: formatPath([...path, key]),
              message: 'Keys named __proto__, constructor or prototype are not allowed.',
              severity: 'error',
            });
            continue;
          }
          stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
        }
      }
    } else {
      characters += 8;
    }
    if (characters > limits.characters) {
      return [
        {
          code: 'input_too_large',
          path: '',
          message: `The input may hold at most about ${limits.characters} characters of JSON.`,
          severity: 'error',
        },
      ];
    }
  }
  return issues.sort(compareIssues);
}
