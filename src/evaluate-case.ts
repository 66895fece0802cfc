/**
 * `evaluateCase`, `safeEvaluateCase` and their synchronous forms: the bundled rule sets,
 * compiled once on first use.
 *
 * @module
 */
import type { EvaluateOptions } from './evaluation/options.js';
import { createEvaluator, type Evaluator, type SafeEvaluation } from './evaluation/evaluator.js';
import type { CaseEvaluation, Question } from './evaluation/result.js';

/** @internal The evaluator of the bundled rule sets, created on first use. */
let defaultEvaluator: Evaluator | undefined;

/** @internal The bundled evaluator (shared with `evaluateMany`). */
export function bundledEvaluator(): Evaluator {
  defaultEvaluator ??= createEvaluator();
  return defaultEvaluator;
}

/**
 * Validates a case and evaluates it with the bundled rule sets: for every notice, the outcome
 * under INTERPOL's refugee provisions, the actions to take, missing facts, citations and a full
 * trace. Throws `CaseValidationError` when the case is not valid, `OptionsError` (a
 * `CaseValidationError` too) when the options are not.
 *
 * @example
 * ```ts
 * import { evaluateCase } from 'red-notice-rules';
 *
 * const evaluation = await evaluateCase(
 *   {
 *     schemaVersion: 1,
 *     notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }],
 *     asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }],
 *   },
 *   { asOf: '2026-01-15' },
 * );
 * evaluation.notices[0]?.outcome; // 'delete_once_confirmed'
 * ```
 */
export function evaluateCase(input: unknown, options?: EvaluateOptions): Promise<CaseEvaluation> {
  return bundledEvaluator().evaluate(input, options);
}

/**
 * Like `evaluateCase`, but never throws for a bad case or bad options: it returns
 * `{ success: false, issues, error }` with the issues and the `CaseValidationError` (or
 * `OptionsError`) that `evaluateCase` would have thrown.
 *
 * @example
 * ```ts
 * import { safeEvaluateCase } from 'red-notice-rules';
 *
 * const result = await safeEvaluateCase({ schemaVersion: 1, notices: [] });
 * result.success; // false
 * !result.success && result.issues.map((issue) => [issue.path, issue.code]); // [['notices', 'too_few_items']]
 * ```
 */
export function safeEvaluateCase(input: unknown, options?: EvaluateOptions): Promise<SafeEvaluation> {
  return bundledEvaluator().safeEvaluate(input, options);
}

/**
 * `evaluateCase`, synchronously: for callers that cannot await (a form evaluated on every
 * keystroke, a synchronous hook). Same result as `evaluateCase`, on the compiled engine; throws
 * `CaseValidationError` when the case is not valid, `OptionsError` when the options are not, and
 * a `TypeError` when the options ask for the `json-rules-engine` engine, which runs
 * asynchronously only.
 *
 * @example
 * ```ts
 * import { evaluateCaseSync } from 'red-notice-rules';
 *
 * const evaluation = evaluateCaseSync(
 *   { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] },
 *   { asOf: '2026-01-15', trace: 'none' },
 * );
 * evaluation.notices[0]?.outcome; // 'not_applicable'
 * ```
 */
export function evaluateCaseSync(input: unknown, options?: EvaluateOptions): CaseEvaluation {
  return bundledEvaluator().evaluateSync(input, options);
}

/**
 * `safeEvaluateCase`, synchronously: never throws for a bad case or bad options.
 *
 * @example
 * ```ts
 * import { safeEvaluateCaseSync } from 'red-notice-rules';
 *
 * const result = safeEvaluateCaseSync({ schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'diffusion', requestingCountry: 'TJ' }], asylum: [] }, { asOf: '2026-01-15' });
 * result.success && result.evaluation.notices[0]?.outcome; // 'not_applicable'
 * ```
 */
export function safeEvaluateCaseSync(input: unknown, options?: EvaluateOptions): SafeEvaluation {
  return bundledEvaluator().safeEvaluateSync(input, options);
}

/**
 * The questions that matter for a case: the unknown facts whose answer would change an
 * outcome, add or remove an action, or move a deadline — each as a plain-language question in
 * `options.locale`, with what each answer would change, most consequential first. Computed from
 * the bundled rule sets (the rules run again with each fact set to each of its values), never
 * listed by hand: a fact whose answer changes nothing is not asked. The same list as
 * `evaluateCaseSync(input, options).questions`; throws like `evaluateCaseSync`.
 *
 * @example
 * ```ts
 * import { nextQuestions } from 'red-notice-rules';
 *
 * const questions = nextQuestions(
 *   {
 *     schemaVersion: 1,
 *     notices: [{ id: 'df-1', kind: 'diffusion', requestingCountry: 'TJ' }],
 *     asylum: [{ type: 'asylum_denied', date: '2025-03-03', country: 'FR', persecutionFearedFrom: ['TJ'] }],
 *   },
 *   { asOf: '2026-06-30', locale: 'es' },
 * );
 * questions[0]?.text; // '¿Es definitiva la denegación de asilo de Francia del 3 de marzo de 2025, o todavía puede recurrirse?'
 * questions[0]?.paths; // ['asylum[0].final']
 * questions[0]?.impact; // 'outcome'
 * ```
 */
export function nextQuestions(input: unknown, options?: Omit<EvaluateOptions, 'questions' | 'trace' | 'engine'>): readonly Question[] {
  return bundledEvaluator().evaluateSync(input, { ...options, trace: 'none', engine: 'compiled', questions: true }).questions ?? [];
}
