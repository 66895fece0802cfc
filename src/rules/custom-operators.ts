/**
 * Custom operators: named tests that users register next to json-rules-engine's built-in ten,
 * with a type signature (the fact types they apply to and the shape of the value they compare
 * with) that the rule-set checker enforces like the built-ins'.
 *
 * @module
 */
import { FACT_TYPES } from '../facts/catalogue.js';
import type { RuleSetIssueCode } from '../errors.js';
import { makeIssue } from '../locales/issues.js';
import type { Issue, IssueParams } from '../support/issues.js';
import { BUILT_IN_OPERATORS, OPERATOR_VALUE_KINDS, type OperatorDefinition } from './operators.js';
/** Names of operators: letters and digits. */
const OPERATOR_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * The operators of an evaluator or a check: the built-ins and the custom ones. A custom
 * operator must have a new name, at least one fact type, a value kind and a test function;
 * every problem is an issue (path `operators[i]…`).
 *
 * @example
 * ```ts
 * const { operators, issues } = operatorRegistry([
 *   { name: 'containsAny', factTypes: ['enum-list'], valueKind: 'list', test: (fact, value) => (value as string[]).some((item) => (fact as string[]).includes(item)) },
 * ]);
 * operators.has('containsAny'); // true
 * issues; // []
 * operatorRegistry([{ name: 'equal', factTypes: ['enum'], valueKind: 'scalar', test: () => true }]).issues.map((issue) => issue.code); // ['operator_name_taken']
 * ```
 */
export function operatorRegistry(custom: readonly OperatorDefinition[] = []): {
  operators: ReadonlyMap<string, OperatorDefinition>;
  issues: Issue[];
} {
  const operators = new Map(BUILT_IN_OPERATORS);
  const issues: Issue[] = [];
  const error = (path: string, code: RuleSetIssueCode, params?: IssueParams) => issues.push(makeIssue(code, path, params));
  custom.forEach((operator, index) => {
    const at = `operators[${index}]`;
    if (typeof operator?.name !== 'string' || !OPERATOR_NAME.test(operator.name)) {
      error(`${at}.name`, 'operator_name_not_simple');
      return;
    }
    if (operators.has(operator.name)) {
      error(`${at}.name`, 'operator_name_taken', BUILT_IN_OPERATORS.has(operator.name) ? { variant: 'builtIn' } : undefined);
      return;
    }
    const types = Array.isArray(operator.factTypes) ? operator.factTypes : [];
    if (types.length === 0 || types.some((type) => !(FACT_TYPES as readonly string[]).includes(type))) {
      error(`${at}.factTypes`, 'invalid_operator_signature', { variant: 'factTypes', allowed: FACT_TYPES.join(', ') });
      return;
    }
    if (!(OPERATOR_VALUE_KINDS as readonly string[]).includes(operator.valueKind)) {
      error(`${at}.valueKind`, 'invalid_operator_signature', { variant: 'valueKind', allowed: OPERATOR_VALUE_KINDS.join(', ') });
      return;
    }
    if (typeof operator.test !== 'function') {
      error(`${at}.test`, 'invalid_operator_signature', { variant: 'test' });
      return;
    }
    operators.set(operator.name, { name: operator.name, factTypes: [...types], valueKind: operator.valueKind, test: operator.test });
  });
  return { operators, issues };
}
