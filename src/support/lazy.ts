/**
 * Members of plain objects computed on first read. An evaluation's trace, questions, missing
 * facts' details and input stamp cost more than the rest of it together, and most callers never
 * read some of them: they are computed when first read, and from then on they are ordinary data.
 *
 * A lazy member is an **own, enumerable** property of a plain object (an accessor until first
 * read, a data property after), at its place in the key order, so that every documented way of
 * using a result sees plain data: `JSON.stringify` and `structuredClone` (and `postMessage`) read
 * it like any member and give the same bytes and the same copy as if it had been computed at
 * once; spreading, `Object.entries`, deep equality in tests read it too. Assigning to it replaces
 * it, like a data property. A frozen object keeps the accessor, which keeps returning the value it
 * computed. Node's `console.log` prints the values (a non-enumerable `nodejs.util.inspect.custom`
 * method reads them) rather than `[Getter/Setter]`.
 *
 * @module
 */

/** @internal Node's `util.inspect` hook, by its registered symbol (no import of `node:util`: this runs in browsers). */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * Defines `target[key]` as computed by `compute` on first read, then kept as a plain data
 * member (the computation, and what it holds on to, is released). Returns `target`.
 *
 * @example
 * ```ts
 * let runs = 0;
 * const result = defineLazy({ a: 1 } as { a: number; b?: number[] }, 'b', () => (runs++, [2, 3]));
 * runs; // 0
 * JSON.stringify(result); // '{"a":1,"b":[2,3]}'
 * structuredClone(result).b; // [2, 3]
 * runs; // 1
 * Object.getOwnPropertyDescriptor(result, 'b')?.value; // [2, 3]
 * ```
 */
export function defineLazy<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): T {
  let pending: (() => T[K]) | undefined = compute;
  let value: T[K] | undefined;
  const settle = (settled: T[K]) => {
    pending = undefined;
    value = settled;
    // Becomes a data member; on a frozen object it cannot, and the accessor keeps the value.
    Reflect.defineProperty(target, key, { value: settled, enumerable: true, writable: true, configurable: true });
  };
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get(): T[K] {
      if (pending !== undefined) settle(pending());
      return value as T[K];
    },
    set(given: T[K]) {
      settle(given);
    },
  });
  if (!Object.hasOwn(target, INSPECT)) Object.defineProperty(target, INSPECT, { value: inspectMaterialised, enumerable: false, configurable: true, writable: true });
  return target;
}

/**
 * @internal `util.inspect` of an object with lazy members: its members read (so computed), shown
 * as a plain object.
 */
function inspectMaterialised(this: object, _depth: number, options: object, inspect: (value: unknown, options: object) => string): string {
  return inspect({ ...this }, options);
}
