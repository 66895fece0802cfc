/**
 * The memo a lawyer reads, as a document. The first page is what to act on in two minutes: the
 * first step and why it comes first, the outcome per Red Notice and Diffusion, the dated
 * deadlines, what else is urgent, and the questions whose answer would change the assessment.
 * Then the appendix: every action in order with its priority and the reason for it, per notice
 * the outcome in plain words, why (from the trace), the questions that bear on it and what else
 * is unknown, the actions in full and the decision path; every question with what each answer
 * would change; every citation with its verification level; the documented patterns of misuse;
 * and what the memo was made from. A missing fact is always worded as its question, never as an
 * input path. What the memo says is decided here, once, for every format.
 *
 * @module
 */
import type { Verification } from '../citations/registry.js';
import { factLabel } from '../evaluation/question-words.js';
import type { Action, CaseEvaluation, ConditionResult, ConfirmationSummary, NoticeEvaluation, Question, TraceCondition, TraceEntry } from '../evaluation/result.js';
import { factValueText, vocabularyLabel, type RuleTexts } from '../evaluation/wording.js';
import { countryList, countryName, formatDate, formatPartialDate, languageName } from '../locales/format.js';
import type { MessageCatalogue } from '../locales/catalogue.js';
import { CATALOGUES, type Locale } from '../locales/index.js';
import type { Outcome, Priority } from '../rules/vocabulary.js';
import { fillPlaceholders } from '../support/localized-text.js';
import { ownValue } from '../support/own.js';
import { decisionDiagram } from './diagram.js';
import { bundledRuleTexts, type TextFallback } from './localize.js';
import {
  badge,
  code,
  fillInline,
  isolated,
  isolatedStrong,
  translationFooter,
  joinInline,
  link,
  strong,
  text,
  type BadgeTone,
  type Block,
  type Inline,
  type ReportDocument,
} from './document.js';
import { actionOf, answerWords, deadlineWords, firstStepReasonWords, noticeWordingParams, pathQuestion, priorityReasonWords, subjectWords, type WordsContext } from './words.js';

const verificationTone: Readonly<Record<Verification, BadgeTone>> = { primary: 'ok', secondary: 'caution', unverified: 'alert' };
const priorityTone: Readonly<Record<Priority, BadgeTone>> = { urgent: 'alert', high: 'caution', normal: 'neutral', low: 'neutral' };
/** No green for a negative or a merely pending state: only `delete` is the outcome the person seeks. */
const outcomeTone: Readonly<Record<Outcome, BadgeTone>> = {
  delete: 'ok',
  delete_once_confirmed: 'caution',
  pending_asylum: 'caution',
  retain: 'alert',
  restore_possible: 'alert',
  not_applicable: 'neutral',
  undetermined: 'caution',
};
/** Conditions met carry no tick (a tick beside "confirmed to INTERPOL: no" reads as good news). */
const conditionMark: Readonly<Record<ConditionResult, string>> = { met: '–', not_met: '✗', undetermined: '?' };

/** How many questions the first page shows; the appendix has them all. */
export const FIRST_PAGE_QUESTIONS = 3;

/** @internal What every section needs. */
interface MemoContext extends WordsContext {
  readonly messages: MessageCatalogue;
}

/**
 * The memo of an evaluation already worded in `locale` (`localizeEvaluation`), with the texts
 * that could not be put in it: the first page, a page break, then the appendix.
 *
 * @example
 * ```ts
 * import { evaluateCaseSync } from '../evaluate-case.js';
 *
 * const evaluation = evaluateCaseSync({ schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] }, { asOf: '2026-06-30' });
 * const document = buildMemo(evaluation, 'en');
 * document.blocks[0]; // { kind: 'heading', level: 1, content: [{ kind: 'text', text: 'INTERPOL Red Notices and Diffusions: assessment memo' }] }
 * document.blocks.some((block) => block.kind === 'pageBreak'); // true
 * ```
 */
