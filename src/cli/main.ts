/**
 * The command line, `red-notice-rules`: `evaluate`, `check` (with `--analyze`), `test`, `types`,
 * `schema`, `explain`. Arguments are
 * read with Node's `util.parseArgs` (see `arguments.ts`); input and output are injected
 * (`CliIo`) so that tests run it in-process.
 *
 * Exit codes: 0 done; 1 findings (`check` found errors); 2 bad input (a missing, unreadable, empty
 * or too large file, invalid JSON, a case or rule set that does not validate, an unknown option
 * or command); 3 an internal error (a bug). User errors print each issue's path and code on
 * stderr — never a stack trace, and never a value of the case. Nothing written carries a control
 * or bidirectional character (`stripUnsafeText`; JSON output escapes them instead).
 *
 * @module
 */
import { BUNDLED_CITATIONS, BUNDLED_RULE_SETS } from '../bundled.js';
import type { Citation } from '../citations/registry.js';
import { CaseValidationError, RuleSetError } from '../errors.js';
import { createEvaluator } from '../evaluation/evaluator.js';
import { REPORT_FORMATS, REPORT_PAGES, renderReport, type ReportPages } from '../present/render-report.js';
import { toICalendar } from '../present/icalendar.js';
import { checkRuleSetsBySource, type RuleSetSource } from '../rules/public.js';
import type { RuleSetJson } from '../rules/schema.js';
import type { SourcedIssue } from '../rules/validate.js';
import { explainRule } from '../present/explain.js';
import type { Issue } from '../support/issues.js';
import { CATALOGUES, localeOfTag, LOCALES, type Locale, type LocaleTag } from '../locales/index.js';
import { escapeJsonControls, stripUnsafeText } from '../support/safe-text.js';
import { LIBRARY_NAME } from '../version.js';
import { analyzeRuleSets } from '../analysis/analyze.js';
import { runFixtures } from '../fixtures/run.js';
import { ruleSetFactsOf } from '../rules/validate.js';
import { parseArguments, usageIssue, type CommandSpec, type OptionSpec, type ParsedCommand } from './arguments.js';
import { analysisLines, coverageLines, declarations, findingSource, fixtureLines, mergeCoverage } from './authoring.js';
import { BATCH_OPTIONS, batchCommand, DIFF_COMMAND, diffCommand, startBatchWorkers, traceOptions } from './caseload.js';
import { checkCitationFile, checkFixtureFile, checkMisusePatternFile, checkReferenceFile, CHECKED_FILE_KINDS, fileKind } from './check-files.js';
import { issueText, readJson, UserInputError, type CliIo } from './input.js';
import { jsonSchemaOf, SCHEMA_NAMES, type SchemaName } from './json-schema.js';
import type { CliUsageKey } from './catalogue.js';
import { alternatives, cliLocale, cliWords, countWords, fill } from './words.js';

/** The exit codes of the command line. */
export const EXIT_CODES = { ok: 0, findings: 1, badInput: 2, internal: 3 } as const;

/** Output formats of `evaluate`: the evaluation as JSON, a memo, or the dated actions as an iCalendar file. */
const EVALUATE_FORMATS = ['json', ...REPORT_FORMATS, 'ics'] as const;

/** @internal Where the package's own files are, seen from a project that installed it (for the examples). */
const INSTALLED = `node_modules/${LIBRARY_NAME}`;

/** @internal The options of the commands that load rule sets. */
const RULE_OPTIONS = [
  { name: 'rules', value: '<file>', description: (words) => words.options.rules, multiple: true },
  { name: 'citations', value: '<file>', description: (words) => words.options.citations, multiple: true },
  { name: 'locale', value: '<locale>', description: (words) => fill(words.options.locale, { values: LOCALES.join(', ') }), defaultValue: 'en' },
] as const satisfies readonly OptionSpec[];

