/**
 * The caseload commands: `evaluate --batch` (JSON Lines in, one evaluation per line out) and
 * `diff --rules-before A --rules-after B` (the cases whose outcome, actions or deadlines change
 * between two rule-set versions, with the rules that caused each change). Both stream: one line
 * at a time, in input order, over worker threads (`--jobs`), with memory flat however long the
 * input; a bad line is reported on stderr with its number (never its content) and skipped.
 *
 * Exit codes: `evaluate --batch` 0 when every line was evaluated, 2 when a line was skipped;
 * `diff` 0 when no case changes, 1 when some do, 2 when a line was skipped (the report is then
 * incomplete, whatever it found); 3 when a line met an internal error (a bug).
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import type { Citation } from '../citations/registry.js';
import type { Evaluator } from '../evaluation/evaluator.js';
import { resolveOptions, TRACE_LEVELS, type EvaluateOptions, type TraceLevel } from '../evaluation/options.js';
import { CATALOGUES, type Locale } from '../locales/index.js';
import type { CliUsageKey } from './catalogue.js';
import { todayUtc } from '../support/dates.js';
import type { Issue } from '../support/issues.js';
import type { CommandSpec, OptionSpec, ParsedCommand } from './arguments.js';
import type { CaseloadSettings, LineMark } from './caseload-lines.js';
import { CaseloadWorkers, processLines, type OutputChunk, type PoolOptions } from './caseload-pool.js';
import type { CaseChange, ChangeCause } from './impact.js';
import { CLI_INPUT_LIMIT_BYTES, issueText, unreadable, UserInputError, type CliIo } from './input.js';
import { jsonLines } from './json-lines.js';
import { LIBRARY_NAME } from '../version.js';
import { usageIssue } from './arguments.js';
import { cliWords, countWords, fill } from './words.js';

/** @internal Where the package's own files are, seen from a project that installed it. */
const INSTALLED = `node_modules/${LIBRARY_NAME}`;

/** @internal The most worker threads `--jobs` takes. */
const MAX_JOBS = 64;

/** @internal The option of the number of threads. */
const JOBS_OPTION: OptionSpec = { name: 'jobs', value: '<n>', description: (words) => words.options.jobs };

/** Options `evaluate` takes for a caseload (and, `--trace` and `--no-questions`, for one case too). */
export const BATCH_OPTIONS: readonly OptionSpec[] = [
  { name: 'batch', description: (words) => words.options.batch },
  JOBS_OPTION,
  { name: 'trace', value: '<level>', description: (words) => fill(words.options.trace, { values: TRACE_LEVELS.join(', ') }), defaultValue: 'full' },
  { name: 'no-questions', description: (words) => words.options['no-questions'] },
];

/** The `diff` command. */
export const DIFF_COMMAND: CommandSpec = {
  name: 'diff',
  argumentsUsage: '<cases>',
  positionals: { min: 1, max: 1 },
  description: (words) => words.commands.diff,
  options: [
    { name: 'rules-before', value: '<file>', description: (words) => words.options['diff.rules-before'], multiple: true },
    { name: 'rules-after', value: '<file>', description: (words) => words.options['diff.rules-after'], multiple: true },
    { name: 'citations', value: '<file>', description: (words) => words.options['diff.citations'], multiple: true },
    { name: 'as-of', value: '<date>', description: (words) => words.options['diff.as-of'] },
    { name: 'format', value: '<format>', description: (words) => words.options['diff.format'], defaultValue: 'text' },
    JOBS_OPTION,
  ],
  examples: [
    `${LIBRARY_NAME} diff --rules-after ${INSTALLED}/examples/authoring/detention-letters.rules.json --citations ${INSTALLED}/examples/authoring/firm-citations.json --as-of 2026-06-30 ${INSTALLED}/examples/caseload.jsonl`,
  ],
};

/** @internal A usage error: one issue without a path, in the command line's language. */
function usage(key: CliUsageKey, params: Readonly<Record<string, string | number>>, locale: Locale): UserInputError {
  return new UserInputError([{ ...usageIssue(key, params, locale), path: '', severity: 'error' }]);
}