export function buildMemo(evaluation: CaseEvaluation, locale: Locale, fallbacks: readonly TextFallback[] = [], ruleTexts: RuleTexts = bundledRuleTexts()): ReportDocument {
  const context: MemoContext = { evaluation, messages: CATALOGUES[locale], locale, ruleTexts };
  const { report } = context.messages;
  const caseActions = evaluation.actions.filter((action) => action.noticeId === undefined);
  return {
    title: report.title,
    locale,
    fallbacks,
    blocks: [
      { kind: 'heading', level: 1, content: [text(report.title)] },
      { kind: 'callout', content: [strong(report.disclaimer)] },
      { kind: 'paragraph', content: fillInline(report.assessedAsOf, { date: [isolatedStrong(formatDate(evaluation.meta.asOf, locale))] }) },
      ...firstStepSection(context),
      ...outcomeSection(context),
      ...deadlineSection(context),
      ...urgentSection(context),
      ...questionSection(context),
      { kind: 'pageBreak' },
      { kind: 'heading', level: 2, content: [text(report.appendix)] },
      { kind: 'paragraph', content: [text(report.appendixNote)] },
      ...overview(context),
      ...warningSection(context),
      { kind: 'heading', level: 2, content: [text(report.allActions)] },
      actionSummary(context, evaluation.actions),
      ...evaluation.notices.flatMap((notice) => noticeSection(context, notice)),
      ...(caseActions.length === 0 ? [] : [{ kind: 'heading', level: 2, content: [text(report.caseActions)] } as const, actionDetails(context, caseActions)]),
      ...allQuestionsSection(context),
      ...citationSection(context),
      ...misuseSection(context),
      ...aboutSection(context),
      ...fallbackSection(context, fallbacks),
      ...translationFooter(locale),
    ],
  };
}

/** @internal The rule sets' texts that are not in the memo's language, and the language each is in instead. */
function fallbackSection(context: MemoContext, fallbacks: readonly TextFallback[]): Block[] {
  if (fallbacks.length === 0) return [];
  const { messages, locale, evaluation } = context;
  const { report } = messages;
  return [
    { kind: 'heading', level: 2, content: [text(report.fallbacksHeading)] },
    { kind: 'paragraph', content: [text(fillPlaceholders(report.fallbacksNote, (name) => (name === 'language' ? languageName(evaluation.meta.locale, locale) : undefined)))] },
    {
      kind: 'list',
      ordered: false,
      items: fallbacks.map((fallback): Block[] => [
        {
          kind: 'paragraph',
          content: fillInline(report.fallbackItem, {
            rule: [code(fallback.ruleId)],
            field: [text(report.fallbackFields[fallback.field])],
            language: [text(languageName(fallback.locale, locale))],
          }),
        },
      ]),
    },
  ];
}

/** @internal A text with its first letter in upper case (for the locale). */
function capitalised(value: string, locale: Locale): string {
  return value.charAt(0).toLocaleUpperCase(CATALOGUES[locale].intlLocale) + value.slice(1);
}

/** @internal The title of an action, and what it concerns. */
function actionLine(context: MemoContext, action: Action): Inline[] {
  return [strong(action.title), text(context.messages.punctuation.dash), ...subjectRuns(context, action.noticeId)];
}

/** @internal What an action concerns, its notice id a code run (isolated in right-to-left memos). */
function subjectRuns(context: MemoContext, noticeId: string | undefined): Inline[] {
  const { evaluation, locale, messages } = context;
  const notice = noticeId === undefined ? undefined : evaluation.notices.find((item) => item.noticeId === noticeId);
  if (notice === undefined) return [text(subjectWords(evaluation, noticeId, locale))];
  const params = noticeWordingParams(notice, locale);
  return fillInline(messages.report.subject, {
    kind: [text(String(params.kind))],
    noticeId: [code(notice.noticeId)],
    country: [text(countryName(notice.requestingCountry, locale))],
  });
}

/** @internal A deadline in words, as one run set apart from what surrounds it (a date inside). */
function deadlineRun(context: MemoContext, deadline: NonNullable<Action['deadline']>, capital = false, stop = ''): Inline {
  const words = deadlineWords(deadline, context.locale);
  return isolatedStrong(`${capital ? capitalised(words, context.locale) : words}${stop}`);
}