/** The commands, their options and their examples (each example works as written where the package is installed). */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'evaluate',
    argumentsUsage: '<case>',
    positionals: { min: 1, max: 1 },
    description: (words) => words.commands.evaluate,
    options: [
      { name: 'as-of', value: '<date>', description: (words) => words.options['as-of'] },
      { name: 'format', value: '<format>', description: (words) => fill(words.options.format, { values: EVALUATE_FORMATS.join(', ') }), defaultValue: 'json' },
      { name: 'pages', value: '<pages>', description: (words) => fill(words.options.pages, { values: REPORT_PAGES.join(', ') }), defaultValue: 'all' },
      ...RULE_OPTIONS,
      { name: 'misuse-patterns', value: '<file>', description: (words) => words.options['misuse-patterns'], multiple: true },
      ...BATCH_OPTIONS,
    ],
    examples: [
      `${LIBRARY_NAME} evaluate ${INSTALLED}/examples/cases/recognised-refugee-unconfirmed.json --format markdown --as-of 2026-06-30`,
      `cat ${INSTALLED}/examples/cases/pending-claim-with-diffusion.json | ${LIBRARY_NAME} evaluate - --format text --locale es --pages first`,
      `${LIBRARY_NAME} evaluate ${INSTALLED}/examples/cases/detained-journalist-extradition-pending.json --rules ${INSTALLED}/examples/authoring/detention-letters.rules.json --citations ${INSTALLED}/examples/authoring/firm-citations.json --format text`,
      `${LIBRARY_NAME} evaluate ${INSTALLED}/examples/cases/ccf-kept-notice-then-asylum-granted.json --format ics --as-of 2026-06-30 > deadlines.ics`,
      `${LIBRARY_NAME} evaluate --batch ${INSTALLED}/examples/caseload.jsonl --as-of 2026-06-30 --trace none > evaluations.jsonl`,
    ],
  },
  {
    name: 'check',
    argumentsUsage: '<...files>',
    positionals: { min: 1, max: Number.POSITIVE_INFINITY },
    description: (words) => words.commands.check,
    options: [
      { name: 'citations', value: '<file>', description: (words) => words.options['check.citations'], multiple: true },
      {
        name: 'no-bundled',
        description: (words) => words.options['no-bundled'],
      },
      {
        name: 'analyze',
        description: (words) => words.options.analyze,
      },
    ],
    examples: [
      `${LIBRARY_NAME} check ${INSTALLED}/rules/*.json --no-bundled`,
      `${LIBRARY_NAME} check ${INSTALLED}/examples/authoring/*.json`,
      `${LIBRARY_NAME} check ${INSTALLED}/examples/authoring/ncb-deletion.rules.json ${INSTALLED}/examples/authoring/firm-citations.json --analyze`,
    ],
  },
  {
    name: 'test',
    argumentsUsage: '<...fixtures>',
    positionals: { min: 1, max: Number.POSITIVE_INFINITY },
    description: (words) => words.commands.test,
    options: [
      ...RULE_OPTIONS.filter((option) => option.name !== 'locale'),
      { name: 'misuse-patterns', value: '<file>', description: (words) => words.options['misuse-patterns'], multiple: true },
      { name: 'coverage', value: '<which>', description: (words) => words.options.coverage, defaultValue: 'own' },
    ],
    examples: [
      `${LIBRARY_NAME} test ${INSTALLED}/examples/authoring/detention-letters.fixtures.json --rules ${INSTALLED}/examples/authoring/detention-letters.rules.json --citations ${INSTALLED}/examples/authoring/firm-citations.json`,
    ],
  },
  {
    name: 'types',
    argumentsUsage: '<...rules>',
    positionals: { min: 1, max: Number.POSITIVE_INFINITY },
    description: (words) => words.commands.types,
    options: [],
    examples: [`${LIBRARY_NAME} types ${INSTALLED}/examples/authoring/ncb-deletion.rules.json > ncb-extensions.d.ts`],
  },
  {
    name: 'schema',
    argumentsUsage: '<name>',
    positionals: { min: 1, max: 1 },
    description: (words, locale) => fill(words.commands.schema, { names: alternatives(SCHEMA_NAMES.map((name) => `"${name}"`), locale) }),
    options: [],
    examples: [`${LIBRARY_NAME} schema case > case.schema.json`],
  },
  {
    name: 'explain',
    argumentsUsage: '<rule-id>',
    positionals: { min: 1, max: 1 },
    description: (words) => words.commands.explain,
    options: [...RULE_OPTIONS],
    examples: [`${LIBRARY_NAME} explain refugee.2017.delete`, `${LIBRARY_NAME} explain article-83.excluded-category --locale es`],
  },
  DIFF_COMMAND,
];

