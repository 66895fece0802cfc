/**
 * The words of the order of work and of the questions, for every report and draft: what an
 * action concerns ("Red Notice rn-1 (Russia)"), a deadline and where it stands ("CCF decision
 * due 5 December 2026", "overdue since …", "closed on …"), why an action has its priority and
 * why the first step comes first, a missing fact as its question, and what each answer to a
 * question would change. All from codes and parameters, in any locale; never a path.
 *
 * @module
 */
import { fillParams, wordQuestion } from '../evaluation/question-words.js';
import { impactOf } from '../evaluation/questions.js';
import type { Action, CaseEvaluation, Deadline, FirstStep, NoticeEvaluation, Question, QuestionChange, WordingParams } from '../evaluation/result.js';
import { defaultActionTitle, wordText, type RuleTexts } from '../evaluation/wording.js';
import { formatDate } from '../locales/format.js';
import { CATALOGUES, type Locale } from '../locales/index.js';
import { addCalendarDays } from '../support/dates.js';
import { fillPlaceholders, placeholdersOf } from '../support/localized-text.js';
import { ownValue } from '../support/own.js';

/** What the words of a report need: the evaluation (already in `locale`), the locale and the rule sets' texts. */
export interface WordsContext {
  readonly evaluation: CaseEvaluation;
  readonly locale: Locale;
  readonly ruleTexts: RuleTexts;
}

/** @internal The notice of an id, if the evaluation has it. */
function noticeOf(evaluation: CaseEvaluation, noticeId: string | undefined): NoticeEvaluation | undefined {
  return noticeId === undefined ? undefined : evaluation.notices.find((notice) => notice.noticeId === noticeId);
}

/**
 * The parameters that name a notice in words (`{kind}`, `{noticeKind}`, `{noticeId}`,
 * `{country}`), for a notice of the evaluation.
 *
 * @example
 * ```ts
 * noticeWordingParams({ noticeId: 'df-1', kind: 'diffusion', requestingCountry: 'TJ' }, 'en'); // { country: 'TJ', kind: 'Diffusion', noticeId: 'df-1', noticeKind: 'diffusion' }
 * ```
 */
export function noticeWordingParams(notice: Pick<NoticeEvaluation, 'noticeId' | 'kind' | 'requestingCountry'>, locale: Locale): WordingParams {
  return { country: notice.requestingCountry, kind: ownValue(CATALOGUES[locale].noticeKindInText, notice.kind) ?? notice.kind, noticeId: notice.noticeId, noticeKind: notice.kind };
}

/**
 * What an action, a change or a first step concerns, in words: "Red Notice rn-1 (Russia)",
 * "Diffusion df-1 (Tajikistan)", or the whole case.
 *
 * @example
 * ```ts
 * import { evaluateCaseSync } from '../evaluate-case.js';
 *
 * const evaluation = evaluateCaseSync({ schemaVersion: 1, notices: [{ id: 'df-1', kind: 'diffusion', requestingCountry: 'TJ' }], asylum: [] }, { asOf: '2026-06-30', trace: 'none' });
 * subjectWords(evaluation, 'df-1', 'en'); // 'Diffusion df-1 (Tajikistan)'
 * subjectWords(evaluation, undefined, 'es'); // 'el caso en su conjunto'
 * ```
 */
export function subjectWords(evaluation: CaseEvaluation, noticeId: string | undefined, locale: Locale): string {
  const notice = noticeOf(evaluation, noticeId);
  const { report } = CATALOGUES[locale];
  if (notice === undefined) return noticeId ?? report.forTheCase;
  return fillParams(report.subject, noticeWordingParams(notice, locale), locale);
}

/**
 * A deadline and where it stands, in words: a CCF decision due or overdue (since the day after
 * its last day), a time limit running or closed.
 *
 * @example
 * ```ts
 * const due = { date: '2026-12-05', basis: '', citation: 'c', countsFrom: { fact: 'notice.ccfDecisionDueOn', date: '2026-03-05' }, kind: 'ccf_decision', state: 'due' } as const;
 * deadlineWords(due, 'en'); // 'CCF decision due 5 December 2026'
 * deadlineWords({ ...due, date: '2026-05-31', state: 'overdue' }, 'en'); // 'CCF decision overdue since 1 June 2026 (due 31 May 2026)'
 * deadlineWords({ ...due, kind: 'time_limit', state: 'closed' }, 'es'); // 'plazo cerrado el 5 de diciembre de 2026'
 * ```
 */
