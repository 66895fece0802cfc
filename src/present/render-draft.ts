/**
 * `renderDraft`: a draft request to the CCF from an evaluation, in Markdown, HTML or DOCX, in
 * any locale. The draft is written once as a document (`draft.ts`) and serialised like the
 * reports (Markdown, HTML) or as a Word document (`docx.ts`).
 *
 * @module
 */
import type { CaseEvaluation } from '../evaluation/result.js';
import type { RuleTexts } from '../evaluation/wording.js';
import { isLocaleTag, localeOfTag, LOCALES, type Locale, type LocaleTag } from '../locales/index.js';
import { finishOutput, withIsolation } from './document.js';
import { buildDraft } from './draft.js';
import { DRAFT_FORMATS, DRAFT_KINDS, type DraftFormat, type DraftKind } from './draft-vocabulary.js';
import { toDocx } from './docx.js';
import { toHtml } from './html.js';
import { localizeEvaluation } from './localize.js';
import { toMarkdown } from './markdown.js';

/** Options of `renderDraft`. */
export interface RenderDraftOptions {
  /** Which request: `ccf_deletion_request`, `ccf_access_request` or `provisional_measures`. */
  readonly kind: DraftKind;
  /** `markdown`, `html` (one self-contained page) or `docx` (a Word document). */
  readonly format: DraftFormat;
  /** Language of the draft. Default: the evaluation's locale. */
  readonly locale?: LocaleTag;
  /** The texts of the rule sets the evaluation was made with, for an evaluator with rule sets of its own (`evaluator.ruleTexts`). */
  readonly ruleTexts?: RuleTexts;
}

/**
 * A draft request to the Commission for the Control of INTERPOL's Files: for the deletion of
 * data, for access to data, or for provisional measures. It states the facts the evaluation
 * holds, the grounds the rules found with their provisions and how well each is verified, the
 * documents to attach, and a visible placeholder wherever a fact is unknown (the applicant's
 * particulars, the CCF's address, the questions the file leaves open). Decision-support
 * wording throughout; nothing invented: a request the rules found no ground for says so.
 *
 * Markdown and HTML are strings; DOCX is the bytes of a Word document, asynchronously. Throws a
 * `TypeError` for an unknown kind, format or locale (a programmer error).
 *
 * @example
 * ```ts
 * import { evaluateCaseSync } from 'red-notice-rules';
 * import { renderDraft } from 'red-notice-rules/draft';
 *
 * const evaluation = evaluateCaseSync(
 *   { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }] },
 *   { asOf: '2026-06-30' },
 * );
 * const markdown = renderDraft(evaluation, { kind: 'ccf_deletion_request', format: 'markdown' });
 * markdown.split('\n')[0]; // '# Request for the deletion of data held by INTERPOL'
 * markdown.includes('✎ \\[full name'); // true
 * const word = await renderDraft(evaluation, { kind: 'ccf_deletion_request', format: 'docx', locale: 'es' });
 * word instanceof Uint8Array; // true
 * ```
 */
export function renderDraft(evaluation: CaseEvaluation, options: RenderDraftOptions & { readonly format: 'docx' }): Promise<Uint8Array>;
export function renderDraft(evaluation: CaseEvaluation, options: RenderDraftOptions & { readonly format: 'markdown' | 'html' }): string;
export function renderDraft(evaluation: CaseEvaluation, options: RenderDraftOptions): string | Promise<Uint8Array>;
export function renderDraft(evaluation: CaseEvaluation, options: RenderDraftOptions): string | Promise<Uint8Array> {
  if (!(DRAFT_KINDS as readonly string[]).includes(options.kind)) throw new TypeError(`renderDraft: options.kind must be one of ${DRAFT_KINDS.join(', ')}.`);
  if (!(DRAFT_FORMATS as readonly string[]).includes(options.format)) throw new TypeError(`renderDraft: options.format must be one of ${DRAFT_FORMATS.join(', ')}.`);
  if (options.locale !== undefined && !isLocaleTag(options.locale)) throw new TypeError(`renderDraft: options.locale must be one of ${LOCALES.join(', ')} or a variant of one (fr-CA).`);
  const tag: LocaleTag = options.locale ?? (isLocaleTag(evaluation.meta.locale) ? evaluation.meta.locale : 'en');
  const locale: Locale = localeOfTag(tag)!;
  const localized = localizeEvaluation(evaluation, { locale: tag, ...(options.ruleTexts === undefined ? {} : { ruleTexts: options.ruleTexts }) });
  const draft = buildDraft(localized.evaluation, options.kind, locale, localized.fallbacks, options.ruleTexts);
  if (options.format === 'docx') return toDocx(draft);
  const isolated = withIsolation(draft);
  return finishOutput(options.format === 'html' ? toHtml(isolated) : toMarkdown(isolated), options.format);
}