/** @internal A repeatable option as a list. */
function list(value: string | boolean | string[] | undefined): string[] {
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

/** @internal A string option. */
function text(value: string | boolean | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** @internal A usage error: one issue without a path, in the command line's language. */
function usage(key: CliUsageKey, params: Readonly<Record<string, string | number>>, locale: Locale): UserInputError {
  return new UserInputError([{ ...usageIssue(key, params, locale), path: '', severity: 'error' }]);
}

/** @internal The locale option, checked: a locale, or a regional variant of one (`fr-CA`) for the texts of rule sets. */
function localeOption(value: string | undefined, locale: Locale): LocaleTag {
  if (value === undefined) return 'en';
  if (localeOfTag(value) === undefined) throw usage('invalid_option.locale', { values: LOCALES.join(', ') }, locale);
  return value as LocaleTag;
}

/** @internal Issues as lines: `file: path: [severity ]code — message`, messages in `locale`. */
function issueLines(issues: readonly Issue[], source: (path: string, index: number) => { file: string; path: string }, withSeverity: boolean, locale: Locale = 'en'): string[] {
  return issues.map((issue, index) => {
    const where = source(issue.path, index);
    const location = [where.file, where.path].filter((part) => part !== '').join(': ');
    return `${location === '' ? '' : `${location}: `}${withSeverity ? `${issue.severity} ` : ''}${issue.code} — ${issueText(issue, locale)}`;
  });
}

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

/** @internal Maps an issue of the misuse-pattern files an evaluator loads (`misusePatterns[k]…`) to its file. */
function misusePatternSource(patternFiles: readonly string[]): (path: string) => { file: string; path: string } {
  return (path) => {
    const patterns = /^misusePatterns\[(\d+)\]\.?/.exec(path);
    // Index 0 is the bundled file: the command line always loads it.
    if (patterns) return { file: patternFiles[Number(patterns[1]) - 1] ?? 'bundled misuse patterns', path: path.slice(patterns[0].length) };
    return { file: '', path };
  };
}

/**
 * @internal The evaluator of `--rules`, `--citations` and `--misuse-patterns` with the bundled
 * sets, and what it was made of (a file that does not load is bad input, named by its file).
 */
async function loadEvaluator(options: ParsedCommand['options'], io: CliIo) {
  const { ruleSets, citations } = await loadRuleFiles(options, io);
  const patternFiles = list(options['misuse-patterns']);
  const misusePatterns: unknown[] = [];
  for (const patternFile of patternFiles) misusePatterns.push(await readJson(patternFile, io));
  try {
    return { evaluator: createEvaluator({ ruleSets, citations, misusePatterns }), ruleSets, citations, misusePatterns };
  } catch (error) {
    if (error instanceof RuleSetError) throw new UserInputError(error.issues, misusePatternSource(patternFiles));
    throw error;
  }
}

/** @internal The citations of `--citations` files, checked (a file that does not load is bad input). */
async function loadCitationFiles(files: readonly string[], io: CliIo): Promise<Record<string, Citation>> {
  const citations: Record<string, Citation> = {};
  for (const file of files) {
    const checked = checkCitationFile(await readJson(file, io), new Set(Object.keys(citations)));
    if (checked.issues.length > 0) throw new UserInputError(checked.issues, (path) => ({ file, path }));
    Object.assign(citations, checked.citations);
  }
  return citations;
}

/** @internal Rule-set files and citation files, read and checked together with the bundled ones. */
async function loadRuleFiles(options: ParsedCommand['options'], io: CliIo): Promise<{ ruleSets: unknown[]; citations: Record<string, Citation> }> {
  const files = list(options.rules);
  const ruleSets: unknown[] = [];
  for (const file of files) ruleSets.push(await readJson(file, io));
  const citations = await loadCitationFiles(list(options.citations), io);
  if (ruleSets.length > 0) {
    const checked = checkRuleSetsBySource(ruleSets, { citations }, ruleSetName(files));
    if (!checked.success) throw ruleSetError(checked.issues.filter(({ issue }) => issue.severity === 'error'));
  }
  return { ruleSets, citations };
}

/** @internal `evaluate <case>`. */
async function evaluateCommand(parsed: ParsedCommand, io: ReportIo): Promise<number> {
  const cli = io.locale;
  const { positionals: [file], options } = parsed;
  const format = text(options.format) ?? 'json';
  if (!(EVALUATE_FORMATS as readonly string[]).includes(format)) throw usage('invalid_option.format', { values: EVALUATE_FORMATS.join(', ') }, cli);
  const locale = localeOption(text(options.locale), cli);
  const pages = text(options.pages) ?? 'all';
  if (!(REPORT_PAGES as readonly string[]).includes(pages)) throw usage('invalid_option.pages', { values: REPORT_PAGES.join(', ') }, cli);
  if (options.batch === true) {
    // The worker threads start while the rule sets are read and checked.
    const workers = startBatchWorkers(options, io, cli);
    let loaded: Awaited<ReturnType<typeof loadEvaluator>>;
    try {
      loaded = await loadEvaluator(options, io);
    } catch (error) {
      await workers?.close();
      throw error;
    }
    return batchCommand(parsed, io, { ...loaded, locale: localeOfTag(locale)! }, cli, workers);
  }
  const { evaluator } = await loadEvaluator(options, io);
  const input = await readJson(file!, io);
  const asOf = text(options['as-of']);
  const result = await evaluator.safeEvaluate(input, { ...(asOf === undefined ? {} : { asOf }), locale: localeOfTag(locale)!, ...traceOptions(options) });
  if (!result.success) {
    // An option's issue is about the command line, not the case file: it names the flag.
    const where = (path: string) => {
      const option = /^options\.([A-Za-z]+)/.exec(path)?.[1];
      return option === undefined ? { file: file === '-' ? 'stdin' : file!, path } : { file: '', path: `--${option.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}` };
    };
    throw new UserInputError(result.error.issues, where);
  }
  // JSON keeps the case's strings as they are, with control characters escaped.
  if (format === 'json') io.stdout(`${escapeJsonControls(JSON.stringify(result.evaluation, null, 2))}\n`);
  else if (format === 'ics') io.stdout(toICalendar(result.evaluation, { locale, ruleTexts: evaluator.ruleTexts }));
  else io.report(renderReport(result.evaluation, { format: format as (typeof REPORT_FORMATS)[number], locale, ruleTexts: evaluator.ruleTexts, pages: pages as ReportPages }));
  return EXIT_CODES.ok;
}

/** @internal `check <...files>`: every file recognised and checked as what it is. */
async function checkCommand({ positionals: files, options }: ParsedCommand, io: ReportIo): Promise<number> {
  const locale = io.locale;
  const words = cliWords(locale);
  const bundled = options['no-bundled'] !== true;
  const read = await Promise.all(files.map(async (file) => ({ file, json: await readJson(file, io) })));
  const kinds = read.map(({ json }) => fileKind(json));
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  const report = (issues: readonly Issue[], source: (path: string, index: number) => { file: string; path: string }) => {
    for (const issue of issues) if (issue.severity === 'error') errors += 1;
    else warnings += 1;
    lines.push(...issueLines(issues, source, true, locale));
  };
  // Citations first: the --citations files, then the citation files among the files, which the rule sets may cite.
  const citations = await loadCitationFiles(list(options.citations), io);
  const taken = new Set([...(bundled ? Object.keys(BUNDLED_CITATIONS) : []), ...Object.keys(citations)]);
  read.forEach(({ file, json }, index) => {
    if (kinds[index] === 'citations') {
      const checked = checkCitationFile(json, taken);
      report(checked.issues, (path) => ({ file, path }));
      for (const [id, citation] of Object.entries(checked.citations)) {
        citations[id] = citation;
        taken.add(id);
      }
    } else if (kinds[index] === 'misuse-patterns') {
      report(checkMisusePatternFile(json), (path) => ({ file, path }));
    } else if (kinds[index] === 'fixtures') {
      report(checkFixtureFile(json), (path) => ({ file, path }));
    } else if (kinds[index] === 'interpol-members' || kinds[index] === 'treaty-parties') {
      report(checkReferenceFile(kinds[index], json), (path) => ({ file, path }));
    }
  });
  const ruleSetFiles = read.filter((_, index) => kinds[index] === 'rule-set');
  let analysis: string | undefined;
  if (ruleSetFiles.length > 0) {
    const { success, issues: sourced } = checkRuleSetsBySource(ruleSetFiles.map(({ json }) => json), { citations, includeDefaults: bundled }, ruleSetName(ruleSetFiles.map(({ file }) => file)));
    report(
      sourced.map(({ issue }) => issue),
      (path, index) => ({ file: sourced[index]!.source, path }),
    );
    if (options.analyze === true) {
      if (!success) {
        analysis = words.analysisNotRun;
      } else {
        const result = analyzeRuleSets(ruleSetFiles.map(({ json }) => json), { citations, includeDefaults: bundled });
        const found = { errors: result.findings.filter((finding) => finding.severity === 'error').length, warnings: result.findings.filter((finding) => finding.severity !== 'error').length };
        errors += found.errors;
        warnings += found.warnings;
        lines.push(...analysisLines(result, (path) => findingSource(path, ruleSetFiles.map(({ file }) => file)), locale));
        analysis = fill(words.analysis, { errors: countWords(words.errors, found.errors, locale), warnings: countWords(words.warnings, found.warnings, locale), searches: countWords(words.searches, result.searches.length, locale) });
      }
    }
  } else if (options.analyze === true) {
    analysis = words.analysisNothing;
  }
  const counts = CHECKED_FILE_KINDS
    .map((kind) => [kind, kinds.filter((item) => item === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => countWords(words.fileKinds[kind], count, locale));
  lines.push(fill(words.checked, { files: counts.join(CATALOGUES[locale].punctuation.comma), errors: countWords(words.errors, errors, locale), warnings: countWords(words.warnings, warnings, locale) }));
  if (analysis !== undefined) lines.push(analysis);
  io.stdout(`${lines.join('\n')}\n`);
  return errors > 0 ? EXIT_CODES.findings : EXIT_CODES.ok;
}

/** @internal `test <...fixtures>`: the fixtures run with the bundled rule sets and the --rules files. */
async function testCommand({ positionals: files, options }: ParsedCommand, io: ReportIo): Promise<number> {
  const locale = io.locale;
  const coverage = text(options.coverage) ?? 'own';
  if (!['own', 'all', 'none'].includes(coverage)) throw usage('invalid_option.coverage', { values: 'own, all, none' }, locale);
  const { evaluator, ruleSets } = await loadEvaluator(options, io);
  const own = new Set((ruleSets as Array<{ id?: unknown }>).map((ruleSet) => String(ruleSet.id)));
  const lines: string[] = [];
  let failed = 0;
  const reports = [];
  for (const file of files) {
    const report = await runFixtures(evaluator, await readJson(file, io));
    reports.push(report);
    failed += report.failed;
    lines.push(file, ...fixtureLines(report, undefined, locale).map((line) => `  ${line}`));
  }
  if (coverage !== 'none') {
    const merged = mergeCoverage(reports.map((report) => report.coverage));
    const which = coverage === 'all' ? new Set(merged.rules.map((rule) => rule.ruleSet)) : own;
    if (which.size === 0) lines.push(cliWords(locale).noOwnRuleSet);
    else lines.push(...coverageLines(merged, which, locale));
  }
  io.stdout(`${lines.join('\n')}\n`);
  return failed > 0 ? EXIT_CODES.findings : EXIT_CODES.ok;
}

/** @internal `types <...rules>`: TypeScript declarations of the facts the rule sets declare. */
async function typesCommand({ positionals: files }: ParsedCommand, io: CliIo): Promise<number> {
  const facts = [];
  for (const file of files) {
    const json = await readJson(file, io);
    const parsed = ruleSetFactsOf(json);
    if (!parsed.success) throw new UserInputError(parsed.issues, (path) => ({ file, path }));
    facts.push(...parsed.facts);
  }
  io.stdout(`${declarations(facts)}`);
  return EXIT_CODES.ok;
}

/** @internal `schema case|rules`. */
async function schemaCommand({ positionals: [name] }: ParsedCommand, io: ReportIo): Promise<number> {
  if (!(SCHEMA_NAMES as readonly string[]).includes(name!)) throw usage('invalid_argument.schema', { values: SCHEMA_NAMES.join(', ') }, io.locale);
  io.stdout(`${JSON.stringify(jsonSchemaOf(name as SchemaName), null, 2)}\n`);
  return EXIT_CODES.ok;
}

/** @internal `explain <rule-id>`. */
async function explainCommand({ positionals: [ruleId], options }: ParsedCommand, io: ReportIo): Promise<number> {
  const locale = localeOption(text(options.locale), io.locale);
  const { ruleSets, citations } = await loadRuleFiles(options, io);
  const registry = new Map<string, Citation>([...Object.entries(BUNDLED_CITATIONS), ...Object.entries(citations)]);
  for (const ruleSet of [...BUNDLED_RULE_SETS, ...ruleSets] as RuleSetJson[]) {
    const rule = ruleSet.rules.find((candidate) => candidate.id === ruleId);
    if (rule) {
      io.stdout(explainRule(rule, ruleSet, registry, localeOfTag(locale)!));
      return EXIT_CODES.ok;
    }
  }
  throw usage('unknown_rule', {}, io.locale);
}

/** @internal The input and output of a command, with a way to write a memo (whose isolation marks are the library's). */
interface ReportIo extends CliIo {
  readonly report: (text: string) => void;
  /** The language of the command line's own words (help, errors, summaries). */
  readonly locale: Locale;
}

/** @internal What runs each command. */
const RUNNERS: Readonly<Record<string, (parsed: ParsedCommand, io: ReportIo) => Promise<number>>> = {
  evaluate: evaluateCommand,
  check: checkCommand,
  test: testCommand,
  types: typesCommand,
  schema: schemaCommand,
  explain: explainCommand,
  diff: (parsed, io) => diffCommand(parsed, io, (files) => loadRuleFiles({ ...parsed.options, rules: [...files] }, io), io.locale),
};

/** @internal Prints the issues of a user error on stderr. */
function reportUserError(error: UserInputError, io: CliIo, locale: Locale): number {
  io.stderr(`${issueLines(error.issues, error.source, false, locale).map((line) => `${cliWords(locale).error}${CATALOGUES[locale].punctuation.colon}${line}`).join('\n')}\n`);
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
export async function main(argv: readonly string[], given: CliIo): Promise<number> {
  // The language of help, errors and summaries: --locale's, read before anything else is, then the environment's.
  const locale = cliLocale(argv, given.env ?? {});
  // The final guard: nothing reaches the terminal with a control or bidirectional character in it
  // (the line ends of an iCalendar file, CR LF, stay: a CR alone, which can overwrite a line, goes).
  const io: ReportIo = {
    ...given,
    stdout: (value) => given.stdout(value.split('\r\n').map(stripUnsafeText).join('\r\n')),
    stderr: (value) => given.stderr(stripUnsafeText(value)),
    // A memo has had its own final guard (renderReport): every control and bidirectional character
    // of the case and the rule sets removed, then the isolates of a right-to-left memo (FSI … PDI)
    // added by the library. Those marks are kept; anything else is still removed.
    report: (value) => given.stdout(value.replace(/[\u2068\u2069]/g, (mark) => (mark === '\u2068' ? '\ufdd0' : '\ufdd1')).split('\r\n').map(stripUnsafeText).join('\r\n').replace(/[\ufdd0\ufdd1]/g, (mark) => (mark === '\ufdd0' ? '\u2068' : '\u2069'))),
    // Bytes (`stdoutBytes`, in `given`) pass as they are: only the caseload writes them, JSON lines
    // whose every control its threads escaped (output-bytes.ts; a test checks them).
    locale,
  };
  const parsed = parseArguments(argv, COMMANDS, locale);
  switch (parsed.kind) {
    case 'help':
    case 'version':
      io.stdout(parsed.text);
      return EXIT_CODES.ok;
    case 'usage-error':
      if (parsed.help !== undefined) io.stdout(parsed.help);
      return reportUserError(new UserInputError([{ code: parsed.code, path: '', message: parsed.message, severity: 'error' }]), io, locale);
    case 'run':
      break;
  }
  try {
    return await RUNNERS[parsed.parsed.command.name]!(parsed.parsed, io);
  } catch (error) {
    if (error instanceof UserInputError) return reportUserError(error, io, locale);
    if (error instanceof CaseValidationError || error instanceof RuleSetError) return reportUserError(new UserInputError(error.issues), io, locale);
    io.stderr(`${cliWords(locale).internalError}${CATALOGUES[locale].punctuation.colon}${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_CODES.internal;
  }
}