/** @internal First page: the first step, why it comes first, and its deadline. */
function firstStepSection(context: MemoContext): Block[] {
  const { evaluation, messages, locale } = context;
  const heading: Block = { kind: 'heading', level: 2, content: [text(messages.report.firstStep)] };
  const step = evaluation.firstStep;
  const action = step && actionOf(evaluation, step);
  if (step === undefined || action === undefined) return [heading, { kind: 'paragraph', content: [text(messages.report.noFirstStep)] }];
  return [
    heading,
    { kind: 'paragraph', content: [badge(messages.priorities[action.priority], priorityTone[action.priority]), text(' '), ...actionLine(context, action)] },
    {
      kind: 'paragraph',
      content: [
        text(firstStepReasonWords(evaluation, step, locale)),
        ...(action.deadline && step.reason.code !== 'deadline_due' && step.reason.code !== 'deadline_passed' ? [text(' '), deadlineRun(context, action.deadline, true, '.')] : []),
      ],
    },
  ];
}

/** @internal First page: the outcome of every Red Notice and Diffusion under the refugee provisions. */
function outcomeSection(context: MemoContext): Block[] {
  const { evaluation, messages, locale } = context;
  const { report } = messages;
  return [
    { kind: 'heading', level: 2, content: [text(report.outcomesHeading)] },
    {
      kind: 'table',
      header: [[text(report.summaryNotice)], [text(report.summaryFrom)], [text(report.summaryOutcome)]],
      rows: evaluation.notices.map((notice) => [
        [text(`${vocabularyLabel('noticeKind', notice.kind, locale)} `), code(notice.noticeId)],
        [text(countryName(notice.requestingCountry, locale))],
        [badge(messages.outcomes[notice.outcome].label, outcomeTone[notice.outcome])],
      ]),
    },
  ];
}

/** @internal First page: every dated deadline, by date, with where it stands and how pressing its action is. */
function deadlineSection(context: MemoContext): Block[] {
  const { evaluation, messages } = context;
  const dated = evaluation.actions.filter((action) => action.deadline !== undefined).sort((a, b) => (a.deadline!.date < b.deadline!.date ? -1 : a.deadline!.date > b.deadline!.date ? 1 : 0));
  return [
    { kind: 'heading', level: 2, content: [text(messages.report.deadlinesHeading)] },
    dated.length === 0
      ? { kind: 'paragraph', content: [text(messages.report.noDeadlines)] }
      : {
          kind: 'list',
          ordered: false,
          items: dated.map((action) => [
            {
              kind: 'paragraph',
              content: [
                badge(messages.priorities[action.priority], priorityTone[action.priority]),
                text(' '),
                deadlineRun(context, action.deadline!, true),
                text(messages.punctuation.dash),
                ...actionLine(context, action),
              ],
            },
          ]),
        },
  ];
}

/** @internal First page: the urgent actions other than the first step and the dated ones (listed above), each with why, unless it is the first step's. */
function urgentSection(context: MemoContext): Block[] {
  const { evaluation, messages, locale } = context;
  const first = evaluation.firstStep && actionOf(evaluation, evaluation.firstStep);
  const urgent = evaluation.actions.filter((action) => action.priority === 'urgent' && action !== first && action.deadline === undefined);
  if (urgent.length === 0) return [];
  const firstReason = first === undefined ? undefined : priorityReasonWords(evaluation, first, locale);
  return [
    { kind: 'heading', level: 2, content: [text(messages.report.alsoUrgent)] },
    {
      kind: 'list',
      ordered: false,
      items: urgent.map((action) => {
        const reason = priorityReasonWords(evaluation, action, locale);
        return [{ kind: 'paragraph', content: [...actionLine(context, action), ...(reason === firstReason ? [] : [text(`${messages.punctuation.openBracket}${reason}${messages.punctuation.closeBracket}`)])] }];
      }),
    },
  ];
}

/** @internal A question and all that its answers would change. */
function questionItem(context: MemoContext, question: Question): Block[] {
  return [{ kind: 'paragraph', content: [strong(question.text), text(' '), text(answerWords(context, question, 'full'))] }];
}