export function deadlineWords(deadline: Pick<Deadline, 'date' | 'kind' | 'state'>, locale: Locale): string {
  const { deadlineStates } = CATALOGUES[locale];
  const template =
    deadline.kind === 'ccf_decision'
      ? deadline.state === 'due'
        ? deadlineStates.ccfDecisionDue
        : deadlineStates.ccfDecisionOverdue
      : deadline.state === 'due'
        ? deadlineStates.timeLimitDue
        : deadlineStates.timeLimitClosed;
  return fillParams(template, { date: deadline.date, since: addCalendarDays(deadline.date, 1) }, locale);
}

/** @internal Parameters with those that name the action's notice. */
function withNotice(evaluation: CaseEvaluation, noticeId: string | undefined, params: WordingParams, locale: Locale): WordingParams {
  const notice = noticeOf(evaluation, noticeId);
  return notice === undefined ? params : { ...noticeWordingParams(notice, locale), ...params };
}

/**
 * Why an action has its priority, in words (the urgency policy).
 *
 * @example
 * ```ts
 * import { evaluateCaseSync } from '../evaluate-case.js';
 *
 * const evaluation = evaluateCaseSync(
 *   { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'RU' }], asylum: [], detention: [{ country: 'PL', since: '2026-06-21', authority: 'criminal', basedOnNoticeId: 'rn-1' }] },
 *   { asOf: '2026-06-30', trace: 'none' },
 * );
 * priorityReasonWords(evaluation, evaluation.actions[0]!, 'en'); // 'the person is held on this Red Notice in Poland since 21 June 2026'
 * ```
 */
export function priorityReasonWords(evaluation: CaseEvaluation, action: Pick<Action, 'noticeId' | 'priorityReason'>, locale: Locale): string {
  const template = ownValue(CATALOGUES[locale].priorityReasons, action.priorityReason.code) ?? action.priorityReason.code;
  return fillParams(template, withNotice(evaluation, action.noticeId, action.priorityReason.params, locale), locale);
}

/**
 * Why the first step comes first, in words.
 *
 * @example
 * ```ts
 * import { evaluateCaseSync } from '../evaluate-case.js';
 *
 * const evaluation = evaluateCaseSync(
 *   { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }] },
 *   { asOf: '2026-06-30', trace: 'none' },
 * );
 * firstStepReasonWords(evaluation, evaluation.firstStep!, 'en'); // 'It comes first: it is what unlocks the outcome.'
 * ```
 */
export function firstStepReasonWords(evaluation: CaseEvaluation, step: FirstStep, locale: Locale): string {
  const template = ownValue(CATALOGUES[locale].firstStepReasons, step.reason.code) ?? step.reason.code;
  return fillParams(template, withNotice(evaluation, step.noticeId, step.reason.params, locale), locale);
}

/**
 * The action a first step points at, in the evaluation.
 *
 * @example
 * ```ts
 * import { evaluateCaseSync } from '../evaluate-case.js';
 *
 * const evaluation = evaluateCaseSync({ schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] }, { asOf: '2026-06-30', trace: 'none' });
 * actionOf(evaluation, evaluation.firstStep!)?.code; // 'assess_general_grounds'
 * ```
 */
export function actionOf(evaluation: CaseEvaluation, step: FirstStep): Action | undefined {
  return evaluation.actions.find((action) => action.code === step.code && action.ruleId === step.ruleId && action.noticeId === step.noticeId);
}

