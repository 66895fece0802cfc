/**
 * A bounded, iterative pre-scan of untrusted input before any schema sees it: total size,
 * nesting depth, keys that could reach a prototype, and values that are not plain JSON data.
 *
 * The scan reads the input **once**, through property descriptors (a getter is never called: it
 * is an issue), and returns a plain snapshot of it — arrays, objects with a null prototype,
 * strings, numbers, booleans and null — which is what the schema then parses. A Proxy's traps
 * therefore run at most once per property, and the input cannot show the schema one value and
 * the evaluation another. Lengths and key counts are
 * checked against what is left of the budget **before** anything is allocated or queued for
 * them, so a sparse `new Array(2 ** 32 - 1)` or a Proxy reporting a length of 10¹² is refused at
 * once. Iterative, so hostile nesting cannot overflow the stack.
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
export type JsonScanIssueCode = 'forbidden_key' | 'input_too_large' | 'nesting_too_deep' | 'not_plain_data';

/** What a scan gives: the plain snapshot to parse, or the issues that stop it. */
export type JsonScanResult =
  | { readonly success: true; readonly value: unknown }
  | { readonly success: false; readonly issues: Issue<JsonScanIssueCode>[] };

/**
 * Scans `input` and, when nothing is wrong, returns a plain snapshot of it (read once). Reports
 * forbidden keys (each), values that are not plain data (each: class instances, dates, maps,
 * functions, symbols, getters and setters, properties that cannot be read), the first point
 * that is nested too deep, and an input that is too large (alone, as the scan stops there).
 * Never throws, never calls a getter, never changes `input`.
 *
 * @example
 * ```ts
 * const forbidden = snapshotJson(JSON.parse('{"__proto__":{}}'), { characters: 1e6, depth: 32 });
 * forbidden.success ? [] : forbidden.issues.map((issue) => [issue.code, issue.path]); // [['forbidden_key', '__proto__']]
 * const sparse = snapshotJson(new Array(2 ** 32 - 1), { characters: 1e6, depth: 32 });
 * sparse.success ? [] : sparse.issues.map((issue) => issue.code); // ['input_too_large']
 * const copied = snapshotJson({ a: [1, 'x'] }, { characters: 1e6, depth: 32 });
 * copied.success && JSON.stringify(copied.value); // '{"a":[1,"x"]}'
 * ```
 */
export function snapshotJson(input: unknown, limits: JsonScanLimits): JsonScanResult {
  const issues: Issue<JsonScanIssueCode>[] = [];
  const root: { value: unknown } = { value: undefined };
  // Paths are kept as links to the parent's, and spelt out only for an issue.
  const stack: ScanItem[] = [{ value: input, at: undefined, depth: 0, into: root, key: 'value' }];
  let characters = 0;
  let tooDeep = false;
  const tooLarge = (): JsonScanResult => ({
    success: false,
    issues: [{ code: 'input_too_large', path: '', message: `The input may hold at most about ${limits.characters} characters of JSON.`, severity: 'error', params: { characters: limits.characters } }],
  });
  const notPlain = (at: ScanPoint | undefined, variant: 'accessor' | 'container' | 'value', message: string) =>
    issues.push({ code: 'not_plain_data', path: formatPath(segmentsOf(at)), message, severity: 'error', params: { variant } });

  while (stack.length > 0) {
    const { value, at, depth, into, key } = stack.pop()!;
    if (value === ACCESSOR) {
      characters += 8;
      notPlain(at, 'accessor', 'Only plain data is allowed: this property is a getter or a setter, which is not read.');
      continue;
    }
    switch (typeof value) {
      case 'string':
        characters += value.length + 2;
        into[key] = value;
        break;
      case 'number':
      case 'boolean':
      case 'undefined':
        characters += 8;
        into[key] = value;
        break;
      case 'object': {
        if (value === null) {
          characters += 4;
          into[key] = null;
          break;
        }
        if (depth >= limits.depth) {
          if (!tooDeep) {
            issues.push({ code: 'nesting_too_deep', path: formatPath(segmentsOf(at)), message: `Arrays and objects may be nested at most ${limits.depth} levels deep.`, severity: 'error', params: { depth: limits.depth } });
            tooDeep = true;
          }
          break;
        }
        const read = readContainer(value, limits.characters - characters);
        if (read === TOO_LARGE) return tooLarge();
        if (read === NOT_PLAIN) {
          notPlain(at, 'container', 'Only plain data (objects, arrays, strings, numbers, true, false, null) is allowed: not class instances, dates, maps, getters or proxies that cannot be read.');
          break;
        }
        characters += read.cost;
        into[key] = read.copy;
        // Pushed in reverse, so that issues come out in document order before sorting.
        for (let index = read.entries.length - 1; index >= 0; index--) {
          const [name, child] = read.entries[index]!;
          const point: ScanPoint = { parent: at, segment: name };
          if (typeof name === 'string' && FORBIDDEN_KEYS.has(name)) {
            issues.push({ code: 'forbidden_key', path: formatPath(segmentsOf(point)), message: 'Keys named __proto__, constructor or prototype are not allowed.', severity: 'error' });
            continue;
          }
          stack.push({ value: child, at: point, depth: depth + 1, into: read.copy as Record<PropertyKey, unknown>, key: name });
        }
        break;
      }
      default:
        // Functions, symbols, bigints: not JSON data.
        characters += 8;
        notPlain(at, 'value', 'Only plain data (objects, arrays, strings, numbers, true, false, null) is allowed: not functions, symbols or bigints.');
    }
    if (characters > limits.characters) return tooLarge();
  }
  return issues.length > 0 ? { success: false, issues: issues.sort(compareIssues) } : { success: true, value: root.value };
}