/**
 * @internal First page: the questions that would change the assessment, the most consequential
 * first, each with the most consequential of what it changes. Questions that would change the
 * same things are asked together ("If yes to any of them").
 */
function questionSection(context: MemoContext): Block[] {
  const { evaluation, messages } = context;
  const { report } = messages;
  const heading: Block = { kind: 'heading', level: 2, content: [text(report.questionsHeading)] };
  const { questions } = evaluation;
  if (questions === undefined) return [heading, { kind: 'paragraph', content: [text(report.questionsNotComputed)] }];
  if (questions.length === 0) return [heading, { kind: 'paragraph', content: [text(report.noQuestions)] }];
  const groups: Array<{ questions: Question[]; words: string }> = [];
  for (const question of questions) {
    const words = answerWords(context, question, 'brief');
    const same = groups.find((group) => group.words === words);
    if (same) same.questions.push(question);
    else groups.push({ questions: [question], words });
  }
  const shown = groups.slice(0, FIRST_PAGE_QUESTIONS);
  const hidden = groups.slice(FIRST_PAGE_QUESTIONS).reduce((count, group) => count + group.questions.length, 0);
  const words = (group: { questions: Question[]; words: string }) => (group.questions.length > 1 ? answerWords(context, group.questions[0]!, 'brief', true) : group.words);
  return [
    heading,
    {
      kind: 'list',
      ordered: true,
      items: shown.map((group): Block[] => [{ kind: 'paragraph', content: [strong(group.questions.map((question) => question.text).join(' ')), text(' '), text(words(group))] }]),
    },
    ...(hidden > 0 ? [{ kind: 'paragraph', content: [text(fillPlaceholders(report.moreQuestions, (name) => (name === 'count' ? String(hidden) : undefined)))] } as const] : []),
  ];
}

/** @internal A protection status, or yes/no, in words (`unknown` too). */
function statusWords(context: MemoContext, vocabulary: 'protectionStatus' | 'yesNo', value: string): string {
  return value === 'unknown' ? context.messages.words.unknown : vocabularyLabel(vocabulary, value, context.locale);
}

/** @internal Citation ids with their verification badges. */
function citationRefs(context: MemoContext, ids: readonly string[]): Inline[] {
  return joinInline(
    ids.map((id) => {
      const citation = ownValue(context.evaluation.citations, id);
      return citation ? [code(id), text(' '), badge(context.messages.verification[citation.verification], verificationTone[citation.verification])] : [code(id)];
    }),
    context.messages.punctuation.semicolon,
  );
}

/** @internal Missing input paths as their questions, one per item. */
function questionList(context: MemoContext, paths: readonly string[]): Block {
  const texts = [...new Set(paths.map((path) => pathQuestion(context.evaluation, path, context.locale)))];
  return { kind: 'list', ordered: false, items: texts.map((question) => [{ kind: 'paragraph', content: [text(question)] }]) };
}

/** @internal Protection overall, and what the case leaves unknown about it. */
function overview(context: MemoContext): Block[] {
  const { evaluation, messages, locale } = context;
  const { report } = messages;
  const { protection } = evaluation;
  const { punctuation: p } = messages;
  const details: Inline[] = [];
  if (protection.hostCountries.length > 0) details.push(text(`${p.openBracket}${report.hostStates}${p.colon}${countryList(protection.hostCountries, locale)}`));
  if (protection.fearedCountries.length > 0) details.push(text(`${details.length > 0 ? p.semicolon : p.openBracket}${report.fearedCountries}${p.colon}${countryList(protection.fearedCountries, locale)}`));
  if (details.length > 0) details.push(text(p.closeBracket));
  const confirmation = protection.confirmation;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, content: [text(report.overview)] },
    {
      kind: 'list',
      ordered: false,
      items: [
        [{ kind: 'paragraph', content: [strong(report.protection), text(p.colon), text(statusWords(context, 'protectionStatus', protection.status)), ...details] }],
        [
          {
            kind: 'paragraph',
            content: [
              strong(report.confirmed),
              text(p.colon),
              text(statusWords(context, 'yesNo', protection.confirmed)),
              ...(confirmation ? [text(p.dash), ...confirmationWords(context, confirmation, protection.hosts.filter((host) => host.status === 'granted').map((host) => host.country))] : []),
            ],
          },
        ],
      ],
    },
  ];
  if (protection.missingFacts.length > 0) blocks.push({ kind: 'paragraph', content: [strong(report.missingForCase)] }, questionList(context, protection.missingFacts));
  return blocks;
}

