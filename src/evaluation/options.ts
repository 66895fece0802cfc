/**
 * Options of an evaluation, validated like the case: a bad option is an issue with a path
 * (`options.asOf`) and a code, never a silent default.
 *
 * @module
 */
import * as z from 'zod';
import type { CaseIssueCode } from '../errors.js';
import { todayUtc, type CalendarDate } from '../support/dates.js';
import { calendarDateField, FIELD_MESSAGES } from '../support/fields.js';
import type { Issue } from '../support/issues.js';
import { LOCALES, type Locale } from '../support/localized-text.js';
import { mapZodIssues } from '../support/zod-issues.js';
import type { TraceLevel } from './assemble.js';
import { ENGINES, type EngineName } from './runners.js';

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

const optionsSchema = z.strictObject({
  asOf: calendarDateField.optional(),
  locale: z.enum(LOCALES).optional(),
  trace: z.enum(['full', 'fired', 'none']).optional(),
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
  const value = parsed.data;
  return {
    success: true,
    options: {
      asOf: value.asOf ?? todayUtc(),
      locale: value.locale ?? 'en',
      trace: value.trace ?? 'full',
      engine: value.engine ?? defaultEngine,
    },
  };
}
