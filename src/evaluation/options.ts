/**
 * Options of an evaluation, validated like the case: a bad option is an issue with a path
 * (`options.asOf`) and a code, never a silent default.
 *
 * @module
 */
import * as z from 'zod';
import type { CaseIssueCode } from '../errors.js';
import { isCalendarDate, todayUtc, type CalendarDate } from '../support/dates.js';
import { calendarDateField, FIELD_MESSAGES } from '../support/fields.js';
import type { Issue } from '../support/issues.js';
import { LOCALES, type Locale } from '../locales/index.js';
import { mapZodIssues } from '../support/zod-issues.js';
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
}

/** Options with their defaults applied. */
export interface ResolvedOptions {
  readonly asOf: CalendarDate;
  readonly locale: Locale;
  readonly trace: TraceLevel;
  readonly engine: EngineName;
}

/** @internal The options schema (exported for the test that checks the path that skips it). */
export const optionsSchema = z.strictObject({
  asOf: calendarDateField.optional(),
  locale: z.enum(LOCALES).optional(),
  trace: z.enum(TRACE_LEVELS).optional(),
  engine: z.enum(ENGINES).optional(),
});

/**
 * Validates options and applies defaults. Issue paths start with `options`.
 *
 * @example
 * ```ts
 * resolveOptions({ asOf: '2025-01-31' }, 'compiled');
 * ```
 */
export function resolveOptions(
  options: unknown,
  defaultEngine: EngineName,
): { success: true; options: ResolvedOptions } | { success: false; issues: Issue<CaseIssueCode>[] } {
  const plain = plainOptions(options, defaultEngine);
  if (plain !== undefined) return { success: true, options: plain };
  const parsed = optionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    const issues = mapZodIssues<CaseIssueCode>(parsed.error.issues, options, {
      customMessages: FIELD_MESSAGES,
      unknownKeyMessage: 'This is not an evaluation option (asOf, locale, trace, engine).',
    }) as Issue<CaseIssueCode>[];
    return {
      success: false,
      issues: issues.map((issue) => ({ ...issue, path: issue.path === '' ? 'options' : issue.path.startsWith('[') ? `options${issue.path}` : `options.${issue.path}` })),
    };
  }
  return { success: true, options: withDefaults(parsed.data, defaultEngine) };
}

/** @internal Options as given, checked. */
type GivenOptions = z.infer<typeof optionsSchema>;

/** @internal Defaults applied. */
function withDefaults(value: GivenOptions, defaultEngine: EngineName): ResolvedOptions {
  return {
    asOf: value.asOf ?? todayUtc(),
    locale: value.locale ?? 'en',
    trace: value.trace ?? 'full',
    engine: value.engine ?? defaultEngine,
  };
}

const OPTION_NAMES: ReadonlySet<string> = new Set(['asOf', 'locale', 'trace', 'engine']);
const TRACE_LEVEL_SET: ReadonlySet<unknown> = new Set(TRACE_LEVELS);
const LOCALE_SET: ReadonlySet<unknown> = new Set(LOCALES);
const ENGINE_SET: ReadonlySet<unknown> = new Set(ENGINES);

/**
 * @internal The common case without the schema: no options, or an object of known options with
 * valid values — exactly what the schema accepts, read the way it reads them (`for…in`, so an
 * inherited or unknown key sends the options to the schema, which reports it). `undefined`
 * when the schema must decide.
 */
function plainOptions(options: unknown, defaultEngine: EngineName): ResolvedOptions | undefined {
  if (options === undefined || options === null) return withDefaults({}, defaultEngine);
  if (typeof options !== 'object' || Array.isArray(options)) return undefined;
  for (const key in options) if (!OPTION_NAMES.has(key)) return undefined;
  const { asOf, locale, trace, engine } = options as Record<string, unknown>;
  if (asOf !== undefined && !isCalendarDate(asOf)) return undefined;
  if (locale !== undefined && !LOCALE_SET.has(locale)) return undefined;
  if (trace !== undefined && !TRACE_LEVEL_SET.has(trace)) return undefined;
  if (engine !== undefined && !ENGINE_SET.has(engine)) return undefined;
  return {
    asOf: (asOf as string | undefined) ?? todayUtc(),
    locale: (locale as Locale | undefined) ?? 'en',
    trace: (trace as TraceLevel | undefined) ?? 'full',
    engine: (engine as EngineName | undefined) ?? defaultEngine,
  };
}