/** @internal A confirmation relied on: by whom, to whom, when — and a note when the confirming country did not grant the status. */
function confirmationWords(context: MemoContext, confirmation: ConfirmationSummary, grantingHosts: readonly string[]): Inline[] {
  const { locale } = context;
  const { report, recipients } = context.messages;
  const words = fillInline(report.confirmation, {
    by: [text(countryName(confirmation.by, locale))],
    to: [text(recipients[confirmation.to])],
    date: [isolated(formatDate(confirmation.date, locale))],
  });
  if (confirmation.byGrantingState || grantingHosts.length === 0) return words;
  const { punctuation: p } = context.messages;
  return [...words, text(p.openBracket), ...fillInline(report.confirmationNotByGrantor, { by: [text(countryName(confirmation.by, locale))], hosts: [text(countryList(grantingHosts, locale))] }), text(p.closeBracket)];
}

/** @internal What the evaluation ignored in the case, at each path, and why. */
function warningSection(context: MemoContext): Block[] {
  const { evaluation, messages } = context;
  if (evaluation.warnings.length === 0) return [];
  return [
    { kind: 'heading', level: 2, content: [text(messages.report.warnings)] },
    { kind: 'paragraph', content: [text(messages.report.warningsNote)] },
    {
      kind: 'list',
      ordered: false,
      items: evaluation.warnings.map((warning) => [{ kind: 'paragraph', content: [code(warning.path), text(`${messages.punctuation.dash}${ownValue<string>(messages.warnings, warning.code) ?? warning.code}`)] }]),
    },
  ];
}

/** @internal One line per action, in order: priority, title, what it concerns, deadline, and why it has its priority. */
function actionSummary(context: MemoContext, actions: readonly Action[]): Block {
  const { messages, evaluation, locale } = context;
  if (actions.length === 0) return { kind: 'paragraph', content: [text(messages.report.noActions)] };
  return {
    kind: 'list',
    ordered: true,
    items: actions.map((action) => [
      {
        kind: 'paragraph',
        content: [
          badge(messages.priorities[action.priority], priorityTone[action.priority]),
          text(' '),
          ...actionLine(context, action),
          ...(action.deadline ? [text(messages.punctuation.dash), deadlineRun(context, action.deadline)] : []),
          text(`${messages.punctuation.openBracket}${priorityReasonWords(evaluation, action, locale)}${messages.punctuation.closeBracket}`),
        ],
      },
    ]),
  };
}