/** @internal A string option. */
function text(value: string | boolean | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** @internal `--jobs`, checked; by default the available cores (one thread when there is no worker script). */
function jobsOption(value: string | undefined, io: CliIo, locale: Locale): number {
  if (value === undefined) return io.workerScript === undefined ? 1 : availableParallelism();
  if (!/^[1-9][0-9]*$/.test(value) || Number(value) > MAX_JOBS) throw usage('invalid_option.jobs', { max: MAX_JOBS }, locale);
  return Number(value);
}

/** @internal Evaluation options, checked as the library checks them, each issue naming its flag. */
function evaluateOptions(options: EvaluateOptions): EvaluateOptions {
  const checked = resolveOptions(options, 'compiled');
  if (!checked.success) {
    throw new UserInputError(checked.issues, (path) => ({ file: '', path: `--${(/^options\.([A-Za-z]+)/.exec(path)?.[1] ?? '').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}` }));
  }
  // One date for every case and thread, even across midnight.
  return { ...options, asOf: options.asOf ?? todayUtc() };
}

/**
 * The trace and questions options of `evaluate` (`--trace`, `--no-questions`), for one case or a caseload.
 *
 * @example
 * ```ts
 * traceOptions({ trace: 'none', 'no-questions': true }); // { trace: 'none', questions: false }
 * ```
 */
export function traceOptions(options: ParsedCommand['options']): Pick<EvaluateOptions, 'trace' | 'questions'> {
  const trace = text(options.trace);
  return { ...(trace === undefined ? {} : { trace: trace as TraceLevel }), ...(options['no-questions'] === true ? { questions: false } : {}) };
}

/** @internal The chunks of the input, with an error of reading reported as bad input. */
async function* inputChunks(file: string, io: CliIo): AsyncGenerator<Uint8Array | string, void, undefined> {
  try {
    if (io.openStream !== undefined) yield* io.openStream(file);
    else yield file === '-' ? await io.readStdin(CLI_INPUT_LIMIT_BYTES) : await io.readFile(file, CLI_INPUT_LIMIT_BYTES);
  } catch (error) {
    throw new UserInputError([unreadable(error, file)], (path) => ({ file: file === '-' ? 'stdin' : file, path }));
  }
}

/** @internal Counts of a run, and its progress line on a terminal. */
class RunCounter {
  lines = 0;
  skipped = 0;
  internal = 0;
  changed = 0;
  private shown = 0;

  constructor(
    private readonly io: CliIo,
    private readonly locale: Locale,
  ) {}

  count(chunk: OutputChunk): void {
    this.lines += chunk.lines;
    for (const mark of chunk.marks) {
      if ('issues' in mark) this.skipped += 1;
      else if ('internal' in mark) this.internal += 1;
      else this.changed += 1;
    }
    if (this.io.progress === undefined) return;
    const now = Date.now();
    if (now - this.shown < 200) return;
    this.shown = now;
    const intl = CATALOGUES[this.locale].intlLocale;
    this.io.progress(`\r${fill(cliWords(this.locale).progress, { cases: this.lines.toLocaleString(intl), skipped: this.skipped.toLocaleString(intl) })}`);
  }

  done(): void {
    if (this.io.progress !== undefined && this.shown > 0) this.io.progress('\r\u001b[K');
  }
}

/** @internal Reports a line that was skipped, on stderr: its number, and each issue's path and code. */
function reportSkipped(name: string, mark: LineMark, io: CliIo, locale: Locale): void {
  const words = cliWords(locale);
  if ('issues' in mark) {
    io.stderr(mark.issues.map((issue: Issue) => `${words.error}${CATALOGUES[locale].punctuation.colon}${name}:${mark.line}: ${issue.path === '' ? '' : `${issue.path}: `}${issue.code} — ${issueText(issue, locale)}\n`).join(''));
  } else if ('internal' in mark) {
    io.stderr(`${words.internalError}${CATALOGUES[locale].punctuation.colon}${name}:${mark.line}: ${mark.internal}\n`);
  }
}

/**
 * @internal Runs a caseload and writes its output, in input order: each batch's bytes as they are
 * (`changed` absent), or what `changed` writes for each changed line (given its output line);
 * skipped lines are reported on stderr between the lines around them. Returns the counts.
 */
async function runCaseload(
  file: string,
  settings: CaseloadSettings,
  jobs: number,
  io: CliIo,
  locale: Locale,
  changed?: (json: string) => void,
  pool: Pick<PoolOptions, 'workers' | 'evaluator'> = {},
): Promise<RunCounter> {
  const name = file === '-' ? 'stdin' : file;
  const counter = new RunCounter(io, locale);
  // Bytes go out as they are (the threads that wrote them escaped every control: see
  // output-bytes.ts), a batch at a time; a command line run in-process gets text.
  const write = async (bytes: Buffer) => {
    if (bytes.length === 0) return;
    if (io.stdoutBytes !== undefined) await io.stdoutBytes(bytes);
    else io.stdout(bytes.toString('utf8'));
    await io.waitForStdout?.();
  };
  await processLines(settings, jsonLines(inputChunks(file, io), CLI_INPUT_LIMIT_BYTES), { jobs, ...(io.workerScript === undefined ? {} : { workerScript: io.workerScript }), ...pool }, async (chunk) => {
    counter.count(chunk);
    let from = 0;
    for (const mark of chunk.marks) {
      if ('changed' in mark) {
        if (changed !== undefined) changed(chunk.bytes.toString('utf8', mark.at, mark.end));
        continue;
      }
      if (changed === undefined) await write(chunk.bytes.subarray(from, mark.at));
      from = mark.at;
      reportSkipped(name, mark, io, locale);
    }
    if (changed === undefined) await write(chunk.bytes.subarray(from));
  });
  counter.done();
  return counter;
}

/**
 * The worker threads of `evaluate --batch`, started at once, before the rule sets are read and
 * checked, so that they start while the main thread does that (none for one job). Throws the
 * usage error of a bad `--format` or `--jobs`. `batchCommand` uses them, and closes them.
 *
 * @example
 * ```ts
 * const io = { stdout: () => {}, stderr: () => {}, readStdin: async () => '', readFile: async () => '' };
 * startBatchWorkers({ batch: true, jobs: '1' }, io); // undefined
 * ```
 */
export function startBatchWorkers(options: ParsedCommand['options'], io: CliIo, locale: Locale = 'en'): CaseloadWorkers | undefined {
  if ((text(options.format) ?? 'json') !== 'json') throw usage('invalid_option.batchFormat', {}, locale);
  const jobs = jobsOption(text(options.jobs), io, locale);
  return jobs > 1 && io.workerScript !== undefined ? new CaseloadWorkers(jobs, io.workerScript) : undefined;
}

/**
 * `evaluate --batch <cases>`: each line of a JSON Lines file evaluated, one output line per case:
 * `{"line":n,"caseId":…,"evaluation":{…}}` (`caseId` when the case has one). Run by `main` for
 * `red-notice-rules evaluate --batch cases.jsonl --as-of 2026-06-30 --trace none`; its
 * errors and progress line are in `locale`. `loaded.evaluator` (of the same rule sets) evaluates
 * in one thread; `workers` (from `startBatchWorkers`) are used, and closed, with more.
 */
export async function batchCommand(
  { positionals: [file], options }: ParsedCommand,
  io: CliIo,
  loaded: {
    readonly ruleSets: readonly unknown[];
    readonly citations: Readonly<Record<string, Citation>>;
    readonly misusePatterns: readonly unknown[];
    readonly locale: Locale;
    readonly evaluator?: Evaluator;
  },
  locale: Locale = 'en',
  workers?: CaseloadWorkers,
): Promise<number> {
  let settings: CaseloadSettings;
  let jobs: number;
  try {
    if ((text(options.format) ?? 'json') !== 'json') throw usage('invalid_option.batchFormat', {}, locale);
    jobs = jobsOption(text(options.jobs), io, locale);
    const asOf = text(options['as-of']);
    settings = {
      mode: 'evaluate',
      ruleSets: loaded.ruleSets,
      ruleSetsAfter: [],
      citations: loaded.citations,
      misusePatterns: loaded.misusePatterns,
      options: evaluateOptions({ ...(asOf === undefined ? {} : { asOf }), locale: loaded.locale, ...traceOptions(options) }),
    };
  } catch (error) {
    await workers?.close();
    throw error;
  }
  const pool = { ...(workers === undefined ? {} : { workers }), ...(loaded.evaluator === undefined ? {} : { evaluator: loaded.evaluator }) };
  const counter = await runCaseload(file!, settings, jobs, io, locale, undefined, pool);
  return counter.internal > 0 ? 3 : counter.skipped > 0 ? 2 : 0;
}

/** @internal A cause in words: `rule-id (changed; not_fired → fired)`. */
function causeText(cause: ChangeCause): string {
  return `${cause.ruleId} (${cause.rule}; ${cause.before === cause.after ? cause.after : `${cause.before} → ${cause.after}`})`;
}

/** @internal A change in words, for the text report. */
function changeText(change: CaseChange, locale: Locale): string {
  const words = cliWords(locale);
  const subject = change.noticeId ?? words.diffCase;
  let what: string;
  switch (change.code) {
    case 'outcome_changed':
      what = fill(words.outcomeChanged, { from: change.from, to: change.to });
      break;
    case 'action_added':
    case 'action_removed':
      what = fill(change.code === 'action_added' ? words.actionAdded : words.actionRemoved, { action: change.action, priority: change.priority });
      break;
    case 'priority_changed':
      what = fill(words.priorityChanged, { action: change.action, from: change.from, to: change.to });
      break;
    case 'deadline_moved':
      what = fill(words.deadlineMoved, { action: change.action, from: change.from ?? words.diffNone, to: change.to ?? words.diffNone });
      break;
  }
  const causes = change.causes.length === 0 ? words.noCause : fill(words.causedBy, { causes: change.causes.map(causeText).join(', ') });
  return `  ${subject}: ${what} — ${causes}`;
}

/**
 * `diff --rules-before A --rules-after B <cases>`: the cases whose result changes between the
 * two versions (each with the bundled rule sets), in input order, each change with its causes.
 * `loadRules` reads and checks rule-set files (with the `--citations` files). Run by `main` for
 * `red-notice-rules diff --rules-before v1.json --rules-after v2.json --as-of 2026-06-30 cases.jsonl`;
 * its text report, summary and errors are in `locale`.
 */
export async function diffCommand(
  { positionals: [file], options }: ParsedCommand,
  io: CliIo,
  loadRules: (files: readonly string[]) => Promise<{ ruleSets: unknown[]; citations: Record<string, Citation> }>,
  locale: Locale = 'en',
): Promise<number> {
  const words = cliWords(locale);
  const format = text(options.format) ?? 'text';
  if (format !== 'text' && format !== 'json') throw usage('invalid_option.format', { values: 'text, json' }, locale);
  const jobs = jobsOption(text(options.jobs), io, locale);
  const list = (value: string | boolean | string[] | undefined) => (Array.isArray(value) ? value : []);
  const before = await loadRules(list(options['rules-before']));
  const after = await loadRules(list(options['rules-after']));
  const asOf = text(options['as-of']);
  const settings: CaseloadSettings = {
    mode: 'diff',
    ruleSets: before.ruleSets,
    ruleSetsAfter: after.ruleSets,
    citations: after.citations,
    misusePatterns: [],
    options: evaluateOptions({ ...(asOf === undefined ? {} : { asOf }), trace: 'full', questions: false }),
  };
  const tally = { outcomes: 0, actions: 0, priorities: 0, deadlines: 0 };
  const counter = await runCaseload(file!, settings, jobs, io, locale, (json) => {
    const record = JSON.parse(json) as { line: number; caseId?: string; changes: CaseChange[] };
    for (const change of record.changes) {
      if (change.code === 'outcome_changed') tally.outcomes += 1;
      else if (change.code === 'priority_changed') tally.priorities += 1;
      else if (change.code === 'deadline_moved') tally.deadlines += 1;
      else tally.actions += 1;
    }
    if (format === 'json') io.stdout(json);
    else {
      const heading = record.caseId === undefined ? fill(words.diffLine, { line: record.line }) : fill(words.diffLineWithId, { line: record.line, caseId: record.caseId });
      io.stdout(`${heading}\n${record.changes.map((change) => changeText(change, locale)).join('\n')}\n`);
    }
  });
  const evaluated = counter.lines - counter.skipped - counter.internal;
  const skipped = counter.skipped > 0 ? fill(words.diffSkipped, { lines: countWords(words.lines, counter.skipped, locale) }) : '';
  const summary = `${fill(words.diffSummary, { cases: countWords(words.cases, evaluated, locale), changed: counter.changed, ...tally, skipped })}\n`;
  if (format === 'text') io.stdout(summary);
  else io.stderr(summary);
  return counter.internal > 0 ? 3 : counter.skipped > 0 ? 2 : counter.changed > 0 ? 1 : 0;
}
