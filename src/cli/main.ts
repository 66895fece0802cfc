/**
 * The command line, `red-notice-rules`: `evaluate`, `check`, `schema`, `explain`. Built on cac;
 * input and output are injected (`CliIo`) so that tests run it in-process.
 *
 * Exit codes: 0 done; 1 findings (`check` found errors in a rule set); 2 bad input (unreadable
 * file, invalid JSON, a case or rule set that does not validate, an unknown option or command);
 * 3 an internal error (a bug). User errors print each issue's path and code on stderr — never a
 * stack trace, and never a value of the case.
 *
 * @module
 */
import { cac } from 'cac';
import { BUNDLED_CITATIONS, BUNDLED_RULE_SETS } from '../bundled.js';
import type { Citation } from '../citations/registry.js';
import { CaseValidationError, RuleSetError } from '../errors.js';
import { createEvaluator } from '../evaluation/evaluator.js';
import { REPORT_FORMATS, renderReport } from '../present/render-report.js';
import { checkRuleSetsBySource, type RuleSetSource } from '../rules/public.js';
import type { RuleSetJson } from '../rules/schema.js';
import type { SourcedIssue } from '../rules/validate.js';
import { explainRule } from '../present/explain.js';
import type { Issue } from '../support/issues.js';
import { LOCALES, type Locale } from '../locales/index.js';
import { LIBRARY_NAME, LIBRARY_VERSION } from '../version.js';
import { readJson, UserInputError, type CliIo } from './input.js';
import { jsonSchemaOf, SCHEMA_NAMES, type SchemaName } from './json-schema.js';

/** The exit codes of the command line. */
export const EXIT_CODES = { ok: 0, findings: 1, badInput: 2, internal: 3 } as const;

/** Output formats of `evaluate`. */
const EVALUATE_FORMATS = ['json', ...REPORT_FORMATS] as const;

/** @internal Options shared by the commands that load rule sets. */
interface RuleOptions {
  readonly rules?: string | string[];
  readonly citations?: string | string[];
  readonly locale?: string;
}

/** @internal A repeatable option as a list. */
function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)];
}

/** @internal A usage error: one issue without a path. */
function usage(code: string, message: string): UserInputError {
  return new UserInputError([{ code, path: '', message, severity: 'error' }]);
}

/** @internal The locale option, checked. */
function localeOption(value: string | undefined): Locale {
  if (value === undefined) return 'en';
  if (!(LOCALES as readonly string[]).includes(value)) throw usage('invalid_option', `--locale must be one of ${LOCALES.join(', ')}.`);
  return value as Locale;
}

/** @internal Issues as lines: `file: path: [severity ]code — message`. */
function issueLines(issues: readonly Issue[], source: (path: string, index: number) => { file: string; path: string }, withSeverity: boolean): string[] {
  return issues.map((issue, index) => {
    const where = source(issue.path, index);
    const location = [where.file, where.path].filter((part) => part !== '').join(': ');
    return `${location === '' ? '' : `${location}: `}${withSeverity ? `${issue.severity} ` : ''}${issue.code} — ${issue.message}`;
  });
}

/** A lone `-` (standard input) would be read as an option by the argument parser: it travels as this. */
const STDIN_ARGUMENT = '\u0000stdin';

/** @internal How the command line names a rule set in its messages: its file, or the bundled rule set's id. */
function ruleSetName(files: readonly string[]): (source: RuleSetSource) => string {
  return (source) =>
    source.bundled ? `bundled rule set ${(BUNDLED_RULE_SETS[source.index] as { id?: string } | undefined)?.id ?? source.index}` : (files[source.index] ?? `[${source.index}]`);
}

/** @internal The error of issues located in rule-set files (each issue's path is inside its file). */
function ruleSetError(sourced: readonly SourcedIssue[]): UserInputError {
  return new UserInputError(
    sourced.map(({ issue }) => issue),
    (path, index) => ({ file: sourced[index]!.source, path }),
  );
}

/** @internal Rule-set files and citation files, read and checked together with the bundled ones. */
async function loadRuleFiles(options: RuleOptions, io: CliIo): Promise<{ ruleSets: unknown[]; citations: Record<string, Citation> }> {
  const files = list(options.rules);
  const ruleSets = await Promise.all(files.map((file) => readJson(file, io)));
  const citations: Record<string, Citation> = {};
  for (const file of list(options.citations)) {
    const json = await readJson(file, io);
    const entries = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as { citations?: unknown }).citations : undefined;
    if (entries === null || typeof entries !== 'object' || Array.isArray(entries)) {
      throw new UserInputError([{ code: 'invalid_citations_file', path: `${file}: citations`, message: 'A citations file is an object with a "citations" object, like rules/citations.json.', severity: 'error' }]);
    }
    Object.assign(citations, entries);
  }
  if (ruleSets.length > 0) {
    const checked = checkRuleSetsBySource(ruleSets, { citations }, ruleSetName(files));
    if (!checked.success) throw ruleSetError(checked.issues.filter(({ issue }) => issue.severity === 'error'));
  }
  return { ruleSets, citations };
}

