/**
 * `evaluateMany`: a caseload, one result per case, in input order. Browser-safe: it evaluates
 * one case after another in the thread it runs in. Spreading a caseload over threads is the
 * command line's work (`red-notice-rules evaluate --batch`, with `node:worker_threads`), so that
 * the core imports nothing of Node.
 *
 * @module
 */
import { bundledEvaluator } from './evaluate-case.js';
import { OptionsError } from './errors.js';
import type { Evaluator, SafeEvaluation } from './evaluation/evaluator.js';
import { resolveOptions, type EvaluateOptions } from './evaluation/options.js';
import { todayUtc } from './support/dates.js';

/** Options of `evaluateMany`: those of an evaluation, and the evaluator to use. */
export interface EvaluateManyOptions extends EvaluateOptions {
  /** The evaluator (rule sets) to evaluate with. Default: the bundled rule sets, as `evaluateCase`. */
  readonly evaluator?: Evaluator;
}

/**
 * One case of a caseload: its position in the input (from 0), and its evaluation or the issues
 * that kept it from being evaluated (as `safeEvaluateCase` gives them: paths and codes, never a
 * value of the case).
 */
export type EvaluateManyResult = SafeEvaluation & { readonly index: number };

/**
 * Evaluates a caseload — any iterable or async iterable of cases (parsed JSON) — and yields one
 * result per case, in input order, as the input comes: a stream of any length is read one case
 * at a time. A case that is not valid yields `{ success: false, issues }` and the stream goes
 * on; nothing is thrown for a case. Every case is judged at the same date: `asOf`, or today (UTC)
 * when the stream starts.
 *
 * Throws `OptionsError` at once (before reading any case) when the options are not valid; an
 * error of the input iterable itself is passed on.
 *
 * @example
 * ```ts
 * import { evaluateMany } from 'red-notice-rules';
 *
 * const caseload = [
 *   { schemaVersion: 1, caseId: 'c-1', notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }] },
 *   { schemaVersion: 1, notices: [] },
 * ];
 * const results = [];
 * for await (const result of evaluateMany(caseload, { asOf: '2026-01-15', trace: 'none' })) results.push(result);
 * results.map((result) => result.index); // [0, 1]
 * results[0]?.success && results[0].evaluation.notices[0]?.outcome; // 'delete_once_confirmed'
 * results[1]?.success === false && results[1].issues[0]?.code; // 'too_few_items'
 * ```
 */
export function evaluateMany(inputs: Iterable<unknown> | AsyncIterable<unknown>, options: EvaluateManyOptions = {}): AsyncGenerator<EvaluateManyResult, void, undefined> {
  const { evaluator, ...given } = options;
  const checked = resolveOptions(given, 'compiled');
  if (!checked.success) throw new OptionsError(checked.issues);
  const fixed: EvaluateOptions = { ...given, asOf: given.asOf ?? todayUtc() };
  return results(inputs, evaluator ?? bundledEvaluator(), fixed);
}

/** @internal The results, one per input, in order. */
async function* results(inputs: Iterable<unknown> | AsyncIterable<unknown>, evaluator: Evaluator, options: EvaluateOptions): AsyncGenerator<EvaluateManyResult, void, undefined> {
  let index = 0;
  for await (const input of inputs) {
    yield { ...(await evaluator.safeEvaluate(input, options)), index };
    index += 1;
  }
}
