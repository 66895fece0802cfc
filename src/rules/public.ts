/**
 * The public face of rule-set checking: `validateRuleSet` for one file, `checkRuleSets` for
 * several together (and with the bundled ones). Both return issues as data and never throw.
 *
 * @module
 */
import { BUNDLED_CITATIONS, BUNDLED_RULE_SETS } from '../bundled.js';
import type { Citation } from '../citations/registry.js';
import type { Issue } from '../support/issues.js';
import { operatorRegistry } from './custom-operators.js';
import type { OperatorDefinition } from './operators.js';
import { buildRuleBook } from './rule-book.js';
import type { RuleSetJson } from './schema.js';
import { validateRuleSetIn } from './validate.js';

/** Options of `validateRuleSet` and `checkRuleSets`. */
export interface RuleSetCheckOptions {
  /** Citations the rule sets may cite besides the bundled registry. */
  readonly citations?: Readonly<Record<string, Citation>>;
  /** `checkRuleSets` only: check together with the bundled rule sets (default `true`). */
  readonly includeDefaults?: boolean;
  /** Custom operators the rule sets use (as given to `createEvaluator`). */
  readonly operators?: readonly OperatorDefinition[];
}

/** @internal Bundled and added citations. */
function citationsFor(options: RuleSetCheckOptions | undefined): Map<string, Citation> {
  return new Map([...Object.entries(BUNDLED_CITATIONS), ...Object.entries(options?.citations ?? {})]);
}

/**
 * Validates one rule-set file: schema, facts, operators, values, citations, named conditions,
 * periods in force. `success` is false when any issue is an error.
 *
 * @example
 * ```ts
 * import { validateRuleSet } from 'red-notice-rules';
 *
 * const result = validateRuleSet(JSON.parse(text));
 * for (const issue of result.issues) console.log(`${issue.path}: ${issue.code} — ${issue.message}`);
 * ```
 */
export function validateRuleSet(
  json: unknown,
  options?: RuleSetCheckOptions,
): { readonly success: true; readonly ruleSet: RuleSetJson; readonly issues: readonly Issue[] } | { readonly success: false; readonly issues: readonly Issue[] } {
  const registry = operatorRegistry(options?.operators);
  if (registry.issues.length > 0) return { success: false, issues: registry.issues };
  return validateRuleSetIn(json, { citations: citationsFor(options), operators: registry.operators });
}

/**
 * Checks rule sets together: each one, then duplicate ids across sets and `exceptionTo`
 * references that dangle, cross scopes or form cycles. By default the bundled rule sets take
 * part, so that a clash with a bundled rule id is found. Issue paths start with the index of
 * the rule set in `ruleSets`, e.g. `[0].rules[2].exceptionTo[0]`.
 *
 * @example
 * ```ts
 * import { checkRuleSets } from 'red-notice-rules';
 *
 * const { success, issues } = checkRuleSets([myRules]);
 * ```
 */
export function checkRuleSets(
  ruleSets: readonly unknown[],
  options?: RuleSetCheckOptions,
): { readonly success: boolean; readonly issues: readonly Issue[] } {
  const registry = operatorRegistry(options?.operators);
  if (registry.issues.length > 0) return { success: false, issues: registry.issues };
  const bundled = options?.includeDefaults === false ? [] : BUNDLED_RULE_SETS;
  const result = buildRuleBook([...bundled, ...ruleSets], citationsFor(options), registry.operators);
  const issues = result.issues.map((issue) => ({ ...issue, path: renumber(issue.path, bundled.length) }));
  return { success: result.success, issues };
}

/** @internal Shifts the leading `[k]` of a path past the bundled sets (bundled ones become `bundled[k]`). */
function renumber(path: string, bundledCount: number): string {
  return path.replace(/^\[(\d+)\]/, (_, index: string) => {
    const k = Number(index);
    return k < bundledCount ? `bundled[${k}]` : `[${k - bundledCount}]`;
  });
}
