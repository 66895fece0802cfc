/**
 * The lines of a caseload, from their text to their output: the JSON read, the case evaluated (or,
 * for `diff`, evaluated with both rule-set versions and compared), the output line written as
 * UTF-8 bytes, a batch of lines at a time. The same code runs in the main thread (`--jobs 1`) and
 * in each worker thread, so that the output does not depend on the number of threads. Bad lines give their issues — paths and codes, never a value.
 *
 * @module
 */
import type { Citation } from '../citations/registry.js';
import { createEvaluator, type Evaluator } from '../evaluation/evaluator.js';
import type { EvaluateOptions } from '../evaluation/options.js';
import type { RuleSetJson } from '../rules/schema.js';
import type { Issue } from '../support/issues.js';
import { CLI_INPUT_LIMIT_BYTES, syntaxError } from './input.js';
import { cliWords, fill } from './words.js';
import { impactOf, ruleDefinitions } from './impact.js';
import type { InputLine } from './json-lines.js';
import type { OutputBytes } from './output-bytes.js';

/** What a caseload run needs to build its evaluators, in any thread: plain data only (it is sent to the workers). */
export interface CaseloadSettings {
  readonly mode: 'evaluate' | 'diff';
  /** The `--rules` files (evaluate), or the `--rules-before` files (diff). */
  readonly ruleSets: readonly unknown[];
  /** The `--rules-after` files (diff only). */
  readonly ruleSetsAfter: readonly unknown[];
  readonly citations: Readonly<Record<string, Citation>>;
  readonly misusePatterns: readonly unknown[];
  /** Every option fixed, `asOf` included, so that every thread judges at the same date. */
  readonly options: EvaluateOptions;
}

/** What became of one line: the record it outputs (none for a `diff` line without change), or why it was skipped. */
type LineResult =
  | { readonly line: number; readonly record?: object; readonly changed?: boolean }
  | { readonly line: number; readonly issues: readonly Issue[] }
  | { readonly line: number; readonly internal: string };

/**
 * A line of a batch that is not simply written out: a line skipped (with its issues, or the
 * internal error it met), or a `diff` line that changed. `at` is where its output starts in the
 * batch's bytes (where a skipped line would have been), `end` where it ends.
 */
export type LineMark =
  | { readonly line: number; readonly at: number; readonly issues: readonly Issue[] }
  | { readonly line: number; readonly at: number; readonly internal: string }
  | { readonly line: number; readonly at: number; readonly end: number; readonly changed: true };

/** What became of a batch of lines: their output is in the batch's bytes; the lines that need more than writing are marked. */
export interface BatchOutcome {
  /** The lines of the batch (blank lines are not in it). */
  readonly lines: number;
  /** Its skipped and (`diff`) changed lines, in input order. */
  readonly marks: readonly LineMark[];
}

/** @internal The issue of a line past the input limit. */
function tooLongIssue(): Issue {
  // `params.cliLine` lets the main thread word it again in the command line's language (`issueText`).
  const limit = CLI_INPUT_LIMIT_BYTES / 1024 / 1024;
  return { code: 'input_too_large', path: '', message: fill(cliWords('en').input.lineTooLarge, { limit }), severity: 'error', params: { cliLine: 'lineTooLarge', limit } };
}

/** @internal A line's JSON, or the issue of its syntax (where and what, never the text). */
function parseLine(text: string): { success: true; value: unknown } | { success: false; issue: Issue } {
  try {
    return { success: true, value: JSON.parse(text) as unknown };
  } catch {
    const at = syntaxError(text);
    const words = cliWords('en');
    const issue: Issue =
      at === undefined
        ? { code: 'invalid_json', path: '', message: words.input.invalidJson, severity: 'error', params: { cliLine: 'invalidJson' } }
        : { code: 'invalid_json', path: '', message: fill(words.input.invalidJsonAtColumn, { what: at.what, column: at.column }), severity: 'error', params: { cliLine: 'invalidJsonAtColumn', syntax: at.error, column: at.column } };
    return { success: false, issue };
  }
}

