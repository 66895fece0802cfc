/**
 * A draft request to the CCF, as a document: a request for the deletion of data, for access to
 * data, or for provisional measures. Addressed to the Commission; stating the facts the
 * evaluation holds (protection, confirmation, the notices, detention, extradition, CCF time
 * limits); the grounds the rules found, each with its provisions and how well each is verified;
 * the documents to attach, from the evaluation; and a visible placeholder wherever a fact is
 * unknown (the applicant's particulars, the address, the questions the file leaves open).
 * Decision-support wording throughout: it says what the rules found, never more — nothing is
 * invented, and a draft whose kind has no ground says so instead of arguing one.
 *
 * The document is serialised by the report formats (Markdown, HTML) and by `docx.ts`.
 *
 * @module
 */
import type { Verification } from '../citations/registry.js';
import type { Action, CaseEvaluation, NoticeEvaluation } from '../evaluation/result.js';
import { fillParams } from '../evaluation/question-words.js';
import { vocabularyLabel, type RuleTexts } from '../evaluation/wording.js';
import type { DraftCatalogue, MessageCatalogue } from '../locales/catalogue.js';
import { DRAFT_CATALOGUES } from '../locales/draft/index.js';
import { CATALOGUES, type Locale } from '../locales/index.js';
import { fillPlaceholders } from '../support/localized-text.js';
import { ownValue } from '../support/own.js';
import { badge, placeholder, strong, text, translationFooter, type BadgeTone, type Block, type Inline, type ReportDocument } from './document.js';
import { DRAFT_DOCUMENTS, type DraftDocument, type DraftKind } from './draft-vocabulary.js';
import { bundledRuleTexts, type TextFallback } from './localize.js';
import { deadlineWords, noticeWordingParams } from './words.js';

const verificationTone: Readonly<Record<Verification, BadgeTone>> = { primary: 'ok', secondary: 'caution', unverified: 'alert' };

/**
 * The action codes each kind of draft argues from, in the order it states them. A code that is
 * not listed (a rule set's own) is not put forward as a ground: the lawyer adds it.
 */
export const DRAFT_GROUND_CODES: Readonly<Record<DraftKind, readonly string[]>> = {
  ccf_deletion_request: [
    'request_deletion',
    'challenge_article_3',
    'challenge_article_83',
    'cite_extradition_refusal',
    'request_ccf_revision',
    'invoke_non_refoulement',
    'document_misuse_pattern',
  ],
  ccf_access_request: [],
  provisional_measures: ['request_provisional_measures', 'contest_detention_reliance', 'invoke_non_refoulement'],
};

/** @internal The outcomes under the refugee provisions that a request for deletion argues from. */
const DELETION_OUTCOMES = new Set(['delete', 'delete_once_confirmed', 'restore_possible']);

/** @internal What every part of a draft needs. */
interface DraftContext {
  readonly evaluation: CaseEvaluation;
  readonly kind: DraftKind;
  readonly locale: Locale;
  readonly messages: MessageCatalogue;
  readonly draft: DraftCatalogue;
  readonly ruleTexts: RuleTexts;
}

/** @internal The notices a draft is about, with the actions it argues from for each. */
function scopeOf(context: DraftContext): Array<{ notice: NoticeEvaluation; grounds: Action[] }> {
  const { evaluation, kind } = context;
  const codes = DRAFT_GROUND_CODES[kind];
  return evaluation.notices
    .map((notice) => ({
      notice,
      grounds: notice.actions.filter((action) => codes.includes(action.code)).sort((a, b) => codes.indexOf(a.code) - codes.indexOf(b.code)),
    }))
    .filter(({ notice, grounds }) => {
      if (kind === 'ccf_access_request') return true;
      if (kind === 'provisional_measures') return grounds.length > 0 || notice.libertyGrounds.length > 0;
      return grounds.length > 0 || DELETION_OUTCOMES.has(notice.outcome);
    });
}

/** @internal A notice in words: "the Red Notice rn-1, requested by Russia". */
function noticeLine(context: DraftContext, notice: NoticeEvaluation): string {
  return fillParams(context.draft.noticeLine, noticeWordingParams(notice, context.locale), context.locale);
}

