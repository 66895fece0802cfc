/**
 * The public face of rule-set checking: `validateRuleSet` for one file, `checkRuleSets` for
 * several together (and with the bundled ones). Both return issues as data and never throw.
 *
 * @module
 */
import { BUNDLED_CITATIONS, BUNDLED_RULE_SETS } from '../bundled.js';
import type { Citation } from '../citations/registry.js';
import { compareIssues, type Issue, type SafeFailure } from '../support/issues.js';
import { operatorRegistry } from './custom-operators.js';
import type { OperatorDefinition } from './operators.js';
import { inSource, validateRuleSetIn, validateRuleSets, type RuleSetValidationResult, type SourcedIssue } from './validate.js';

export type { RuleSetValidationResult } from './validate.js';

/** Result of `checkRuleSets`: success (with any warnings), or every issue. */
export type RuleSetCheckResult = { readonly success: true; readonly issues: readonly Issue[] } | SafeFailure;

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
 * const result = validateRuleSet(JSON.parse('{"id":"mine","version":"1.0","title":"Mine","rules":[]}'));
 * result.issues.map((issue) => `${issue.path}: ${issue.code}`); // ['rules: too_few_items', 'version: invalid_version']
 * ```
 */
export function validateRuleSet(json: unknown, options?: RuleSetCheckOptions): RuleSetValidationResult {
  const registry = operatorRegistry(options?.operators);
  if (registry.issues.length > 0) return { success: false, issues: registry.issues };
  return validateRuleSetIn(json, { citations: citationsFor(options), operators: registry.operators });
}

/**
 * Checks rule sets together: each one, then duplicate ids across sets and `exceptionTo`
 * references that dangle, cross scopes or form cycles. By default the bundled rule sets take
 * part, so that a clash with a bundled rule id is found. Issue paths start with the rule set:
 * `[0]` for the first of `ruleSets`, `bundled[2]` for the third bundled one, e.g.
 * `[0].rules[2].exceptionTo[0]`.
 *
 * @example
 * ```ts
 * import { checkRuleSets } from 'red-notice-rules';
 *
 * const { success, issues } = checkRuleSets([{ id: 'mine', version: '1.0.0', title: 'Mine', rules: [] }]);
 * success; // false
 * issues[0]?.path; // '[0].rules'
 * ```
 */
export function checkRuleSets(ruleSets: readonly unknown[], options?: RuleSetCheckOptions): RuleSetCheckResult {
  const checked = checkRuleSetsBySource(ruleSets, options, (set) => (set.bundled ? `bundled[${set.index}]` : `[${set.index}]`));
  const issues = checked.issues.map(({ source, issue }) => inSource(source, issue)).sort(compareIssues);
  return checked.success ? { success: true, issues } : { success: false, issues };
}

/** Which rule set an issue is about: one of the bundled ones, or one of those checked. */
export interface RuleSetSource {
  readonly bundled: boolean;
  /** Its index among the bundled rule sets, or among those checked. */
  readonly index: number;
}

/**
 * @internal `checkRuleSets`, each issue with its rule set named by `name` and its path inside
 * that set (the command line names files).
 */
export function checkRuleSetsBySource(
  ruleSets: readonly unknown[],
  options: RuleSetCheckOptions | undefined,
  name: (source: RuleSetSource) => string,
): { readonly success: boolean; readonly issues: readonly SourcedIssue[] } {
  const registry = operatorRegistry(options?.operators);
  if (registry.issues.length > 0) return { success: false, issues: registry.issues.map((issue) => ({ source: '', issue })) };
  const bundled = options?.includeDefaults === false ? [] : BUNDLED_RULE_SETS;
  const sourceOf = (index: number) => name(index < bundled.length ? { bundled: true, index } : { bundled: false, index: index - bundled.length });
  const validated = validateRuleSets([...bundled, ...ruleSets], { citations: citationsFor(options), operators: registry.operators }, sourceOf);
  return { success: validated.success, issues: validated.issues };
}
