/**
 * `renderReport`: an evaluation as a memo a lawyer can read and check, in Markdown, HTML or
 * plain text. Pure and deterministic, with no Node API: it runs in browsers too.
 *
 * @module
 */
import type { CaseEvaluation } from '../evaluation/result.js';
import type { RuleTexts } from '../evaluation/wording.js';
import { isLocaleTag, localeOfTag, LOCALES, type Locale, type LocaleTag } from '../locales/index.js';
import { localizeEvaluation } from './localize.js';
import { finishOutput, translationFooter, withIsolation } from './document.js';
import { buildMemo } from './memo.js';
import { toHtml } from './html.js';
import { toMarkdown } from './markdown.js';
import { toText } from './text.js';

/** The formats of a report. */
export const REPORT_FORMATS = ['markdown', 'html', 'text'] as const;

/** A format of a report. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Options of `renderReport`. */
export interface RenderReportOptions {
  /** `markdown` (with Mermaid diagrams), `html` (one self-contained page, SVG diagrams), or `text` (for terminals). */
  readonly format: ReportFormat;
  /**
   * Language of the report — its headings and the evaluation's texts (action titles and
   * explanations, factor labels, deadline bases, rule titles), worded from the evaluation's codes
   * and parameters. Default: the evaluation's locale.
   */
  readonly locale?: LocaleTag;
  /**
   * The texts of the rule sets the evaluation was made with, for an evaluator with rule sets of
   * its own: `evaluator.ruleTexts`. Default: the bundled rule sets.
   */
  readonly ruleTexts?: RuleTexts;
  /** `text` only: the width to wrap to. Default 100. */
  readonly width?: number;
  /**
   * (added) `all` (the default): the first page and the appendix; `first`: the first page only
   * — the first step, the outcome per notice, the dated deadlines, what else is urgent and the
   * questions.
   */
  readonly pages?: ReportPages;
}

/** Which pages of a report to render. */
export const REPORT_PAGES = ['all', 'first'] as const;

/** Which pages of a report to render. */
export type ReportPages = (typeof REPORT_PAGES)[number];

/**
 * The memo of an evaluation. Its first page is what to act on: the first step and why it comes
 * first, the outcome per Red Notice and Diffusion, the dated deadlines (due, overdue or closed),
 * what else is urgent, and the questions whose answer would change the assessment, with what
 * each answer would change. The appendix has every action with its priority and the reason for
 * it, per notice the outcome in plain words, why, what else is unknown (as questions, never as
 * input paths), the actions in full and a decision diagram; then every question, every citation
 * with its verification level shown, the documented patterns of misuse, and what the memo was
 * made from. Dates and countries are written in words of the locale. Strings of the case are
 * escaped for the format. The whole report is in `locale`, whatever locale the evaluation was
 * made in (`localizeEvaluation`): a text a rule set does not have in that locale is in English.
 *
 * Throws a `TypeError` for an unknown format, locale or pages (a programmer error).
 *
 * @example
 * ```ts
 * import { evaluateCase, renderReport } from 'red-notice-rules';
 *
 * const evaluation = await evaluateCase(
 *   { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] },
 *   { asOf: '2026-06-30' },
 * );
 * const markdown = renderReport(evaluation, { format: 'markdown', locale: 'es' });
 * markdown.split('\n')[0]; // '# Notificaciones rojas y difusiones de INTERPOL: memorando de evaluación'
 * const page = renderReport(evaluation, { format: 'html' });
 * page.startsWith('<!doctype html>'); // true
 * renderReport(evaluation, { format: 'text', pages: 'first' }).includes('APPENDIX'); // false
 * ```
 */
export function renderReport(evaluation: CaseEvaluation, options: RenderReportOptions): string {
  if (!(REPORT_FORMATS as readonly string[]).includes(options.format)) {
    throw new TypeError(`renderReport: options.format must be one of ${REPORT_FORMATS.join(', ')}.`);
  }
  if (options.locale !== undefined && !isLocaleTag(options.locale)) {
    throw new TypeError(`renderReport: options.locale must be one of ${LOCALES.join(', ')} or a variant of one (fr-CA).`);
  }
  if (options.pages !== undefined && !(REPORT_PAGES as readonly string[]).includes(options.pages)) {
    throw new TypeError(`renderReport: options.pages must be one of ${REPORT_PAGES.join(', ')}.`);
  }
  const tag: LocaleTag = options.locale ?? (isLocaleTag(evaluation.meta.locale) ? evaluation.meta.locale : 'en');
  const locale: Locale = localeOfTag(tag)!;
  const localized = localizeEvaluation(evaluation, { locale: tag, ...(options.ruleTexts === undefined ? {} : { ruleTexts: options.ruleTexts }) });
  const full = buildMemo(localized.evaluation, locale, localized.fallbacks, options.ruleTexts);
  const memo = options.pages === 'first' ? { ...full, blocks: [...full.blocks.slice(0, full.blocks.findIndex((block) => block.kind === 'pageBreak')), ...translationFooter(locale)] } : full;
  // The final guard: whatever reached the output, no control or bidirectional character leaves
  // it (runs are cleaned as they are made; this holds for what a serialiser adds, too).
  return finishOutput(serialise(withIsolation(memo), options), options.format);
}

/** @internal The memo in its format. */
function serialise(memo: ReturnType<typeof buildMemo>, options: RenderReportOptions): string {
  switch (options.format) {
    case 'markdown':
      return toMarkdown(memo);
    case 'html':
      return toHtml(memo);
    case 'text':
      return toText(memo, options.width);
  }
}