/** @internal A citation as the CCF reads it: instrument, provision, and the verification badge. */
function citationInline(context: DraftContext, id: string): Inline[] {
  const citation = ownValue(context.evaluation.citations, id);
  if (citation === undefined) return [text(id)];
  return [text(`${citation.instrument}, ${citation.provision} `), badge(context.messages.verification[citation.verification], verificationTone[citation.verification])];
}

/** @internal Citations, one item each. */
function citationList(context: DraftContext, ids: readonly string[]): Block {
  return { kind: 'list', ordered: false, items: ids.map((id) => [{ kind: 'paragraph', content: citationInline(context, id) }]) };
}

/** @internal The facts the evaluation holds, one line each. */
function factsSection(context: DraftContext, scope: ReturnType<typeof scopeOf>): Block[] {
  const { evaluation, locale, messages } = context;
  const lines = context.draft.factLines;
  const fill = (template: string, params: Parameters<typeof fillParams>[1]) => fillParams(template, params, locale);
  const items: string[] = [];
  for (const host of evaluation.protection.hosts) {
    const status = host.status === 'unknown' ? undefined : vocabularyLabel('protectionStatus', host.status, locale);
    if (status === undefined) items.push(fill(lines.protectionUnknown, { country: host.country }));
    else if (host.fearedCountries.length === 0) items.push(fill(lines.protectionNoFear, { country: host.country, status, date: host.since }));
    else items.push(fill(lines.protection, { country: host.country, status, date: host.since, countries: host.fearedCountries }));
  }
  const { confirmation } = evaluation.protection;
  if (confirmation) items.push(fill(lines.confirmation, { country: confirmation.by, to: messages.recipients[confirmation.to], date: confirmation.date }));
  else if (evaluation.protection.status === 'granted') items.push(lines.noConfirmation);
  for (const { notice } of scope) {
    items.push(fill(lines.notice, noticeWordingParams(notice, locale)));
    items.push(fill(lines.outcome, { outcome: messages.outcomes[notice.outcome].label }));
    for (const ground of notice.libertyGrounds) {
      if (ground.code === 'detention_on_notice') items.push(fill(lines.detention, { ...noticeWordingParams(notice, locale), ...ground.params }));
      if (ground.code === 'extradition_pending') items.push(fill(lines.extradition, ground.params));
    }
    for (const action of notice.actions) {
      if (action.deadline?.kind === 'ccf_decision') items.push(fill(lines.ccfRequest, { ...noticeWordingParams(notice, locale), deadline: deadlineWords(action.deadline, locale) }));
    }
  }
  return [
    { kind: 'heading', level: 2, content: [text(context.draft.facts)] },
    { kind: 'list', ordered: false, items: [...new Set(items)].map((item) => [{ kind: 'paragraph', content: [text(item)] }]) },
  ];
}

/**
 * @internal The citations of an action as a ground: its own rules' — not those an escalation
 * added (they say why it is urgent, not why the data must go).
 */
function groundCitations(context: DraftContext, action: Action): readonly string[] {
  if (action.escalation === undefined) return action.citations;
  const own = new Set([action.ruleId, ...(action.factorDetails ?? []).map((factor) => factor.ruleId)].flatMap((ruleId) => context.ruleTexts.rules.get(ruleId)?.citations ?? []));
  const template = context.ruleTexts.factorActions.get(action.code);
  for (const id of template?.citations ?? []) own.add(id);
  if (action.deadline) own.add(action.deadline.citation);
  const escalating = new Set(action.escalation.ruleIds.flatMap((ruleId) => context.ruleTexts.rules.get(ruleId)?.citations ?? []));
  return action.citations.filter((id) => own.has(id) || !escalating.has(id));
}

