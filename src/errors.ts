/**
 * The errors the library throws. Only programmer errors throw — a malformed case passed to
 * `evaluateCase`, a rule set that does not load — and every error carries its issues as data.
 *
 * @module
 */
import type { Issue } from './support/issues.js';

/** @internal Shared behaviour of the library's errors: a summary message and the issues. */
abstract class IssuesError<Code extends string> extends Error {
  /** Every problem found, sorted by path. */
  readonly issues: readonly Issue<Code>[];

  protected constructor(summary: string, issues: readonly Issue<Code>[]) {
    super(summarise(summary, issues));
    this.issues = issues;
  }
}

/** @internal An error's message: the summary, then the first issues. */
function summarise(summary: string, issues: readonly Issue[]): string {
  const first = issues.slice(0, 5).map((issue) => `  - ${issue.path || '(root)'}: ${issue.code} — ${issue.message}`);
  const more = issues.length > 5 ? [`  … and ${issues.length - 5} more`] : [];
  return [summary, ...first, ...more].join('\n');
}

/** Codes of the issues a case (or the options of an evaluation) can have. */
export type CaseIssueCode =
  | 'not_an_object'
  | 'required'
  | 'invalid_type'
  | 'unknown_key'
  | 'forbidden_key'
  | 'invalid_value'
  | 'unsupported_schema_version'
  | 'invalid_date'
  | 'invalid_country'
  | 'empty_string'
  | 'too_few_items'
  | 'too_many_items'
  | 'string_too_long'
  | 'number_out_of_range'
  | 'duplicate_notice_id'
  | 'duplicate_value'
  | 'unknown_notice_reference'
  | 'feared_country_is_host'
  | 'field_not_applicable'
  | 'appeal_deadline_before_decision'
  | 'deletion_fields_without_deletion'
  | 'notice_deleted_before_issued'
  | 'charges_dropped_before_issued'
  | 'ccf_admissible_before_filed'
  | 'ccf_decided_before_filed'
  | 'ccf_decided_before_admissible'
  | 'ccf_pending_with_decision_date'
  | 'detention_released_before_start'
  | 'extradition_same_country'
  | 'input_too_large'
  | 'nesting_too_deep'
  | 'invalid_option'
  | 'unknown_option'
  | 'not_plain_data'
  | 'result_too_large'
  | 'unknown_extension_fact'
  | 'invalid_extension_value'
  // Codes of the schema mapping that no field of schemaVersion 1 raises today (formats, record keys).
  | 'invalid_format'
  | 'invalid_key';

/**
 * Thrown by `evaluateCase` (and returned by `safeEvaluateCase`) when the case, or the options
 * of the evaluation, are not valid. `issues` lists every problem with its path and code;
 * neither the message nor the issues contain values from the case.
 *
 * @example
 * ```ts
 * import { CaseValidationError, evaluateCase } from 'red-notice-rules';
 *
 * const error = await evaluateCase({ schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'Narnia' }] }).catch((thrown: unknown) => thrown);
 * error instanceof CaseValidationError; // true
 * (error as CaseValidationError).issues.map((issue) => [issue.path, issue.code]); // [['notices[0].requestingCountry', 'invalid_country']]
 * (error as Error).message.includes('Narnia'); // false
 * ```
 */
export class CaseValidationError extends IssuesError<CaseIssueCode> {
  override readonly name: string = 'CaseValidationError';

  constructor(issues: readonly Issue<CaseIssueCode>[]) {
    super(`The case is not valid (${count(issues)}):`, issues);
  }
}

/**
 * Thrown by `evaluateCase` (and returned by `safeEvaluateCase`) when the options of an
 * evaluation are not valid — an unknown `locale`, a date that does not exist, a key that is not
 * an option — whatever the case. A `CaseValidationError` too (so that code catching that one
 * still catches it), with the issue codes `invalid_option` and `unknown_option`, paths that start
 * with `options`, and a message that says the options, not the case, are at fault.
 *
 * @example
 * ```ts
 * import { OptionsError, safeEvaluateCaseSync } from 'red-notice-rules';
 *
 * const result = safeEvaluateCaseSync({ schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }] }, { locale: 'xx' as 'en' });
 * result.success; // false
 * !result.success && result.error instanceof OptionsError; // true
 * !result.success && result.issues[0]?.code; // 'invalid_option'
 * ```
 */