/** @internal A function from a line to what became of it, with the evaluators of `settings` built once. */
function lineProcessor(settings: CaseloadSettings, built?: Evaluator): (input: InputLine) => LineResult {
  const evaluate = (evaluator: Evaluator, value: unknown, options: EvaluateOptions) => evaluator.safeEvaluateSync(value, options);
  const before = (settings.mode === 'evaluate' ? built : undefined) ?? createEvaluator({ ruleSets: settings.ruleSets, citations: settings.citations, misusePatterns: settings.misusePatterns });
  const after = settings.mode === 'diff' ? createEvaluator({ ruleSets: settings.ruleSetsAfter, citations: settings.citations, misusePatterns: settings.misusePatterns }) : undefined;
  const definitions =
    after === undefined ? undefined : { before: ruleDefinitions(settings.ruleSets as readonly RuleSetJson[]), after: ruleDefinitions(settings.ruleSetsAfter as readonly RuleSetJson[]) };
  return (input) => {
    const { line } = input;
    if ('tooLong' in input) return { line, issues: [tooLongIssue()] };
    try {
      const parsed = parseLine(input.text);
      if (!parsed.success) return { line, issues: [parsed.issue] };
      const first = evaluate(before, parsed.value, settings.options);
      if (!first.success) return { line, issues: first.issues };
      const caseId = first.evaluation.meta.caseId;
      const at = caseId === undefined ? { line } : { line, caseId };
      if (after === undefined) return { line, record: { ...at, evaluation: first.evaluation } };
      const second = evaluate(after, parsed.value, settings.options);
      if (!second.success) return { line, issues: second.issues };
      const changes = impactOf(first.evaluation, second.evaluation, definitions!);
      return changes.length === 0 ? { line, changed: false } : { line, changed: true, record: { ...at, changes } };
    } catch (error) {
      // A bug, not the line's fault: reported with the line's number, and the rest goes on.
      return { line, internal: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
  };
}

/**
 * A function from a batch of lines to their output, with the evaluators of `settings` built
 * once: each line read (JSON), evaluated (or, for `diff`, evaluated with both versions and
 * compared), and its output line — compact JSON, controls escaped — written into `out` as UTF-8.
 * `evaluator`, for `evaluate`, is one of the settings' rule sets built already. Throws
 * `RuleSetError` when the rule sets do not load (the main thread builds one first, to report it).
 *
 * @example
 * ```ts
 * import { OutputBytes } from './output-bytes.js';
 *
 * const processBatch = batchProcessor({ mode: 'evaluate', ruleSets: [], ruleSetsAfter: [], citations: {}, misusePatterns: [], options: { asOf: '2026-01-15', trace: 'none', questions: false } });
 * const out = new OutputBytes();
 * const { lines, marks } = processBatch(
 *   [
 *     { line: 4, text: '{"schemaVersion":1,"notices":[]}' },
 *     { line: 5, tooLong: true },
 *     { line: 6, text: '{"schemaVersion":1,"caseId":"c-6","notices":[{"id":"rn-1","kind":"red_notice","requestingCountry":"TJ"}],"asylum":[]}' },
 *   ],
 *   out,
 * );
 * lines; // 3
 * marks.map((mark) => ['issues' in mark && mark.issues[0]?.code, mark.line, mark.at]); // [['too_few_items', 4, 0], ['input_too_large', 5, 0]]
 * out.bytes().toString().startsWith('{"line":6,"caseId":"c-6","evaluation":{'); // true
 * ```
 */
export function batchProcessor(settings: CaseloadSettings, evaluator?: Evaluator): (lines: readonly InputLine[], out: OutputBytes) => BatchOutcome {
  const processLine = lineProcessor(settings, evaluator);
  return (lines, out) => {
    const marks: LineMark[] = [];
    for (const input of lines) {
      const result = processLine(input);
      const at = out.length;
      if ('issues' in result) marks.push({ line: result.line, at, issues: result.issues });
      else if ('internal' in result) marks.push({ line: result.line, at, internal: result.internal });
      else if (result.record !== undefined) {
        try {
          out.appendJsonLine(result.record);
        } catch (error) {
          // A bug (a result that is not JSON): reported as such, and the rest goes on.
          marks.push({ line: result.line, at, internal: error instanceof Error ? (error.stack ?? error.message) : String(error) });
          continue;
        }
        if (result.changed === true) marks.push({ line: result.line, at, end: out.length, changed: true });
      }
    }
    return { lines: lines.length, marks };
  };
}
