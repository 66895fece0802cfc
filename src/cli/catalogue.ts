/**
 * The command line's own words — its help, usage errors, input errors and summaries — as one
 * interface that each locale's file under `src/cli/locales/` satisfies. They live with the command
 * line, not in the library's catalogues, so that no bundle of the library carries them.
 *
 * @module
 */

/** The commands of the command line. */
export type CliCommandName = 'evaluate' | 'check' | 'test' | 'types' | 'schema' | 'explain' | 'diff';

/**
 * The options of the command line whose help a locale words: by name, or
 * `command.name` where a command words an option its own way.
 */
export type CliOptionKey =
  | 'help'
  | 'version'
  | 'rules'
  | 'citations'
  | 'locale'
  | 'as-of'
  | 'format'
  | 'pages'
  | 'misuse-patterns'
  | 'batch'
  | 'jobs'
  | 'trace'
  | 'no-questions'
  | 'check.citations'
  | 'no-bundled'
  | 'analyze'
  | 'coverage'
  | 'diff.rules-before'
  | 'diff.rules-after'
  | 'diff.citations'
  | 'diff.as-of'
  | 'diff.format';

/**
 * The usage errors of the command line, by issue code — or `code.variant` where one
 * code has several messages. The code an error carries is the part before the dot.
 */
export type CliUsageKey =
  | 'missing_command'
  | 'unknown_command'
  | 'invalid_usage.unknownOption'
  | 'invalid_usage.missingValue'
  | 'invalid_usage.unexpectedValue'
  | 'invalid_usage.ambiguousValue'
  | 'invalid_usage.unreadable'
  | 'invalid_usage.missingArgument'
  | 'invalid_usage.tooManyArguments'
  | 'invalid_option.locale'
  | 'invalid_option.format'
  | 'invalid_option.pages'
  | 'invalid_option.coverage'
  | 'invalid_option.jobs'
  | 'invalid_option.batchFormat'
  | 'invalid_argument.schema'
  | 'unknown_rule';

/** A count in words: `one` for the counts a locale words in the singular, `other` for the rest; `{count}` is the number. */
export interface CountWords {
  readonly one: string;
  readonly other: string;
}

/** The words of the command line. Templates use `{name}` placeholders. */
export interface CliWords {
  /** The headings and fixed lines of the help. */
  readonly help: {
    readonly usage: string;
    readonly commands: string;
    readonly moreInfo: string;
    readonly options: string;
    readonly examples: string;
    /** After an option's description: `(default: {value})`. */
    readonly defaultValue: string;
  };
  /** What each command does; `{names}` lists the schemas of `schema`. */
  readonly commands: Readonly<Record<CliCommandName, string>>;
  /** What each option does; `{values}` lists the values it takes, `{max}` is a limit. */
  readonly options: Readonly<Record<CliOptionKey, string>>;
  /** The usage errors; `{help}` is the command that shows the help, `{option}` an option as it was given. */
  readonly usage: Readonly<Record<CliUsageKey, string>>;
  /** The label of an error on standard error (`error`), and of an internal error. */
  readonly error: string;
  readonly internalError: string;
  /** The progress line of a caseload on a terminal. */
  readonly progress: string;
  /** `check`: the summary; `{files}` lists the kinds of file checked, each counted. */
  readonly checked: string;
  readonly fileKinds: Readonly<Record<'rule-set' | 'citations' | 'misuse-patterns' | 'interpol-members' | 'treaty-parties' | 'fixtures', CountWords>>;
  readonly errors: CountWords;
  readonly warnings: CountWords;
  readonly searches: CountWords;
  /** `check --analyze`: the analysis's summary, or why there is none. */
  readonly analysis: string;
  readonly analysisNotRun: string;
  readonly analysisNothing: string;
  /** `check --analyze`: what shows a finding. */
  readonly proof: string;
  readonly givenThat: string;
  readonly witness: string;
  /** `test`: a fixture passed or failed, the summary, the coverage. */
  readonly pass: string;
  readonly fail: string;
  readonly fixtures: string;
  readonly coverage: string;
  readonly rules: CountWords;
  readonly everyRuleFired: string;
  readonly neverFired: string;
  readonly everyComparisonMet: string;
  readonly comparisonsNeverMet: string;
  readonly noOwnRuleSet: string;
  /** `diff --format text`: a case that changes, each change, its causes, the summary. */
  readonly diffLine: string;
  readonly diffLineWithId: string;
  readonly diffCase: string;
  readonly diffNone: string;
  readonly outcomeChanged: string;
  readonly actionAdded: string;
  readonly actionRemoved: string;
  readonly priorityChanged: string;
  readonly deadlineMoved: string;
  readonly causedBy: string;
  readonly noCause: string;
  readonly cases: CountWords;
  readonly lines: CountWords;
  readonly diffSummary: string;
  readonly diffSkipped: string;
  /** Why an input file cannot be used; `{limit}` is in MiB, `{reason}` one of the reasons below. */
  readonly input: {
    readonly fileNotFound: string;
    readonly fileNotReadable: string;
    readonly isDirectory: string;
    readonly permissionDenied: string;
    readonly systemSays: string;
    readonly readingFailed: string;
    readonly fileTooLarge: string;
    readonly stdinTooLarge: string;
    readonly fileEmpty: string;
    readonly stdinEmpty: string;
    readonly invalidJson: string;
    /** `{what}` is one of `syntax`. */
    readonly invalidJsonAt: string;
    /** A line of a caseload (JSON Lines) that is too long, or not JSON at a column. */
    readonly lineTooLarge: string;
    readonly invalidJsonAtColumn: string;
  };
  /** What a JSON syntax error found or expected, by jsonc-parser's error code (`other` for any other). */
  readonly syntax: Readonly<Record<JsonSyntaxError, string>>;
}

/** The JSON syntax errors the command line words (jsonc-parser's codes, and `other`). */
export type JsonSyntaxError =
  | 'InvalidSymbol'
  | 'InvalidNumberFormat'
  | 'PropertyNameExpected'
  | 'ValueExpected'
  | 'ColonExpected'
  | 'CommaExpected'
  | 'CloseBraceExpected'
  | 'CloseBracketExpected'
  | 'EndOfFileExpected'
  | 'InvalidCommentToken'
  | 'UnexpectedEndOfComment'
  | 'UnexpectedEndOfString'
  | 'UnexpectedEndOfNumber'
  | 'InvalidUnicode'
  | 'InvalidEscapeCharacter'
  | 'InvalidCharacter'
  | 'other';

