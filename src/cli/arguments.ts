/**
 * The command line's commands, options and help, on Node's own `util.parseArgs` (no parser
 * dependency): each command declares its arguments, options and examples once, and its help is
 * written from that declaration.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import type { CliUsageKey, CliWords } from './catalogue.js';
import type { Locale } from '../locales/index.js';
import { LIBRARY_NAME, LIBRARY_VERSION } from '../version.js';
import { cliWords, fill } from './words.js';

/** A text of the help, in the words of a locale (`(words) => words.options.jobs`): every locale must word it. */
export type HelpText = (words: CliWords, locale: Locale) => string;

/** One option of a command. */
export interface OptionSpec {
  /** Long name, without `--`. */
  readonly name: string;
  /** Placeholder of its value (`<date>`); none for a flag. */
  readonly value?: string;
  readonly description: HelpText;
  /** May be given several times. */
  readonly multiple?: boolean;
  /** Shown in the help as the default. */
  readonly defaultValue?: string;
}

/** One command. */
export interface CommandSpec {
  readonly name: string;
  /** Its arguments as the help shows them, e.g. `<case>` or `<...files>`. */
  readonly argumentsUsage: string;
  /** How many positional arguments it takes. */
  readonly positionals: { readonly min: number; readonly max: number };
  readonly description: HelpText;
  readonly options: readonly OptionSpec[];
  /** Command lines that work as written from a project that installed the package. */
  readonly examples: readonly string[];
}

/** The parsed arguments of a command. */
export interface ParsedCommand {
  readonly command: CommandSpec;
  readonly positionals: readonly string[];
  readonly options: Readonly<Record<string, string | boolean | string[] | undefined>>;
}

/** What the arguments ask for. */
export type ParsedArguments =
  | { readonly kind: 'run'; readonly parsed: ParsedCommand }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'version'; readonly text: string }
  | { readonly kind: 'usage-error'; readonly code: string; readonly message: string; readonly help?: string };

/**
 * A usage error's code and message, from its catalogue key (`code.variant`: the code is the
 * part before the dot), in a locale.
 *
 * @example
 * ```ts
 * usageIssue('invalid_option.jobs', { max: 64 }, 'en'); // { code: 'invalid_option', message: '--jobs must be a whole number from 1 to 64.' }
 * ```
 */
export function usageIssue(key: CliUsageKey, params: Readonly<Record<string, string | number>>, locale: Locale): { code: string; message: string } {
  return { code: key.split('.')[0]!, message: fill(cliWords(locale).usage[key], params) };
}

/** @internal Options every command has. */
const HELP_OPTION: OptionSpec = { name: 'help', description: (words) => words.options.help };