/**
 * The question of an input path, in words: its question as the evaluation describes the path
 * (`missingFactDetails`), worded in `locale`; a path the evaluation does not describe is "a fact
 * the rules need" — never the path.
 *
 * @example
 * ```ts
 * import { evaluateCaseSync } from '../evaluate-case.js';
 *
 * const evaluation = evaluateCaseSync({ schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }] }, { asOf: '2026-06-30', trace: 'none' });
 * pathQuestion(evaluation, 'asylum', 'en'); // 'What is the person’s asylum history: where did they apply for asylum, and what was decided?'
 * pathQuestion(evaluation, 'no.such.path', 'en'); // 'What does the file say about this: a fact the rules need?'
 * ```
 */
export function pathQuestion(evaluation: CaseEvaluation, path: string, locale: Locale): string {
  const detail = evaluation.missingFactDetails?.find((item) => item.path === path);
  return detail === undefined ? wordQuestion('other', { fact: '' }, locale) : wordQuestion(detail.code, detail.params, locale);
}

/**
 * The title of an action code, for a change that names it: the rule's own title, the title of
 * the factor action, or the code's default title in the catalogue — the first of them that needs
 * no fact to be worded.
 *
 * @example
 * ```ts
 * import { BUNDLED_RULE_SETS } from '../bundled.js';
 * import { ruleTextsOf } from '../evaluation/wording.js';
 * import type { RuleSetJson } from '../rules/schema.js';
 *
 * actionTitleOf('request_deletion', 'refugee.2017.request-deletion', 'es', ruleTextsOf(BUNDLED_RULE_SETS as RuleSetJson[])); // 'Solicitar la supresión de los ficheros de INTERPOL'
 * ```
 */
export function actionTitleOf(code: string, ruleId: string, locale: Locale, ruleTexts: RuleTexts): string {
  // A title that puts facts into its words (`{notice.appealableDecision}`) cannot be worded
  // without them: the next title down is used.
  const action = ruleTexts.rules.get(ruleId)?.action;
  if (action?.code === code && action.title !== undefined && placeholdersOf(action.title).length === 0) return wordText(action.title, {}, locale);
  const factorAction = ruleTexts.factorActions.get(code);
  if (factorAction?.title !== undefined && placeholdersOf(factorAction.title).length === 0) return wordText(factorAction.title, {}, locale);
  return defaultActionTitle(code, locale);
}

/** @internal One change in words, without what it concerns (the changes are grouped by notice). */
function changeWords(context: WordsContext, change: QuestionChange): string {
  const { locale, ruleTexts } = context;
  const { answers, outcomes, priorities } = CATALOGUES[locale];
  const fill = (template: string, values: Readonly<Record<string, string>>) => fillPlaceholders(template, (name) => values[name]);
  if (change.code === 'outcome_changed') return fill(answers.outcomeChanged, { from: outcomes[change.from].label, to: outcomes[change.to].label });
  const action = actionTitleOf(change.action, change.ruleId, locale, ruleTexts);
  switch (change.code) {
    case 'action_added':
      return fill(answers.actionAdded, { action });
    case 'action_removed':
      return fill(answers.actionRemoved, { action });
    case 'priority_changed':
      return fill(answers.priorityChanged, { action, to: priorities[change.to] });
    default: {
      const from = change.from === undefined ? undefined : formatDate(change.from, locale);
      const to = change.to === undefined ? undefined : formatDate(change.to, locale);
      if (from === undefined) return fill(answers.deadlineSet, { action, to: to ?? '' });
      if (to === undefined) return fill(answers.deadlineDropped, { action });
      return fill(answers.deadlineMoved, { action, from, to });
    }
  }
}

/** @internal Changes in words, grouped by what they concern ("Red Notice rn-1 (Russia): …"); with one notice, it goes unsaid. */
function changesWords(context: WordsContext, changes: readonly QuestionChange[]): string {
  const { evaluation, locale } = context;
  const { answers, words } = CATALOGUES[locale];
  const groups = new Map<string, string[]>();
  for (const change of changes) {
    const key = change.noticeId ?? '';
    const list = groups.get(key) ?? [];
    const text = changeWords(context, change);
    if (!list.includes(text)) list.push(text);
    groups.set(key, list);
  }
  const named = evaluation.notices.length > 1 || groups.has('');
  return [...groups]
    .map(([noticeId, texts]) => {
      const joined = texts.join(words.listSeparator);
      if (!named) return joined;
      const subject = noticeId === '' ? answers.theCase : subjectWords(evaluation, noticeId, locale);
      return fillPlaceholders(answers.forSubject, (name) => (name === 'subject' ? subject : name === 'changes' ? joined : undefined));
    })
    .join(answers.betweenSubjects);
}