/** @internal Every action in full: explanation, deadline, priority and why, escalation, factors, citations. */
function actionDetails(context: MemoContext, actions: readonly Action[]): Block {
  const { messages, evaluation, locale } = context;
  const { report, punctuation: p } = messages;
  if (actions.length === 0) return { kind: 'paragraph', content: [text(report.noActions)] };
  return {
    kind: 'list',
    ordered: true,
    items: actions.map((action): Block[] => {
      const blocks: Block[] = [
        { kind: 'paragraph', content: [badge(messages.priorities[action.priority], priorityTone[action.priority]), text(' '), strong(action.title)] },
        { kind: 'paragraph', content: [text(action.explanation)] },
      ];
      if (action.deadline) {
        const { deadline } = action;
        blocks.push({
          kind: 'paragraph',
          content: [
            isolatedStrong(`${report.deadline}${p.colon}${deadlineWords(deadline, locale)}`),
            text(`${p.dash}${deadline.basis}`),
            ...(deadline.countsFrom.date === deadline.date ? [] : [text(p.openBracket), ...fillInline(report.countsFrom, { date: [isolated(formatDate(deadline.countsFrom.date, locale))] }), text(p.closeBracket)]),
            text(p.semicolon),
            ...citationRefs(context, [deadline.citation]),
          ],
        });
      }
      blocks.push({ kind: 'paragraph', content: [strong(`${report.priorityReason}${p.colon.trimEnd()}`), text(` ${messages.priorities[action.priority]}${p.dash}${priorityReasonWords(evaluation, action, locale)}`)] });
      if (action.escalation) {
        blocks.push({
          kind: 'paragraph',
          content: fillInline(report.escalated, {
            from: [text(messages.priorities[action.escalation.from])],
            rules: joinInline(action.escalation.ruleIds.map((id) => [code(id)]), p.comma),
          }),
        });
      }
      if (action.factorDetails && action.factorDetails.length > 0) {
        // Factors that make the action (its rule is one of theirs), or points added to a rule's action.
        const madeByFactors = action.factorDetails.some((factor) => factor.ruleId === action.ruleId);
        blocks.push(
          { kind: 'paragraph', content: [strong(madeByFactors ? report.factors : report.alsoNote)] },
          {
            kind: 'list',
            ordered: false,
            items: action.factorDetails.map((factor) => [{ kind: 'paragraph', content: [text(factor.label), text(p.dash), ...citationRefs(context, factor.citations)] }]),
          },
        );
      }
      blocks.push({ kind: 'paragraph', content: [strong(report.citations), text(p.colon), ...citationRefs(context, action.citations)] });
      return blocks;
    }),
  };
}

/** @internal The section of one notice. */
function noticeSection(context: MemoContext, notice: NoticeEvaluation): Block[] {
  const { messages, locale, evaluation } = context;
  const { report } = messages;
  const { resolution } = notice;
  const decisive = resolution.code === 'facts_missing' ? resolution.missingFacts : [];
  const questions = (evaluation.questions ?? []).filter((question) => question.noticeIds.includes(notice.noticeId));
  const asked = new Set(questions.flatMap((question) => question.paths));
  const remaining = notice.missingFacts.filter((path) => !decisive.includes(path) && !asked.has(path));
  const outcomes = 'outcomes' in resolution ? resolution.outcomes.map((outcome) => messages.outcomes[outcome].label).join(messages.words.or) : '';
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 2,
      content: fillInline(report.notice, {
        kind: [text(vocabularyLabel('noticeKind', notice.kind, locale))],
        noticeId: [code(notice.noticeId)],
        country: [text(countryName(notice.requestingCountry, locale))],
      }),
    },
    { kind: 'heading', level: 3, content: [text(report.outcome)] },
    { kind: 'paragraph', content: [badge(messages.outcomes[notice.outcome].label, outcomeTone[notice.outcome]), text(' '), text(messages.outcomes[notice.outcome].meaning)] },
    { kind: 'paragraph', content: [text(fillPlaceholders(messages.resolutions[resolution.code], (name) => (name === 'outcomes' ? outcomes : undefined)))] },
  ];
  const { punctuation: p } = messages;
  if (notice.basis.length > 0) blocks.push({ kind: 'paragraph', content: [strong(report.citations), text(p.colon), ...citationRefs(context, notice.basis)] });
  const protection = notice.protection;
  blocks.push({
    kind: 'paragraph',
    content: [
      strong(report.protectionForNotice),
      text(`${p.colon}${statusWords(context, 'protectionStatus', protection.status)}`),
      ...(protection.hostCountries.length > 0 ? [text(`${p.openBracket}${countryList(protection.hostCountries, locale)}${p.closeBracket}`)] : []),
      text(p.semicolon),
      strong(report.confirmed),
      text(`${p.colon}${statusWords(context, 'yesNo', protection.confirmed)}`),
      ...(protection.confirmation ? [text(p.dash), ...confirmationWords(context, protection.confirmation, protection.hostCountries)] : []),
    ],
  });
  blocks.push({ kind: 'heading', level: 3, content: [text(report.why)] }, whyBlock(context, notice));
  if (decisive.length > 0) blocks.push({ kind: 'heading', level: 3, content: [text(report.missingToDecide)] }, questionList(context, decisive));
  if (questions.length > 0) {
    blocks.push(
      { kind: 'heading', level: 3, content: [text(report.questionsForNotice)] },
      { kind: 'list', ordered: false, items: questions.map((question) => questionItem(context, question)) },
    );
  }
  if (remaining.length > 0) blocks.push({ kind: 'heading', level: 3, content: [text(report.alsoUnknown)] }, questionList(context, remaining));
  blocks.push({ kind: 'heading', level: 3, content: [text(report.actions)] }, actionDetails(context, notice.actions));
  const diagram = decisionDiagram(context.evaluation, notice, locale);
  blocks.push({ kind: 'heading', level: 3, content: [text(report.decisionPath)] });
  blocks.push(diagram.nodes.length === 0 ? { kind: 'paragraph', content: [text(report.noTrace)] } : { kind: 'paragraph', content: [text(report.decisionPathNote)] });
  if (diagram.nodes.length > 0) blocks.push({ kind: 'diagram', diagram });
  return blocks;
}