/** @internal Two columns, the second aligned. */
function columns(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`.trimEnd());
}

/** @internal An option as the help shows it. */
function optionUsage(option: OptionSpec): string {
  return `${option.name === 'help' ? '-h, ' : option.name === 'version' ? '-v, ' : ''}--${option.name}${option.value ? ` ${option.value}` : ''}`;
}

/**
 * The help of the program (no command) or of one command.
 *
 * @example
 * ```ts
 * import { COMMANDS } from './main.js';
 *
 * helpText(COMMANDS, COMMANDS[0]).includes('Usage:'); // true
 * helpText(COMMANDS, COMMANDS[0], 'es').includes('Uso:'); // true
 * ```
 */
export function helpText(commands: readonly CommandSpec[], command?: CommandSpec, locale: Locale = 'en'): string {
  const words = cliWords(locale);
  const lines = [`${LIBRARY_NAME}/${LIBRARY_VERSION}`, ''];
  if (command === undefined) {
    lines.push(words.help.usage, `  $ ${LIBRARY_NAME} <command> [options]`, '', words.help.commands);
    lines.push(...columns(commands.map((item) => [`${item.name} ${item.argumentsUsage}`, item.description(words, locale)])));
    lines.push('', words.help.moreInfo, ...commands.map((item) => `  $ ${LIBRARY_NAME} ${item.name} --help`));
    lines.push('', words.help.options, ...columns([[optionUsage(HELP_OPTION), words.options.help], [optionUsage({ name: 'version', description: () => '' }), words.options.version]]));
  } else {
    lines.push(words.help.usage, `  $ ${LIBRARY_NAME} ${command.name} ${command.argumentsUsage}`, '', command.description(words, locale), '', words.help.options);
    lines.push(
      ...columns(
        [...command.options, HELP_OPTION].map((option) => [
          optionUsage(option),
          `${option.description(words, locale)}${option.defaultValue === undefined ? '' : ` ${fill(words.help.defaultValue, { value: option.defaultValue })}`}`,
        ]),
      ),
    );
    if (command.examples.length > 0) lines.push('', words.help.examples, ...command.examples.map((example) => `  $ ${example}`));
  }
  return `${lines.join('\n')}\n`;
}

/** @internal What `parseArgs` did not understand, as a usage error's key (Node's messages are English): the option it names. */
function argumentError(error: unknown): [CliUsageKey, { option: string }] {
  const message = error instanceof Error ? error.message : '';
  const option = /^(?:Unknown option|Option) '([^' ]+)/.exec(message)?.[1] ?? '';
  const code = (error as { code?: unknown } | null)?.code;
  if (option !== '' && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return ['invalid_usage.unknownOption', { option }];
  if (option !== '' && code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/argument missing$/.test(message)) return ['invalid_usage.missingValue', { option }];
    if (/does not take an argument$/.test(message)) return ['invalid_usage.unexpectedValue', { option }];
    if (/argument is ambiguous/.test(message)) return ['invalid_usage.ambiguousValue', { option }];
  }
  return ['invalid_usage.unreadable', { option }];
}

/**
 * Reads the command line's arguments (without the node and script paths) against `commands`.
 * A lone `-` is a positional argument (standard input). Help and usage errors are in `locale`.
 *
 * @example
 * ```ts
 * import { COMMANDS } from './main.js';
 *
 * parseArguments(['evaluate', 'case.json', '--as-of', '2026-06-30'], COMMANDS).kind; // 'run'
 * parseArguments(['frobnicate'], COMMANDS).kind; // 'usage-error'
 * ```
 */
export function parseArguments(argv: readonly string[], commands: readonly CommandSpec[], locale: Locale = 'en'): ParsedArguments {
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: 'usage-error', ...usageIssue('missing_command', {}, locale), help: helpText(commands, undefined, locale) };
  if (first === '--help' || first === '-h') return { kind: 'help', text: helpText(commands, undefined, locale) };
  if (first === '--version' || first === '-v') return { kind: 'version', text: `${LIBRARY_NAME}/${LIBRARY_VERSION}\n` };
  const command = commands.find((item) => item.name === first);
  if (command === undefined) return { kind: 'usage-error', ...usageIssue('unknown_command', {}, locale) };
  const help = `${LIBRARY_NAME} ${command.name} --help`;
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    const parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(command.options.map((option) => [option.name, { type: option.value ? 'string' : 'boolean', multiple: option.multiple ?? false } as const])),
      },
    });
    values = parsed.values as Record<string, string | boolean | string[] | undefined>;
    positionals = parsed.positionals;
  } catch (error) {
    // parseArgs names the option that it did not understand; the option is not case data.
    const [key, params] = argumentError(error);
    return { kind: 'usage-error', ...usageIssue(key, { ...params, help }, locale) };
  }
  if (values.help === true) return { kind: 'help', text: helpText(commands, command, locale) };
  const usage = `${command.name} ${command.argumentsUsage}`;
  if (positionals.length < command.positionals.min) return { kind: 'usage-error', ...usageIssue('invalid_usage.missingArgument', { usage, help }, locale) };
  if (positionals.length > command.positionals.max) return { kind: 'usage-error', ...usageIssue('invalid_usage.tooManyArguments', { usage, help }, locale) };
  return { kind: 'run', parsed: { command, positionals, options: values } };
}
