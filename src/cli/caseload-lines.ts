/**
 * One line of a caseload, from its text to its output: the JSON read, the case evaluated (or, for
 * `diff`, evaluated with both rule-set versions and compared), the output line written. The same
 * code runs in the main thread (`--jobs 1`) and in each worker thread, so that the output does not
 * depend on the number of threads. Bad lines give their issues — paths and codes, never a value.
 *
 * @module
 */
import type { Citation } from '../citations/registry.js';
import { createEvaluator, type Evaluator } from '../evaluation/evaluator.js';
import type { EvaluateOptions } from '../evaluation/options.js';
import type { RuleSetJson } from '../rules/schema.js';
import type { Issue } from '../support/issues.js';
import { escapeJsonControls } from '../support/safe-text.js';
import { CLI_INPUT_LIMIT_BYTES, syntaxError } from './input.js';
import { cliWords, fill } from './words.js';
import { impactOf, ruleDefinitions } from './impact.js';
import type { InputLine } from './json-lines.js';

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

/** What became of one line: its output line (none for a `diff` line without change), or why it was skipped. */
export type LineOutcome =
  | { readonly line: number; readonly output?: string; readonly changed?: boolean }
  | { readonly line: number; readonly issues: readonly Issue[] }
  | { readonly line: number; readonly internal: string };

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

/** @internal The output line of an object: compact JSON, controls escaped. */
function jsonLine(value: unknown): string {
  return `${escapeJsonControls(JSON.stringify(value))}\n`;
}

/**
 * A function from a line to its outcome, with the evaluators of `settings` built once. Throws
 * `RuleSetError` when the rule sets do not load (the main thread builds one first, to report it).
 *
 * @example
 * ```ts
 * const processLine = lineProcessor({ mode: 'evaluate', ruleSets: [], ruleSetsAfter: [], citations: {}, misusePatterns: [], options: { asOf: '2026-01-15', trace: 'none', questions: false } });
 * const bad = processLine({ line: 4, text: '{"schemaVersion":1,"notices":[]}' });
 * 'issues' in bad && bad.issues.map((issue) => [issue.path, issue.code]); // [['notices', 'too_few_items']]
 * const long = processLine({ line: 5, tooLong: true });
 * 'issues' in long && long.issues[0]?.code; // 'input_too_large'
 * const good = processLine({ line: 6, text: '{"schemaVersion":1,"caseId":"c-6","notices":[{"id":"rn-1","kind":"red_notice","requestingCountry":"TJ"}],"asylum":[]}' });
 * 'output' in good && good.output?.startsWith('{"line":6,"caseId":"c-6","evaluation":{'); // true
 * ```
 */
export function lineProcessor(settings: CaseloadSettings): (input: InputLine) => LineOutcome {
  const evaluate = (evaluator: Evaluator, value: unknown, options: EvaluateOptions) => evaluator.safeEvaluateSync(value, options);
  const before = createEvaluator({ ruleSets: settings.ruleSets, citations: settings.citations, misusePatterns: settings.misusePatterns });
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
      if (after === undefined) return { line, output: jsonLine({ ...at, evaluation: first.evaluation }) };
      const second = evaluate(after, parsed.value, settings.options);
      if (!second.success) return { line, issues: second.issues };
      const changes = impactOf(first.evaluation, second.evaluation, definitions!);
      return changes.length === 0 ? { line, changed: false } : { line, changed: true, output: jsonLine({ ...at, changes }) };
    } catch (error) {
      // A bug, not the line's fault: reported with the line's number, and the rest goes on.
      return { line, internal: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
  };
}