/** @internal `evaluate <case>`. */
async function evaluateCommand(file: string, options: RuleOptions & { asOf?: string; format?: string }, io: CliIo): Promise<number> {
  const format = options.format ?? 'json';
  if (!(EVALUATE_FORMATS as readonly string[]).includes(format)) throw usage('invalid_option', `--format must be one of ${EVALUATE_FORMATS.join(', ')}.`);
  const locale = localeOption(options.locale);
  const { ruleSets, citations } = await loadRuleFiles(options, io);
  const evaluator = createEvaluator({ ruleSets, citations });
  const input = await readJson(file, io);
  const result = await evaluator.safeEvaluate(input, { ...(options.asOf === undefined ? {} : { asOf: String(options.asOf) }), locale });
  if (!result.success) throw new UserInputError(result.error.issues, (path) => ({ file: file === '-' ? 'stdin' : file, path }));
  io.stdout(format === 'json' ? `${JSON.stringify(result.evaluation, null, 2)}\n` : renderReport(result.evaluation, { format: format as (typeof REPORT_FORMATS)[number], locale, ruleTexts: evaluator.ruleTexts }));
  return EXIT_CODES.ok;
}

/** @internal `check <rules...>`. */
async function checkCommand(files: readonly string[], options: Pick<RuleOptions, 'citations'> & { bundled?: boolean }, io: CliIo): Promise<number> {
  const ruleSets = await Promise.all(files.map((file) => readJson(file, io)));
  const { citations } = await loadRuleFiles({ ...(options.citations === undefined ? {} : { citations: options.citations }) }, io);
  const { issues: sourced } = checkRuleSetsBySource(ruleSets, { citations, includeDefaults: options.bundled !== false }, ruleSetName(files));
  const issues = sourced.map(({ issue }) => issue);
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const lines = issueLines(issues, (path, index) => ({ file: sourced[index]!.source, path }), true);
  lines.push(`${files.length} rule set${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${issues.length - errors} warning${issues.length - errors === 1 ? '' : 's'}.`);
  io.stdout(`${lines.join('\n')}\n`);
  return errors > 0 ? EXIT_CODES.findings : EXIT_CODES.ok;
}

/** @internal `schema case|rules`. */
async function schemaCommand(name: string, io: CliIo): Promise<number> {
  if (!(SCHEMA_NAMES as readonly string[]).includes(name)) throw usage('invalid_argument', `The schema must be one of ${SCHEMA_NAMES.join(', ')}.`);
  io.stdout(`${JSON.stringify(jsonSchemaOf(name as SchemaName), null, 2)}\n`);
  return EXIT_CODES.ok;
}

/** @internal `explain <rule-id>`. */
async function explainCommand(ruleId: string, options: RuleOptions, io: CliIo): Promise<number> {
  const locale = localeOption(options.locale);
  const { ruleSets, citations } = await loadRuleFiles(options, io);
  const registry = new Map<string, Citation>([...Object.entries(BUNDLED_CITATIONS), ...Object.entries(citations)]);
  for (const ruleSet of [...BUNDLED_RULE_SETS, ...ruleSets] as RuleSetJson[]) {
    const rule = ruleSet.rules.find((candidate) => candidate.id === String(ruleId));
    if (rule) {
      io.stdout(explainRule(rule, ruleSet, registry, locale));
      return EXIT_CODES.ok;
    }
  }
  throw usage('unknown_rule', 'No rule has this id, in the bundled rule sets or the --rules files.');
}