/** @internal The outcome rules behind a notice's outcome, with the comparisons that decided them. */
function whyBlock(context: MemoContext, notice: NoticeEvaluation): Block {
  const { messages } = context;
  const entries = notice.resolution.rules
    .map((ruleId) => context.evaluation.trace.find((entry) => entry.ruleId === ruleId && entry.noticeId === notice.noticeId))
    .filter((entry): entry is TraceEntry => entry !== undefined);
  if (entries.length === 0) {
    return { kind: 'paragraph', content: [text(notice.resolution.rules.length === 0 ? messages.resolutions.no_rule_applies : messages.report.noTrace)] };
  }
  return {
    kind: 'list',
    ordered: false,
    items: entries.map((entry): Block[] => {
      const shown = entry.conditions.filter((condition) => condition.result === 'met' || (entry.status === 'undetermined' && condition.result === 'undetermined'));
      return [
        {
          kind: 'paragraph',
          content: [
            strong(entry.title),
            text(messages.punctuation.openBracket),
            code(entry.ruleId),
            text(`${messages.punctuation.closeBracket}${messages.punctuation.dash}${messages.traceStatuses[entry.status]}${messages.punctuation.comma}${messages.report.conditionsMet}${messages.punctuation.colon.trimEnd()}`),
          ],
        },
        { kind: 'list', ordered: false, items: shown.map((condition) => [{ kind: 'paragraph', content: conditionWords(context, notice, condition) }]) },
      ];
    }),
  };
}

/** @internal A comparison of the trace in words: "– the protection status bearing on the Diffusion: pending". */
function conditionWords(context: MemoContext, notice: NoticeEvaluation, condition: TraceCondition): Inline[] {
  const { messages, locale } = context;
  const fact = factLabel(condition.fact, locale, messages.noticeKindInText[notice.kind]) ?? messages.words.aFact;
  const operator = ownValue<string>(messages.operators, condition.operator) ?? condition.operator;
  const expected = factValueText(condition.fact, condition.expected as string | number | readonly string[], locale);
  const { punctuation: p } = messages;
  const comparison = condition.operator === 'equal' ? `${fact}${p.colon}${expected}` : `${fact} ${operator} ${expected}`;
  const words: Inline[] = [text(`${conditionMark[condition.result]} ${comparison}`)];
  if (condition.result === 'undetermined') {
    words.push(text(`${p.dash}${messages.conditionResults.undetermined}`));
    const questions = [...new Set((condition.missingFacts ?? []).map((path) => pathQuestion(context.evaluation, path, locale)))];
    if (questions.length > 0) words.push(text(`${p.semicolon}${messages.report.conditionUnknown}${p.colon}${questions.join(' ')}`));
  }
  return words;
}

/** @internal Every question, with what each answer would change. */
function allQuestionsSection(context: MemoContext): Block[] {
  const { questions } = context.evaluation;
  if (questions === undefined || questions.length === 0) return [];
  return [
    { kind: 'heading', level: 2, content: [text(context.messages.report.allQuestions)] },
    { kind: 'list', ordered: true, items: questions.map((question) => questionItem(context, question)) },
  ];
}

