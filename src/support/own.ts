/**
 * Lookups by a name that comes from input (an operator, a fact, an action code, a citation id):
 * own properties only, so that a name such as `toString` or `constructor` finds nothing rather
 * than a function of `Object.prototype`.
 *
 * @module
 */

/**
 * The value of `record`'s own property `key`, or `undefined`.
 *
 * @example
 * ```ts
 * ownValue({ equal: 'is' }, 'equal');    // 'is'
 * ownValue({ equal: 'is' }, 'toString'); // undefined (not Object.prototype.toString)
 * ```
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
