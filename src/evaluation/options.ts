/**
 * Options of an evaluation, checked like the case: a bad option is an issue with a path
 * (`options.locale`) and a code of its own (`invalid_option`, `unknown_option`), never a silent
 * default, and an `OptionsError`, never "the case is not valid".
 *
 * One source of truth: `OPTION_VALUES` lists each option with the vocabulary it takes its value
 * from (the locales, the trace levels, the engines) or, for `asOf`, the calendar-date check. The
 * check below reads it, and so do the messages; there is no second schema of the options.
 *
 * @module
 */
import type { CaseIssueCode } from '../errors.js';
import { makeIssue } from '../locales/issues.js';
import { LOCALES, type Locale } from '../locales/index.js';
import { isCalendarDate, todayUtc, type CalendarDate } from '../support/dates.js';
import { formatPath, type Issue } from '../support/issues.js';
import { ENGINES, type EngineName } from './runners.js';

/** How much of the trace an evaluation keeps: every rule, the rules that fired (or were overridden), or none. */
export const TRACE_LEVELS = ['full', 'fired', 'none'] as const;

/** How much of the trace to keep. */
export type TraceLevel = (typeof TRACE_LEVELS)[number];

/** Options of `evaluateCase` and `Evaluator.evaluate`. */
export interface EvaluateOptions {
  /** The date the case is judged at, `YYYY-MM-DD`. Default: today (UTC). */
  readonly asOf?: CalendarDate;
  /** Language of titles and explanations. Default `en`. */
  readonly locale?: Locale;
  /** How much trace to return: every rule (`full`, default), rules that fired (`fired`), or none. */
  readonly trace?: TraceLevel;
  /** Which engine runs the rules. Default: the evaluator's. */
  readonly engine?: EngineName;
  /**
   * Whether to compute `questions`: the unknown facts whose answer would change the result (the
   * rules run again with each fact set to each of its values). Default `true`; `false` saves
   * that time (see docs/performance.md).
   */
  readonly questions?: boolean;
}

/** Options with their defaults applied. */
export interface ResolvedOptions {
  readonly asOf: CalendarDate;
  readonly locale: Locale;
  readonly trace: TraceLevel;
  readonly engine: EngineName;
  readonly questions: boolean;
}

/** @internal Every option: the values an enumerated option takes, `date` for a calendar date, `boolean` for true or false. */
const OPTION_VALUES: { readonly [K in keyof EvaluateOptions]-?: readonly string[] | 'date' | 'boolean' } = {
  asOf: 'date',
  locale: LOCALES,
  trace: TRACE_LEVELS,
  engine: ENGINES,
  questions: 'boolean',
};

/** @internal The option names, in the order of the messages. */
const OPTION_NAMES = Object.keys(OPTION_VALUES) as ReadonlyArray<keyof EvaluateOptions>;

/** @internal Whether a key names an option. */
function isOptionName(key: string): key is keyof EvaluateOptions {
  return Object.hasOwn(OPTION_VALUES, key);
}

/**
 * Checks options and applies defaults. Every problem is an issue whose path starts with
 * `options`: `unknown_option` for a key that is not an option (inherited keys too), and
 * `invalid_option` for a value the option does not take.
 *
 * @example
 * ```ts
 * resolveOptions({ asOf: '2025-01-31' }, 'compiled');
 * // { success: true, options: { asOf: '2025-01-31', locale: 'en', trace: 'full', engine: 'compiled', questions: true } }
 * resolveOptions({ locale: 'de' }, 'compiled').success; // false
 * ```
 */
export function resolveOptions(
  options: unknown,
  defaultEngine: EngineName,
): { success: true; options: ResolvedOptions } | { success: false; issues: Issue<CaseIssueCode>[] } {
  if (options === undefined || options === null) return { success: true, options: withDefaults({}, defaultEngine) };
  if (typeof options !== 'object' || Array.isArray(options)) {
    return { success: false, issues: [makeIssue('invalid_option', 'options', { variant: 'options' })] };
  }
  const issues: Issue<CaseIssueCode>[] = [];
  // Every enumerable key, inherited ones too: an option must be stated, not inherited by accident.
  for (const key in options) {
    if (!isOptionName(key)) issues.push(makeIssue('unknown_option', formatPath(['options', key]), { options: OPTION_NAMES.join(', ') }));
  }
  const given = options as Readonly<Record<string, unknown>>;
  for (const name of OPTION_NAMES) {
    const value = given[name];
    if (value === undefined) continue;
    const allowed = OPTION_VALUES[name];
    if (allowed === 'boolean') {
      if (typeof value !== 'boolean') issues.push(makeIssue('invalid_option', `options.${name}`, { option: name, allowed: 'true, false' }));
    } else if (allowed === 'date' ? !isCalendarDate(value) : !allowed.includes(value as string)) {
      issues.push(makeIssue('invalid_option', `options.${name}`, allowed === 'date' ? { variant: name } : { option: name, allowed: allowed.join(', ') }));
    }
  }
  if (issues.length > 0) return { success: false, issues };
  return { success: true, options: withDefaults(given as EvaluateOptions, defaultEngine) };
}

/** @internal Defaults applied to checked options. */
function withDefaults(value: EvaluateOptions, defaultEngine: EngineName): ResolvedOptions {
  return {
    asOf: value.asOf ?? todayUtc(),
    locale: value.locale ?? 'en',
    trace: value.trace ?? 'full',
    engine: value.engine ?? defaultEngine,
    questions: value.questions ?? true,
  };
}