/** @internal Marks of a container that cannot be read. */
const TOO_LARGE = Symbol('too large');
const NOT_PLAIN = Symbol('not plain');
/** @internal Stands for a property with a getter or a setter, which is never called. */
const ACCESSOR = Symbol('accessor');

/** @internal A container read once: its empty copy, its entries, and what it costs. */
interface ReadContainer {
  readonly copy: unknown[] | Record<string, unknown>;
  readonly entries: ReadonlyArray<readonly [PathSegment, unknown]>;
  readonly cost: number;
}

/**
 * @internal Reads an array or a plain object once, through property descriptors only (no getter
 * runs; a Proxy's traps run once each): its length or keys are checked against `budget` before
 * any entry is read. Anything that throws, and anything that is not plain data, is `NOT_PLAIN`.
 */
function readContainer(value: object, budget: number): ReadContainer | typeof TOO_LARGE | typeof NOT_PLAIN {
  try {
    if (Array.isArray(value)) {
      const length = Object.getOwnPropertyDescriptor(value, 'length')?.value as unknown;
      if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) return NOT_PLAIN;
      // Every element costs at least one character (its comma): refuse before reading any.
      if (length + 2 > budget) return TOO_LARGE;
      const entries: Array<readonly [number, unknown]> = [];
      for (let index = 0; index < length; index++) {
        const descriptor = Object.getOwnPropertyDescriptor(value, index);
        entries.push([index, descriptor === undefined ? undefined : 'value' in descriptor ? descriptor.value : ACCESSOR]);
      }
      return { copy: new Array<unknown>(length), entries, cost: 2 + length };
    }
    const prototype = Object.getPrototypeOf(value) as object | null;
    // A plain object: created by `{}`, `JSON.parse` or `Object.create(null)`, in this realm or another.
    if (prototype !== null && Object.getPrototypeOf(prototype) !== null) return NOT_PLAIN;
    const keys = Reflect.ownKeys(value);
    // Every key costs at least three characters (its quotes and colon).
    if (2 + keys.length * 3 > budget) return TOO_LARGE;
    const entries: Array<readonly [string, unknown]> = [];
    let cost = 2;
    for (const key of keys) {
      // Symbol keys are not JSON (JSON.stringify and the schemas skip them): not read.
      if (typeof key !== 'string') continue;
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor === undefined || !descriptor.enumerable) continue;
      cost += key.length + 3;
      if (cost > budget) return TOO_LARGE;
      entries.push([key, 'value' in descriptor ? descriptor.value : ACCESSOR]);
    }
    // A null prototype: a key named `__proto__` is an own key of the copy, never its prototype.
    return { copy: Object.create(null) as Record<string, unknown>, entries, cost };
  } catch {
    // A revoked Proxy, or a trap that throws.
    return NOT_PLAIN;
  }
}

/** @internal A point of the input: a segment under its parent's point (`undefined` is the root). */
interface ScanPoint {
  readonly parent: ScanPoint | undefined;
  readonly segment: PathSegment;
}

/** @internal A value waiting to be scanned, and where its copy goes. */
interface ScanItem {
  readonly value: unknown;
  readonly at: ScanPoint | undefined;
  readonly depth: number;
  readonly into: Record<PropertyKey, unknown>;
  readonly key: PropertyKey;
}

/** @internal The path segments of a point, from the root. */
function segmentsOf(at: ScanPoint | undefined): PathSegment[] {
  const segments: PathSegment[] = [];
  for (let point = at; point !== undefined; point = point.parent) segments.push(point.segment);
  return segments.reverse();
}
