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
    const first = issues.slice(0, 5).map((issue) => `  - ${issue.path || '(root)'}: ${issue.code} — ${issue.message}`);
    const more = issues.length > 5 ? [`  … and ${issues.length - 5} more`] : [];
    super([summary, ...first, ...more].join('\n'));
    this.issues = issues;
  }
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
  | 'nesting_too_deep';

/**
 * Thrown by `evaluateCase` (and returned by `safeEvaluateCase`) when the case, or the options
 * of the evaluation, are not valid. `issues` lists every problem with its path and code;
 * neither the message nor the issues contain values from the case.
 *
 * @example
 * ```ts
 * try {
 *   await evaluateCase(input);
 * } catch (error) {
 *   if (error instanceof CaseValidationError) {
 *     for (const issue of error.issues) console.error(issue.path, issue.code);
 *   }
 * }
 * ```
 */
export class CaseValidationError extends IssuesError<CaseIssueCode> {
  override readonly name = 'CaseValidationError';

  constructor(issues: readonly Issue<CaseIssueCode>[]) {
    super(`The case is not valid (${issues.length} issue${issues.length === 1 ? '' : 's'}):`, issues);
  }
}

/** Codes of the issues a rule set (or a citation registry) can have. */
export type RuleSetIssueCode = string;

/**
 * Thrown by `createEvaluator` when a rule set or citation registry does not load: schema
 * errors, unknown facts or citations, duplicate ids, dangling or cyclic `exceptionTo`.
 *
 * @example
 * ```ts
 * try {
 *   createEvaluator({ ruleSets: [myRules] });
 * } catch (error) {
 *   if (error instanceof RuleSetError) console.table(error.issues);
 * }
 * ```
 */
export class RuleSetError extends IssuesError<RuleSetIssueCode> {
  override readonly name = 'RuleSetError';

  constructor(issues: readonly Issue<RuleSetIssueCode>[]) {
    super(`The rule sets do not load (${issues.length} issue${issues.length === 1 ? '' : 's'}):`, issues);
  }
}