/** @internal The grounds: per notice, the outcome under the refugee provisions and each action argued from, with its provisions. */
function groundsSection(context: DraftContext, scope: ReturnType<typeof scopeOf>): Block[] {
  const { messages, kind, draft } = context;
  if (kind === 'ccf_access_request') return [];
  const blocks: Block[] = [{ kind: 'heading', level: 2, content: [text(kind === 'provisional_measures' ? draft.urgency : draft.grounds)] }, { kind: 'paragraph', content: [text(draft.groundsNote)] }];
  const withGrounds = scope.filter(({ notice, grounds }) => grounds.length > 0 || (kind === 'ccf_deletion_request' && DELETION_OUTCOMES.has(notice.outcome)));
  if (withGrounds.length === 0) return [...blocks, { kind: 'paragraph', content: [placeholder(draft.noGrounds)] }];
  for (const { notice, grounds } of withGrounds) {
    blocks.push({ kind: 'heading', level: 3, content: [text(noticeLine(context, notice))] });
    const items: Block[][] = [];
    if (kind === 'ccf_deletion_request' && DELETION_OUTCOMES.has(notice.outcome)) {
      const outcome = messages.outcomes[notice.outcome];
      items.push([
        { kind: 'paragraph', content: [strong(fillPlaceholders(draft.refugeeGround, (name) => (name === 'outcome' ? outcome.label : undefined))), text(` ${outcome.meaning}`)] },
        citationList(context, notice.basis),
      ]);
    }
    for (const action of grounds) {
      items.push([
        { kind: 'paragraph', content: [strong(action.title)] },
        { kind: 'paragraph', content: [text(action.explanation)] },
        ...(action.factorDetails && action.factorDetails.length > 0
          ? [{ kind: 'list', ordered: false, items: action.factorDetails.map((factor): Block[] => [{ kind: 'paragraph', content: [text(factor.label)] }]) } as const]
          : []),
        citationList(context, groundCitations(context, action)),
      ]);
    }
    blocks.push({ kind: 'list', ordered: true, items });
  }
  return blocks;
}

/** @internal The documents to attach, from the evaluation, each with what it is worded from. */
function documentsOf(context: DraftContext, scope: ReturnType<typeof scopeOf>): Array<{ document: DraftDocument; params: Parameters<typeof fillParams>[1] }> {
  const { evaluation, kind, locale } = context;
  const found: Array<{ document: DraftDocument; params: Parameters<typeof fillParams>[1] }> = [
    { document: 'identity_document', params: {} },
    { document: 'power_of_attorney', params: {} },
  ];
  if (kind === 'ccf_access_request') return found;
  for (const host of evaluation.protection.hosts) {
    if (host.grantedOn !== undefined && host.status === 'granted') found.push({ document: 'grant_decision', params: { country: host.country, date: host.grantedOn } });
  }
  const { confirmation } = evaluation.protection;
  if (confirmation) found.push({ document: 'status_confirmation', params: { country: confirmation.by, date: confirmation.date } });
  const codes = new Set(scope.flatMap(({ notice }) => notice.actions.map((action) => action.code)));
  if (!confirmation && codes.has('obtain_status_confirmation')) found.push({ document: 'confirmation_requested', params: {} });
  for (const { notice } of scope) {
    const has = (code: string) => notice.actions.some((action) => action.code === code);
    if (has('cite_extradition_refusal')) found.push({ document: 'extradition_refusal', params: { country: notice.requestingCountry } });
    for (const ground of notice.libertyGrounds) {
      if (ground.code === 'extradition_pending') found.push({ document: 'extradition_proceedings', params: ground.params });
      if (ground.code === 'detention_on_notice') found.push({ document: 'detention_order', params: ground.params });
    }
    if (kind === 'ccf_deletion_request' && has('challenge_article_83')) found.push({ document: 'notice_content', params: noticeWordingParams(notice, locale) });
  }
  // The evidence of grounds a request for deletion argues (a request for provisional measures argues urgency).
  if (kind === 'ccf_deletion_request' && codes.has('challenge_article_3')) found.push({ document: 'political_evidence', params: {} });
  if (kind === 'ccf_deletion_request' && codes.has('request_ccf_revision')) found.push({ document: 'new_fact_evidence', params: {} });
  if (scope.some(({ notice }) => notice.actions.some((action) => action.deadline?.kind === 'ccf_decision' || action.code === 'request_ccf_revision'))) {
    found.push({ document: 'ccf_correspondence', params: {} });
  }
  return found.sort((a, b) => DRAFT_DOCUMENTS.indexOf(a.document) - DRAFT_DOCUMENTS.indexOf(b.document));
}