/** @internal Every citation, with a visible verification badge. */
function citationSection(context: MemoContext): Block[] {
  const { messages, evaluation } = context;
  const { report, punctuation: p } = messages;
  const entries = Object.entries(evaluation.citations);
  if (entries.length === 0) return [];
  return [
    { kind: 'heading', level: 2, content: [text(report.citationSection)] },
    { kind: 'paragraph', content: [text(report.citationSectionNote)] },
    {
      kind: 'list',
      ordered: false,
      items: entries.map(([id, citation]): Block[] => [
        { kind: 'paragraph', content: [code(id), text(' '), badge(messages.verification[citation.verification], verificationTone[citation.verification])] },
        { kind: 'paragraph', lang: 'en', content: [strong(citation.instrument), text(' — '), text(citation.provision)] },
        { kind: 'paragraph', lang: 'en', content: [text(citation.summary)] },
        ...(citation.note === undefined ? [] : [{ kind: 'paragraph', content: [strong(`${report.citationNote}${p.colon.trimEnd()}`), text(' '), isolated(citation.note)] } as const]),
        ...(citation.url === undefined ? [] : [{ kind: 'paragraph', content: [text(`${report.source}${p.colon}`), link(citation.url)] } as const]),
      ]),
    },
  ];
}

/** @internal The documented patterns of misuse by the requesting states. */
function misuseSection(context: MemoContext): Block[] {
  const { messages, evaluation, locale } = context;
  const { report, punctuation: p } = messages;
  if (evaluation.misusePatterns.length === 0) return [];
  return [
    { kind: 'heading', level: 2, content: [text(report.misusePatterns)] },
    { kind: 'paragraph', content: [text(report.misuseNote)] },
    {
      kind: 'list',
      ordered: false,
      items: evaluation.misusePatterns.map((pattern): Block[] => [
        {
          kind: 'paragraph',
          content: [
            strong(countryList(pattern.countries, locale)),
            text(`${p.dash}${messages.sourceTypes[pattern.sourceType]}${p.comma}${report.published} `),
            isolated(formatPartialDate(pattern.published, locale)),
            text(' '),
            badge(messages.verification[pattern.verification], verificationTone[pattern.verification]),
          ],
        },
        { kind: 'paragraph', lang: 'en', content: [text(pattern.documented)] },
        { kind: 'paragraph', content: [text(`${report.documentedBy}${p.colon}`), isolated(pattern.by)] },
        { kind: 'paragraph', content: [text(`${report.source}${p.colon}`), link(pattern.url)] },
      ]),
    },
  ];
}

/** @internal What the memo was made from: library, rule sets, date, input fingerprint, language. */
function aboutSection(context: MemoContext): Block[] {
  const { meta } = context.evaluation;
  const { report } = context.messages;
  const { colon } = context.messages.punctuation;
  const line = (label: string, content: Inline[]): Block[] => [{ kind: 'paragraph', content: [strong(label), ...(content.length === 0 ? [] : [text(colon), ...content])] }];
  return [
    { kind: 'heading', level: 2, content: [text(report.about)] },
    {
      kind: 'list',
      ordered: false,
      items: [
        line(report.library, [code(`${meta.library.name} ${meta.library.version}`)]),
        line(report.asOf, [isolated(formatDate(meta.asOf, context.locale))]),
        line(report.inputHash, [code(meta.inputHash)]),
        line(report.locale, [code(meta.locale)]),
        [
          ...line(report.ruleSets, []),
          { kind: 'list', ordered: false, items: meta.ruleSets.map((ruleSet) => line(ruleSet.id, [code(ruleSet.version), text(' '), code(ruleSet.hash)])) },
        ],
        // A rule of a bundled set that one of yours took the place of (`replaces`): said, never silent.
        ...(meta.replacedRules.length === 0
          ? []
          : [
              [
                ...line(report.replacedRules, []),
                {
                  kind: 'list' as const,
                  ordered: false,
                  items: meta.replacedRules.map((item) => line(item.ruleId, [code(item.ruleSet), text(` — ${fillPlaceholders(report.replacedBy, (name) => (name === 'rule' ? item.replacedBy : undefined))}`)])),
                },
              ],
            ]),
      ],
    },
  ];
}