export class OptionsError extends CaseValidationError {
  override readonly name: string = 'OptionsError';

  constructor(issues: readonly Issue<CaseIssueCode>[]) {
    super(issues);
    this.message = summarise(`The evaluation options are not valid (${count(issues)}):`, issues);
  }
}

/** @internal "1 issue", "2 issues". */
function count(issues: readonly unknown[]): string {
  return `${issues.length} issue${issues.length === 1 ? '' : 's'}`;
}

/**
 * Every code of the issues a rule set, a citation registry, a misuse-pattern file or a custom
 * operator can have (`validateRuleSet`, `checkRuleSets`, `createEvaluator`).
 */
export const RULE_SET_ISSUE_CODES = [
  // Reading the JSON
  'not_an_object', 'forbidden_key', 'input_too_large', 'nesting_too_deep', 'not_plain_data',
  // The schema
  'required', 'invalid_type', 'unknown_key', 'invalid_value', 'empty_string', 'too_few_items', 'too_many_items',
  'string_too_long', 'number_out_of_range', 'invalid_date', 'invalid_identifier', 'invalid_version', 'invalid_action_code',
  'invalid_condition_name', 'fact_name_not_simple', 'path_not_simple', 'operator_name_not_simple', 'invalid_publication_date',
  'invalid_fact_name',
  // One rule set
  'duplicate_rule_id', 'effective_range_inverted', 'uncited_rule', 'unknown_citation', 'factor_rule_without_factor',
  'factor_rule_with_output', 'factor_without_factor_effect', 'rule_has_no_effect', 'outcome_outside_notice_scope',
  'outcome_from_result_facts', 'exception_to_self', 'action_title_required', 'unknown_fact', 'deadline_fact_not_a_date',
  'fact_out_of_scope', 'unknown_placeholder', 'condition_reference_cycle', 'unknown_condition_reference', 'unknown_operator',
  'operator_not_for_fact', 'value_not_allowed', 'citations_fact_not_enumerable', 'rule_set_too_large', 'invalid_fact_declaration',
  'invalid_language_tag', 'unknown_language_tag',
  // Rule sets together
  'duplicate_rule_set_id', 'duplicate_factor_action', 'unknown_factor_action', 'unknown_exception_target',
  'exception_scope_mismatch', 'exception_across_passes', 'exception_cycle', 'unknown_replacement_target',
  'replacement_in_same_set', 'replacement_scope_mismatch', 'duplicate_replacement', 'replacement_cycle', 'duplicate_namespace',
  // What an evaluator loads besides rule sets
  'duplicate_citation_id', 'duplicate_pattern_id', 'operator_name_taken', 'invalid_operator_signature',
] as const;

/** Codes of the issues a rule set (or a citation registry, misuse patterns, custom operators) can have. */
export type RuleSetIssueCode = (typeof RULE_SET_ISSUE_CODES)[number];

/**
 * Thrown by `createEvaluator` when a rule set or citation registry does not load: schema
 * errors, unknown facts or citations, duplicate ids, dangling or cyclic `exceptionTo`.
 *
 * @example
 * ```ts
 * import { createEvaluator, RuleSetError } from 'red-notice-rules';
 *
 * let error: unknown;
 * try {
 *   createEvaluator({ ruleSets: [{ id: 'mine', version: '1.0.0', title: 'Mine', rules: [] }] });
 * } catch (thrown) {
 *   error = thrown;
 * }
 * error instanceof RuleSetError; // true
 * (error as RuleSetError).issues.map((issue) => [issue.path, issue.code]); // [['[0].rules', 'too_few_items']]
 * ```
 */
export class RuleSetError extends IssuesError<string> {
  override readonly name = 'RuleSetError';

  constructor(issues: readonly Issue<string>[]) {
    super(`The rule sets do not load (${count(issues)}):`, issues);
  }
}