/**
 * A draft request to the CCF from an evaluation already worded in `locale`: the document that
 * `renderDraft` serialises.
 *
 * @example
 * ```ts
 * import { evaluateCaseSync } from '../evaluate-case.js';
 *
 * const evaluation = evaluateCaseSync(
 *   { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }] },
 *   { asOf: '2026-06-30', trace: 'none' },
 * );
 * const draft = buildDraft(evaluation, 'ccf_deletion_request', 'en');
 * draft.title; // 'Request for the deletion of data held by INTERPOL'
 * draft.blocks.some((block) => block.kind === 'paragraph' && block.content.some((run) => run.kind === 'placeholder')); // true
 * ```
 */
export function buildDraft(
  evaluation: CaseEvaluation,
  kind: DraftKind,
  locale: Locale,
  fallbacks: readonly TextFallback[] = [],
  ruleTexts: RuleTexts = bundledRuleTexts(),
): ReportDocument {
  const messages = CATALOGUES[locale];
  const draft = DRAFT_CATALOGUES[locale];
  const context: DraftContext = { evaluation, kind, locale, messages, draft, ruleTexts };
  const scope = scopeOf(context);
  const title = draft.titles[kind];
  const { punctuation: p } = messages;
  const line = (label: string, content: Inline[]): Block => ({ kind: 'paragraph', content: [strong(`${label}${p.colon.trimEnd()}`), text(' '), ...content] });
  const dataItems = scope.map(({ notice }) => [{ kind: 'paragraph', content: [text(noticeLine(context, notice))] } as Block]);
  if (kind === 'ccf_access_request') dataItems.push([{ kind: 'paragraph', content: [text(draft.otherData)] }]);
  const documents = documentsOf(context, scope);
  const questions = evaluation.questions ?? [];
  return {
    title,
    locale,
    fallbacks,
    blocks: [
      { kind: 'heading', level: 1, content: [text(title)] },
      { kind: 'callout', content: [strong(draft.draftNotice)] },
      line(draft.addressee, [text(`${draft.ccfName}${p.dash}`), placeholder(draft.addressPlaceholder)]),
      { kind: 'paragraph', content: [placeholder(draft.dateAndPlace)] },
      line(draft.applicant, [placeholder(draft.applicantPlaceholder)]),
      line(draft.representative, [placeholder(draft.representativePlaceholder)]),
      line(draft.subjectLine, [text(title)]),
      { kind: 'heading', level: 2, content: [text(draft.dataConcerned)] },
      { kind: 'list', ordered: false, items: dataItems.length > 0 ? dataItems : [[{ kind: 'paragraph', content: [placeholder(draft.noGrounds)] }]] },
      { kind: 'heading', level: 2, content: [text(draft.request)] },
      { kind: 'paragraph', content: [text(draft.requests[kind])] },
      ...factsSection(context, scope),
      ...groundsSection(context, scope),
      { kind: 'heading', level: 2, content: [text(draft.documents)] },
      { kind: 'paragraph', content: [text(draft.documentsNote)] },
      {
        kind: 'list',
        ordered: true,
        items: documents.map(({ document, params }) => [{ kind: 'paragraph', content: [text(fillParams(draft.documentNames[document], params, locale))] }]),
      },
      ...(questions.length === 0
        ? []
        : [
            { kind: 'heading', level: 2, content: [text(draft.openPoints)] } as const,
            { kind: 'paragraph', content: [text(draft.openPointsNote)] } as const,
            {
              kind: 'list',
              ordered: false,
              items: questions.map((question) => [{ kind: 'paragraph', content: [placeholder(fillPlaceholders(draft.placeholder, (name) => (name === 'question' ? question.text : undefined)))] } as Block]),
            } as const,
          ]),
      { kind: 'paragraph', content: [text(draft.confidentiality)] },
      { kind: 'paragraph', content: [placeholder(draft.signature)] },
      ...translationFooter(locale),
    ],
  };
}
