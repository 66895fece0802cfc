/**
 * Condition operators: json-rules-engine's ten built-in operators, with their exact semantics
 * on known values, and the value types each accepts (used by the rule-set checker).
 *
 * @module
 */
import type { FactType, FactValue } from '../facts/catalogue.js';

/** A value on the right-hand side of a condition. */
export type ConditionValue = string | number | boolean | readonly (string | number | boolean)[];

/** The shapes of the value an operator compares with: a value of the fact's type, a list of them, or one item of a list fact. */
export const OPERATOR_VALUE_KINDS = ['scalar', 'list', 'item'] as const;

/** What the right-hand value must be: a value of the fact's type, a list of them, or one item of a list fact. */
export type OperatorValueKind = (typeof OPERATOR_VALUE_KINDS)[number];

/** The names of json-rules-engine's ten built-in operators. */
export const BUILT_IN_OPERATOR_NAMES = [
  'equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive',
] as const;

/** The name of a built-in operator. */
export type OperatorName = (typeof BUILT_IN_OPERATOR_NAMES)[number];

/** An operator: its name, what it applies to, and its test on known values. */
export interface OperatorDefinition {
  /** Name used in conditions. */
  readonly name: string;
  /** Fact types it applies to. */
  readonly factTypes: readonly FactType[];
  /** Shape of the value it compares with. */
  readonly valueKind: OperatorValueKind;
  /** The test, on a known fact value. */
  readonly test: (factValue: FactValue, value: ConditionValue) => boolean;
}

/** @internal json-rules-engine's `numberValidator`, kept identical so that both engines agree. */
function numeric(value: unknown): boolean {
  return Number.parseFloat(value as string).toString() !== 'NaN';
}

const SCALAR_TYPES: readonly FactType[] = ['enum', 'number', 'date'];
const ORDERED_TYPES: readonly FactType[] = ['number', 'date'];

/** @internal What each built-in operator applies to and how it tests (every name once: a missing one is a compile error). */
const BUILT_IN_SIGNATURES: { readonly [N in OperatorName]: Omit<OperatorDefinition, 'name'> } = {
  equal: { factTypes: SCALAR_TYPES, valueKind: 'scalar', test: (a, b) => a === b },
  notEqual: { factTypes: SCALAR_TYPES, valueKind: 'scalar', test: (a, b) => a !== b },
  in: { factTypes: SCALAR_TYPES, valueKind: 'list', test: (a, b) => (b as readonly unknown[]).indexOf(a) > -1 },
  notIn: { factTypes: SCALAR_TYPES, valueKind: 'list', test: (a, b) => (b as readonly unknown[]).indexOf(a) === -1 },
  contains: { factTypes: ['enum-list'], valueKind: 'item', test: (a, b) => Array.isArray(a) && a.indexOf(b) > -1 },
  doesNotContain: { factTypes: ['enum-list'], valueKind: 'item', test: (a, b) => Array.isArray(a) && a.indexOf(b) === -1 },
  lessThan: { factTypes: ORDERED_TYPES, valueKind: 'scalar', test: (a, b) => numeric(a) && a < b },
  lessThanInclusive: { factTypes: ORDERED_TYPES, valueKind: 'scalar', test: (a, b) => numeric(a) && a <= b },
  greaterThan: { factTypes: ORDERED_TYPES, valueKind: 'scalar', test: (a, b) => numeric(a) && a > b },
  greaterThanInclusive: { factTypes: ORDERED_TYPES, valueKind: 'scalar', test: (a, b) => numeric(a) && a >= b },
};

/**
 * The built-in operators, by name.
 */
export const BUILT_IN_OPERATORS: ReadonlyMap<string, OperatorDefinition> = new Map(
  BUILT_IN_OPERATOR_NAMES.map((name) => [name, { name, ...BUILT_IN_SIGNATURES[name] }]),
);