/** @internal The command line's definition; `run` receives each command's promise. */
function defineCli(io: CliIo, run: (result: Promise<number> | number) => void) {
  const cli = cac(LIBRARY_NAME);
  const withRules = <T extends ReturnType<typeof cli.command>>(command: T): T =>
    command
      .option('--rules <file>', 'A rule-set file to use besides the bundled ones (repeatable)')
      .option('--citations <file>', 'A citations file the --rules files cite, like rules/citations.json (repeatable)')
      .option('--locale <locale>', `Language of titles, explanations and reports: ${LOCALES.join(', ')}`, { default: 'en' }) as T;
  withRules(
    cli
      .command('evaluate <case>', 'Evaluate a case (a JSON file, or - for standard input)')
      .option('--as-of <date>', 'The date the case is judged at, YYYY-MM-DD (default: today, UTC)')
      .option('--format <format>', `Output: ${EVALUATE_FORMATS.join(', ')}`, { default: 'json' })
      .example((name) => `  $ ${name} evaluate examples/cases/recognised-refugee-unconfirmed.json --format markdown --as-of 2026-06-30`)
      .example((name) => `  $ cat case.json | ${name} evaluate - --format text --locale es`),
  ).action((file: string, options: RuleOptions & { asOf?: string; format?: string }) => run(evaluateCommand(file === STDIN_ARGUMENT ? '-' : String(file), options, io)));
  cli
    .command('check <...rules>', 'Check rule-set files together with the bundled ones (exit 1 on errors)')
    .option('--citations <file>', 'A citations file the rule sets cite, like rules/citations.json (repeatable)')
    .option('--no-bundled', 'Check the files alone, without the bundled rule sets')
    .example((name) => `  $ ${name} check my-practice.json`)
    .example((name) => `  $ ${name} check rules/*.json --no-bundled`)
    .action((files: string[], options: Pick<RuleOptions, 'citations'> & { bundled?: boolean }) => run(checkCommand(files.map(String), options, io)));
  cli
    .command('schema <name>', `Print the JSON Schema of ${SCHEMA_NAMES.map((name) => `"${name}"`).join(' or ')}`)
    .example((name) => `  $ ${name} schema case > case.schema.json`)
    .action((name: string) => run(schemaCommand(String(name), io)));
  withRules(
    cli
      .command('explain <rule-id>', 'A rule in words: conditions, outcome, action, citations')
      .example((name) => `  $ ${name} explain refugee.2017.delete`),
  ).action((ruleId: string, options: RuleOptions) => run(explainCommand(String(ruleId), options, io)));
  cli.help();
  cli.version(LIBRARY_VERSION);
  return cli;
}

/** @internal Prints the issues of a user error on stderr. */
function reportUserError(error: UserInputError, io: CliIo): number {
  io.stderr(`${issueLines(error.issues, error.source, false).map((line) => `error: ${line}`).join('\n')}\n`);
  return EXIT_CODES.badInput;
}

/**
 * Runs the command line with `argv` (without the node and script paths) and returns the exit
 * code. Output goes to `io`; nothing is thrown for a user error.
 *
 * @example
 * ```ts
 * import type { CliIo } from './input.js';
 *
 * const out: string[] = [];
 * const io: CliIo = { stdout: (text) => void out.push(text), stderr: (text) => void out.push(text), readStdin: async () => '', readFile: async () => '' };
 * await main(['explain', 'refugee.2017.delete'], io); // EXIT_CODES.ok
 * out.join('').startsWith('refugee.2017.delete — '); // true
 * await main(['frobnicate'], io); // EXIT_CODES.badInput
 * ```
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let pending: Promise<number> | number | undefined;
  const cli = defineCli(io, (result) => {
    pending = result;
  });
  // cac prints help and version with console.info: send them to the injected stdout.
  const info = console.info;
  console.info = (...parts: unknown[]) => io.stdout(`${parts.map(String).join(' ')}\n`);
  try {
    const parsed = cli.parse(['node', LIBRARY_NAME, ...argv.map((arg) => (arg === '-' ? STDIN_ARGUMENT : arg))], { run: false });
    if (parsed.options.help || parsed.options.version) return EXIT_CODES.ok;
    if (!cli.matchedCommand) {
      if (cli.args.length > 0) return reportUserError(usage('unknown_command', 'Unknown command: see --help for the commands.'), io);
      cli.outputHelp();
      return EXIT_CODES.badInput;
    }
    cli.runMatchedCommand();
  } catch (error) {
    if (error instanceof Error && error.name === 'CACError') return reportUserError(usage('invalid_usage', `${error.message} (see --help).`), io);
    throw error;
  } finally {
    console.info = info;
  }
  try {
    return await (pending ?? EXIT_CODES.ok);
  } catch (error) {
    if (error instanceof UserInputError) return reportUserError(error, io);
    if (error instanceof CaseValidationError || error instanceof RuleSetError) return reportUserError(new UserInputError(error.issues), io);
    io.stderr(`internal error — please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_CODES.internal;
  }
}
