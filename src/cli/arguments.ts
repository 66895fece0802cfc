/**
 * The command line's commands, options and help, on Node's own `util.parseArgs` (no parser
 * dependency): each command declares its arguments, options and examples once, and its help is
 * written from that declaration.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { LIBRARY_NAME, LIBRARY_VERSION } from '../version.js';

/** One option of a command. */
export interface OptionSpec {
  /** Long name, without `--`. */
  readonly name: string;
  /** Placeholder of its value (`<date>`); none for a flag. */
  readonly value?: string;
  readonly description: string;
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
  readonly description: string;
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

/** @internal Options every command has. */
const HELP_OPTION: OptionSpec = { name: 'help', description: 'Display this message' };

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
 * ```
 */
export function helpText(commands: readonly CommandSpec[], command?: CommandSpec): string {
  const lines = [`${LIBRARY_NAME}/${LIBRARY_VERSION}`, ''];
  if (command === undefined) {
    lines.push('Usage:', `  $ ${LIBRARY_NAME} <command> [options]`, '', 'Commands:');
    lines.push(...columns(commands.map((item) => [`${item.name} ${item.argumentsUsage}`, item.description])));
    lines.push('', 'For more info, run any command with the `--help` flag:', ...commands.map((item) => `  $ ${LIBRARY_NAME} ${item.name} --help`));
    lines.push('', 'Options:', ...columns([[optionUsage(HELP_OPTION), HELP_OPTION.description], [optionUsage({ name: 'version', description: '' }), 'Display version number']]));
  } else {
    lines.push('Usage:', `  $ ${LIBRARY_NAME} ${command.name} ${command.argumentsUsage}`, '', command.description, '', 'Options:');
    lines.push(...columns([...command.options, HELP_OPTION].map((option) => [optionUsage(option), `${option.description}${option.defaultValue === undefined ? '' : ` (default: ${option.defaultValue})`}`])));
    if (command.examples.length > 0) lines.push('', 'Examples:', ...command.examples.map((example) => `  $ ${example}`));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Reads the command line's arguments (without the node and script paths) against `commands`.
 * A lone `-` is a positional argument (standard input).
 *
 * @example
 * ```ts
 * import { COMMANDS } from './main.js';
 *
 * parseArguments(['evaluate', 'case.json', '--as-of', '2026-06-30'], COMMANDS).kind; // 'run'
 * parseArguments(['frobnicate'], COMMANDS).kind; // 'usage-error'
 * ```
 */
export function parseArguments(argv: readonly string[], commands: readonly CommandSpec[]): ParsedArguments {
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: 'usage-error', code: 'missing_command', message: 'Give a command: see --help.', help: helpText(commands) };
  if (first === '--help' || first === '-h') return { kind: 'help', text: helpText(commands) };
  if (first === '--version' || first === '-v') return { kind: 'version', text: `${LIBRARY_NAME}/${LIBRARY_VERSION}\n` };
  const command = commands.find((item) => item.name === first);
  if (command === undefined) return { kind: 'usage-error', code: 'unknown_command', message: 'Unknown command: see --help for the commands.' };
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
    const message = error instanceof Error ? error.message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '') : 'The arguments cannot be read.';
    return { kind: 'usage-error', code: 'invalid_usage', message: `${message.replace(/\.$/, '')} (see ${LIBRARY_NAME} ${command.name} --help).` };
  }
  if (values.help === true) return { kind: 'help', text: helpText(commands, command) };
  if (positionals.length < command.positionals.min) {
    return { kind: 'usage-error', code: 'invalid_usage', message: `Missing argument: ${command.name} ${command.argumentsUsage} (see ${LIBRARY_NAME} ${command.name} --help).` };
  }
  if (positionals.length > command.positionals.max) {
    return { kind: 'usage-error', code: 'invalid_usage', message: `Too many arguments: ${command.name} ${command.argumentsUsage} (see ${LIBRARY_NAME} ${command.name} --help).` };
  }
  return { kind: 'run', parsed: { command, positionals, options: values } };
}
