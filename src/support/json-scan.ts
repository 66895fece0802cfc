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
 * once. The walk recurses only as deep as `limits.depth` allows (the callers' limits are 32 to
 * 64 levels), so hostile nesting cannot overflow the stack: it stops at the limit.
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
  const scan = new Scan(limits);
  const root: Record<PropertyKey, unknown> = { value: undefined };
  scan.visit(input, 0, root, 'value');
  if (scan.tooLarge) {
    return {
      success: false,
      issues: [{ code: 'input_too_large', path: '', message: `The input may hold at most about ${limits.characters} characters of JSON.`, severity: 'error', params: { characters: limits.characters } }],
    };
  }
  return scan.issues.length > 0 ? { success: false, issues: scan.issues.sort(compareIssues) } : { success: true, value: root.value };
}

/** @internal Marks of a container that cannot be read. */
const TOO_LARGE = Symbol('too large');
const NOT_PLAIN = Symbol('not plain');
/** @internal Stands for a property with a getter or a setter, which is never called. */
const ACCESSOR = Symbol('accessor');

/**
 * @internal One scan: a depth-first walk in document order that copies as it goes. Recursive:
 * the depth is bounded by `limits.depth` (32 for cases, 64 at most anywhere), so hostile nesting
 * stops there. No object is made per value read but its copy (and the descriptor read): the path
 * is one array of segments, pushed and popped, spelt out only for an issue; a container's entries
 * are read into two flat arrays (its names, its values) before any is visited, so that its size is
 * checked against the budget before anything under it is.
 */
class Scan {
  readonly issues: Issue<JsonScanIssueCode>[] = [];
  /** The segments from the root to the value being visited. */
  private readonly path: PathSegment[] = [];
  private characters = 0;
  private tooDeep = false;
  /** Set when the input is too large: the walk stops, and nothing else is reported. */
  tooLarge = false;

  constructor(private readonly limits: JsonScanLimits) {}

  /** Visits `value` (at `depth`, under the current path) and writes its copy to `into[key]`. */
  visit(value: unknown, depth: number, into: Record<PropertyKey, unknown>, key: PropertyKey): void {
    const { limits } = this;
    if (value === ACCESSOR) {
      this.characters += 8;
      this.notPlain('accessor', 'Only plain data is allowed: this property is a getter or a setter, which is not read.');
      // As the walk always did, the size is checked at the next value, not at an accessor.
      return;
    }
    switch (typeof value) {
      case 'string':
        this.characters += value.length + 2;
        into[key] = value;
        break;
      case 'number':
      case 'boolean':
      case 'undefined':
        this.characters += 8;
        into[key] = value;
        break;
      case 'object': {
        if (value === null) {
          this.characters += 4;
          into[key] = null;
          break;
        }
        if (depth >= limits.depth) {
          if (!this.tooDeep) {
            this.issues.push({ code: 'nesting_too_deep', path: formatPath(this.path), message: `Arrays and objects may be nested at most ${limits.depth} levels deep.`, severity: 'error', params: { depth: limits.depth } });
            this.tooDeep = true;
          }
          break;
        }
        const read = readContainer(value, limits.characters - this.characters);
        if (read === TOO_LARGE) {
          this.tooLarge = true;
          return;
        }
        if (read === NOT_PLAIN) {
          this.notPlain('container', 'Only plain data (objects, arrays, strings, numbers, true, false, null) is allowed: not class instances, dates, maps, getters or proxies that cannot be read.');
          break;
        }
        this.characters += read.cost;
        into[key] = read.copy;
        if (this.characters > limits.characters) {
          this.tooLarge = true;
          return;
        }
        const { names, values, copy } = read;
        for (let index = 0; index < values.length; index++) {
          const name = names === undefined ? index : names[index]!;
          this.path.push(name);
          if (typeof name === 'string' && FORBIDDEN_KEYS.has(name)) {
            this.issues.push({ code: 'forbidden_key', path: formatPath(this.path), message: 'Keys named __proto__, constructor or prototype are not allowed.', severity: 'error' });
          } else {
            this.visit(values[index], depth + 1, copy as Record<PropertyKey, unknown>, name);
          }
          this.path.pop();
          if (this.tooLarge) return;
        }
        return;
      }
      default:
        // Functions, symbols, bigints: not JSON data.
        this.characters += 8;
        this.notPlain('value', 'Only plain data (objects, arrays, strings, numbers, true, false, null) is allowed: not functions, symbols or bigints.');
    }
    if (this.characters > limits.characters) this.tooLarge = true;
  }

  /** Reports a value that is not plain data, at the current path. */
  private notPlain(variant: 'accessor' | 'container' | 'value', message: string): void {
    this.issues.push({ code: 'not_plain_data', path: formatPath(this.path), message, severity: 'error', params: { variant } });
  }
}

/** @internal A container read once: its empty copy, its entries (names, for an object, and values), and what it costs. */
interface ReadContainer {
  readonly copy: unknown[] | Record<string, unknown>;
  /** The keys of an object's entries; `undefined` for an array (its indices). */
  readonly names: readonly string[] | undefined;
  readonly values: readonly unknown[];
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
      const values = new Array<unknown>(length);
      for (let index = 0; index < length; index++) {
        const descriptor = Object.getOwnPropertyDescriptor(value, index);
        values[index] = descriptor === undefined ? undefined : 'value' in descriptor ? descriptor.value : ACCESSOR;
      }
      return { copy: new Array<unknown>(length), names: undefined, values, cost: 2 + length };
    }
    const prototype = Object.getPrototypeOf(value) as object | null;
    // A plain object: created by `{}`, `JSON.parse` or `Object.create(null)`, in this realm or another.
    if (prototype !== null && Object.getPrototypeOf(prototype) !== null) return NOT_PLAIN;
    const keys = Reflect.ownKeys(value);
    // Every key costs at least three characters (its quotes and colon).
    if (2 + keys.length * 3 > budget) return TOO_LARGE;
    const names: string[] = [];
    const values: unknown[] = [];
    let cost = 2;
    for (const key of keys) {
      // Symbol keys are not JSON (JSON.stringify and the schemas skip them): not read.
      if (typeof key !== 'string') continue;
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor === undefined || !descriptor.enumerable) continue;
      cost += key.length + 3;
      if (cost > budget) return TOO_LARGE;
      names.push(key);
      values.push('value' in descriptor ? descriptor.value : ACCESSOR);
    }
    // A null prototype: a key named `__proto__` is an own key of the copy, never its prototype.
    return { copy: Object.create(null) as Record<string, unknown>, names, values, cost };
  } catch {
    // A revoked Proxy, or a trap that throws.
    return NOT_PLAIN;
  }
}
