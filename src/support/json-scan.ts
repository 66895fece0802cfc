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
 * // [{ code: 'forbidden_key', path: '__proto__', message: 'Keys named __proto__, constructor or prototype are not allowed.', severity: 'error' }]
 * ```
 */
export function scanJson(input: unknown, limits: JsonScanLimits): Issue<JsonScanIssueCode>[] {
  const issues: Issue<JsonScanIssueCode>[] = [];
  // Paths are kept as links to the parent's, and spelt out only for an issue.
  const stack: ScanItem[] = [{ value: input, at: undefined, depth: 0 }];
  let characters = 0;
  let tooDeep = false;
  while (stack.length > 0) {
    const { value, at, depth } = stack.pop()!;
    if (typeof value === 'string') {
      characters += value.length + 2;
    } else if (value !== null && typeof value === 'object') {
      if (depth >= limits.depth) {
        if (!tooDeep) {
          issues.push({
            code: 'nesting_too_deep',
            path: formatPath(segmentsOf(at)),
            message: `Arrays and objects may be nested at most ${limits.depth} levels deep.`,
            severity: 'error',
            params: { depth: limits.depth },
          });
          tooDeep = true;
        }
        continue;
      }
      if (Array.isArray(value)) {
        characters += 2 + value.length;
        for (let index = value.length - 1; index >= 0; index--) stack.push({ value: value[index], at: { parent: at, segment: index }, depth: depth + 1 });
      } else {
        const keys = Object.keys(value);
        characters += 2 + keys.length;
        for (const key of keys) {
          characters += key.length + 3;
          if (FORBIDDEN_KEYS.has(key)) {
            issues.push({
              code: 'forbidden_key',
              path: formatPath([...segmentsOf(at), key]),
              message: 'Keys named __proto__, constructor or prototype are not allowed.',
              severity: 'error',
            });
            continue;
          }
          stack.push({ value: (value as Record<string, unknown>)[key], at: { parent: at, segment: key }, depth: depth + 1 });
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
          params: { characters: limits.characters },
        },
      ];
    }
  }
  return issues.sort(compareIssues);
}

/** @internal A point of the input: a segment under its parent's point (`undefined` is the root). */
interface ScanPoint {
  readonly parent: ScanPoint | undefined;
  readonly segment: PathSegment;
}

/** @internal A value waiting to be scanned. */
interface ScanItem {
  readonly value: unknown;
  readonly at: ScanPoint | undefined;
  readonly depth: number;
}

/** @internal The path segments of a point, from the root. */
function segmentsOf(at: ScanPoint | undefined): PathSegment[] {
  const segments: PathSegment[] = [];
  for (let point = at; point !== undefined; point = point.parent) segments.push(point.segment);
  return segments.reverse();
}