/** @internal Facts whose yes and no are the question's yes and no, for the questions they answer. */
const YES_NO_ANSWERS: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, 'yes' | 'no'>>>>>> = {
  asylum_decision_final: {
    'notice.protectionStatus': { denied: 'yes', pending: 'no' },
    'protection.status': { denied: 'yes', pending: 'no' },
  },
};

/** @internal The question codes that ask the yes/no of the facts they decide. */
const YES_NO_QUESTIONS = new Set([
  'status_confirmation',
  'grant_grounds',
  'judicial_data',
  'political_activity',
  'opposition',
  'journalist_or_defender',
  'offence_of_political_character',
  'charges_follow_political_events',
  'other_countries_found_political',
]);

/** @internal Whether an answer is the question's yes or no. */
function yesOrNo(question: Question, fact: string, value: unknown): 'yes' | 'no' | undefined {
  const mapped = YES_NO_ANSWERS[question.code]?.[fact]?.[String(value)];
  if (mapped !== undefined) return mapped;
  return YES_NO_QUESTIONS.has(question.code) && (value === 'yes' || value === 'no') ? value : undefined;
}

/** How much of what an answer changes to word: all of it, or only the most consequential kind (for the first page). */
export type AnswerDetail = 'full' | 'brief';

/**
 * What the answers to a question would change, in words: "If yes: …" and "If no: …" where the
 * answers are a yes or a no, else "Depending on the answer: …; or …", the changes grouped by
 * the notice they concern. `brief` keeps only the changes of the question's impact (an outcome,
 * say), for the first page; `together` words the yes of several questions asked together ("If
 * yes to any of them").
 *
 * @example
 * ```ts
 * import { BUNDLED_RULE_SETS } from '../bundled.js';
 * import { evaluateCaseSync } from '../evaluate-case.js';
 * import { ruleTextsOf } from '../evaluation/wording.js';
 * import type { RuleSetJson } from '../rules/schema.js';
 *
 * const evaluation = evaluateCaseSync(
 *   { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }], confirmations: [] },
 *   { asOf: '2026-06-30', trace: 'none' },
 * );
 * const context = { evaluation, locale: 'en' as const, ruleTexts: ruleTextsOf(BUNDLED_RULE_SETS as RuleSetJson[]) };
 * answerWords(context, evaluation.questions![0]!, 'brief'); // 'If yes: the outcome becomes “Delete” (now “Delete once confirmed”).'
 * ```
 */
export function answerWords(context: WordsContext, question: Question, detail: AnswerDetail = 'full', together = false): string {
  const { answers } = CATALOGUES[context.locale];
  const keep = (change: QuestionChange) => detail === 'full' || impactOf(change) === question.impact;
  const polar: Record<'yes' | 'no', QuestionChange[]> = { yes: [], no: [] };
  const alternatives: string[] = [];
  for (const answer of question.answers) {
    const labels = answer.values.map((value) => yesOrNo(question, answer.fact, value));
    const label = labels.every((item) => item === labels[0]) ? labels[0] : undefined;
    const changes = answer.changes.filter(keep);
    if (changes.length === 0) continue;
    if (label === undefined) {
      const alternative = changesWords(context, changes);
      if (!alternatives.includes(alternative)) alternatives.push(alternative);
    } else polar[label].push(...changes);
  }
  const sentences: string[] = [];
  for (const [label, template] of [['yes', together ? answers.ifAnyYes : answers.ifYes], ['no', answers.ifNo]] as const) {
    if (polar[label].length > 0) sentences.push(fillPlaceholders(template, (name) => (name === 'changes' ? changesWords(context, polar[label]) : undefined)));
  }
  if (alternatives.length > 0) sentences.push(fillPlaceholders(answers.dependingOnAnswer, (name) => (name === 'changes' ? alternatives.join(answers.orElse) : undefined)));
  return sentences.join(' ');
}
