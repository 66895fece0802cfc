/**
 * The memo a lawyer reads, as a document: an overview, every action in order of urgency, then
 * per notice the outcome in plain words, why (from the trace), what is missing, the actions
 * with deadlines and factors, and the decision path; then every citation with its verification
 * level, the documented patterns of misuse, and what the memo was made from. What the memo
 * says is decided here, once, for every format.
 *
 * @module
 */
import type { Verification } from '../citations/registry.js';
import type { Action, CaseEvaluation, ConditionResult, ConfirmationSummary, NoticeEvaluation, TraceCondition, TraceEntry } from '../evaluation/result.js';
import { factValueText, vocabularyLabel } from '../evaluation/wording.js';
import type { MessageCatalogue } from '../locales/catalogue.js';
import { CATALOGUES, type Locale } from '../locales/index.js';
import type { Outcome, Priority } from '../rules/vocabulary.js';
import { fillPlaceholders } from '../support/localized-text.js';
import { ownValue } from '../support/own.js';
import { decisionDiagram } from './diagram.js';
import type { TextFallback } from './localize.js';
import {
  badge,
  code,
  fillInline,
  joinInline,
  link,
  strong,
  text,
  type BadgeTone,
  type Block,
  type Inline,
  type ReportDocument,
} from './document.js';

const verificationTone: Readonly<Record<Verification, BadgeTone>> = { primary: 'ok', secondary: 'caution', unverified: 'alert' };
const priorityTone: Readonly<Record<Priority, BadgeTone>> = { urgent: 'alert', high: 'caution', normal: 'neutral', low: 'neutral' };
const outcomeTone: Readonly<Record<Outcome, BadgeTone>> = {
  delete: 'ok',
  delete_once_confirmed: 'ok',
  pending_asylum: 'caution',
  retain: 'alert',
  restore_possible: 'alert',
  not_applicable: 'neutral',
  undetermined: 'caution',
};
const conditionMark: Readonly<Record<ConditionResult, string>> = { met: '✓', not_met: '✗', undetermined: '?' };

/** @internal What every section needs. */
interface MemoContext {
  readonly evaluation: CaseEvaluation;
  readonly messages: MessageCatalogue;
  readonly locale: Locale;
}

/**
 * The memo of an evaluation already worded in `locale` (`localizeEvaluation`), with the texts
 * that could not be put in it.
 *
 * @example
 * ```ts
 * import { evaluateCaseSync } from '../evaluate-case.js';
 *
 * const evaluation = evaluateCaseSync({ schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] }, { asOf: '2026-06-30' });
 * const document = buildMemo(evaluation, 'en');
 * document.blocks[0]; // { kind: 'heading', level: 1, content: [{ kind: 'text', text: 'INTERPOL Red Notices and Diffusions: assessment memo' }] }
 * ```
 */
export function buildMemo(evaluation: CaseEvaluation, locale: Locale, fallbacks: readonly TextFallback[] = []): ReportDocument {
  const context: MemoContext = { evaluation, messages: CATALOGUES[locale], locale };
  const { report } = context.messages;
  const caseActions = evaluation.actions.filter((action) => action.noticeId === undefined);
  return {
    title: report.title,
    locale,
    fallbacks,
    blocks: [
      { kind: 'heading', level: 1, content: [text(report.title)] },
      { kind: 'callout', content: [strong(report.disclaimer)] },
      { kind: 'paragraph', content: [strong(report.asOf), text(': '), strong(evaluation.meta.asOf)] },
      ...overview(context),
      ...warningSection(context),
      { kind: 'heading', level: 2, content: [text(report.allActions)] },
      actionSummary(context, evaluation.actions),
      ...evaluation.notices.flatMap((notice) => noticeSection(context, notice)),
      ...(caseActions.length === 0 ? [] : [{ kind: 'heading', level: 2, content: [text(report.caseActions)] } as const, actionDetails(context, caseActions)]),
      ...citationSection(context),
      ...misuseSection(context),
      ...aboutSection(context),
    ],
  };
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
    '; ',
  );
}

/** @internal Input paths as code runs. */
function paths(values: readonly string[]): Inline[] {
  return joinInline(values.map((value) => [code(value)]), ', ');
}

/** @internal Protection overall, and the notices at a glance. */
function overview(context: MemoContext): Block[] {
  const { evaluation, messages } = context;
  const { report } = messages;
  const { protection } = evaluation;
  const details: Inline[] = [];
  if (protection.hostCountries.length > 0) details.push(text(` (${report.hostStates}: ${protection.hostCountries.join(', ')}`));
  if (protection.fearedCountries.length > 0) details.push(text(`${details.length > 0 ? '; ' : ' ('}${report.fearedCountries}: ${protection.fearedCountries.join(', ')}`));
  if (details.length > 0) details.push(text(')'));
  const confirmation = protection.confirmation;
  const items: Block[][] = [
    [{ kind: 'paragraph', content: [strong(report.protection), text(': '), text(statusWords(context, 'protectionStatus', protection.status)), ...details] }],
    [
      {
        kind: 'paragraph',
        content: [
          strong(report.confirmed),
          text(': '),
          text(statusWords(context, 'yesNo', protection.confirmed)),
          ...(confirmation ? [text(' — '), ...confirmationWords(context, confirmation, protection.hosts.filter((host) => host.status === 'granted').map((host) => host.country))] : []),
        ],
      },
    ],
  ];
  if (protection.missingFacts.length > 0) items.push([{ kind: 'paragraph', content: [strong(report.missingForCase), text(': '), ...paths(protection.missingFacts)] }]);
  return [
    { kind: 'heading', level: 2, content: [text(report.overview)] },
    { kind: 'list', ordered: false, items },
    {
      kind: 'table',
      header: [[text(report.summaryNotice)], [text(report.summaryKind)], [text(report.summaryFrom)], [text(report.summaryOutcome)], [text(report.summaryActions)]],
      rows: evaluation.notices.map((notice) => [
        [code(notice.noticeId)],
        [text(vocabularyLabel('noticeKind', notice.kind, context.locale))],
        [text(notice.requestingCountry)],
        [badge(messages.outcomes[notice.outcome].label, outcomeTone[notice.outcome])],
        [text(String(notice.actions.length))],
      ]),
    },
  ];
}

/** @internal A confirmation relied on: by whom, to whom, when — and a note when the confirming country did not grant the status. */
function confirmationWords(context: MemoContext, confirmation: ConfirmationSummary, grantingHosts: readonly string[]): Inline[] {
  const { report, recipients } = context.messages;
  const words = fillInline(report.confirmation, { by: [text(confirmation.by)], to: [text(recipients[confirmation.to])], date: [text(confirmation.date)] });
  if (confirmation.byGrantingState || grantingHosts.length === 0) return words;
  return [...words, text(' ('), ...fillInline(report.confirmationNotByGrantor, { by: [text(confirmation.by)], hosts: [text(grantingHosts.join(', '))] }), text(')')];
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
      items: evaluation.warnings.map((warning) => [{ kind: 'paragraph', content: [code(warning.path), text(` — ${ownValue<string>(messages.warnings, warning.code) ?? warning.code}`)] }]),
    },
  ];
}

/** @internal One line per action, most urgent first: priority, title, notice, deadline. */
function actionSummary(context: MemoContext, actions: readonly Action[]): Block {
  const { messages } = context;
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
          strong(action.title),
          ...(action.noticeId === undefined ? [] : [text(' — '), ...fillInline(messages.report.forNotice, { noticeId: [code(action.noticeId)] })]),
          ...(action.deadline ? [text(' — '), strong(`${messages.report.deadline}: ${action.deadline.date}`)] : []),
        ],
      },
    ]),
  };
}

/** @internal Every action in full: explanation, deadline, escalation, factors, citations. */
function actionDetails(context: MemoContext, actions: readonly Action[]): Block {
  const { messages } = context;
  const { report } = messages;
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
            strong(`${report.deadline}: ${deadline.date}`),
            text(` — ${deadline.basis}`),
            ...(deadline.countsFrom.date === deadline.date ? [] : [text(' ('), ...fillInline(report.countsFrom, { date: [text(deadline.countsFrom.date)] }), text(')')]),
            text('; '),
            ...citationRefs(context, [deadline.citation]),
          ],
        });
      }
      if (action.escalation) {
        blocks.push({
          kind: 'paragraph',
          content: fillInline(report.escalated, {
            from: [text(messages.priorities[action.escalation.from])],
            rules: joinInline(action.escalation.ruleIds.map((id) => [code(id)]), ', '),
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
            items: action.factorDetails.map((factor) => [{ kind: 'paragraph', content: [text(factor.label), text(' — '), ...citationRefs(context, factor.citations)] }]),
          },
        );
      }
      blocks.push({ kind: 'paragraph', content: [strong(report.citations), text(': '), ...citationRefs(context, action.citations)] });
      return blocks;
    }),
  };
}

/** @internal The section of one notice. */
function noticeSection(context: MemoContext, notice: NoticeEvaluation): Block[] {
  const { messages, locale } = context;
  const { report } = messages;
  const { resolution } = notice;
  const decisive = resolution.code === 'facts_missing' ? resolution.missingFacts : [];
  const remaining = notice.missingFacts.filter((path) => !decisive.includes(path));
  const outcomes = 'outcomes' in resolution ? resolution.outcomes.map((outcome) => messages.outcomes[outcome].label).join(messages.words.or) : '';
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 2,
      content: fillInline(report.notice, {
        kind: [text(vocabularyLabel('noticeKind', notice.kind, locale))],
        noticeId: [code(notice.noticeId)],
        country: [text(notice.requestingCountry)],
      }),
    },
    { kind: 'heading', level: 3, content: [text(report.outcome)] },
    { kind: 'paragraph', content: [badge(messages.outcomes[notice.outcome].label, outcomeTone[notice.outcome]), text(' '), text(messages.outcomes[notice.outcome].meaning)] },
    { kind: 'paragraph', content: [text(fillPlaceholders(messages.resolutions[resolution.code], (name) => (name === 'outcomes' ? outcomes : undefined)))] },
  ];
  if (notice.basis.length > 0) blocks.push({ kind: 'paragraph', content: [strong(report.citations), text(': '), ...citationRefs(context, notice.basis)] });
  const protection = notice.protection;
  blocks.push({
    kind: 'paragraph',
    content: [
      strong(report.protectionForNotice),
      text(`: ${statusWords(context, 'protectionStatus', protection.status)}`),
      ...(protection.hostCountries.length > 0 ? [text(` (${protection.hostCountries.join(', ')})`)] : []),
      text('; '),
      strong(report.confirmed),
      text(`: ${statusWords(context, 'yesNo', protection.confirmed)}`),
      ...(protection.confirmation ? [text(' — '), ...confirmationWords(context, protection.confirmation, protection.hostCountries)] : []),
    ],
  });
  blocks.push({ kind: 'heading', level: 3, content: [text(report.why)] }, whyBlock(context, notice));
  if (decisive.length > 0) blocks.push({ kind: 'heading', level: 3, content: [text(report.missingToDecide)] }, { kind: 'paragraph', content: paths(decisive) });
  if (remaining.length > 0) blocks.push({ kind: 'heading', level: 3, content: [text(report.missingToComplete)] }, { kind: 'paragraph', content: paths(remaining) });
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
        { kind: 'paragraph', content: [strong(entry.title), text(' ('), code(entry.ruleId), text(`) — ${messages.traceStatuses[entry.status]}, ${messages.report.conditionsMet}:`)] },
        { kind: 'list', ordered: false, items: shown.map((condition) => [{ kind: 'paragraph', content: conditionWords(context, condition) }]) },
      ];
    }),
  };
}

/** @internal A comparison of the trace in words: "✓ the protection status bearing on the notice is refugee status granted". */
function conditionWords(context: MemoContext, condition: TraceCondition): Inline[] {
  const { messages, locale } = context;
  const fact = ownValue(messages.facts, condition.fact) ?? condition.fact;
  const operator = ownValue<string>(messages.operators, condition.operator) ?? condition.operator;
  const expected = factValueText(condition.fact, condition.expected as string | number | readonly string[], locale);
  const comparison = condition.operator === 'equal' ? `${fact}: ${expected}` : `${fact} ${operator} ${expected}`;
  const words: Inline[] = [text(`${conditionMark[condition.result]} ${comparison}`)];
  if (condition.result === 'undetermined') {
    words.push(text(` — ${messages.conditionResults.undetermined}`));
    if (condition.missingFacts && condition.missingFacts.length > 0) words.push(text(': '), ...paths(condition.missingFacts));
  }
  return words;
}

/** @internal Every citation, with a visible verification badge. */
function citationSection(context: MemoContext): Block[] {
  const { messages, evaluation } = context;
  const { report } = messages;
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
        { kind: 'paragraph', content: [strong(citation.instrument), text(` — ${citation.provision}`)] },
        { kind: 'paragraph', content: [text(citation.summary)] },
        ...(citation.note === undefined ? [] : [{ kind: 'paragraph', content: [strong(`${report.citationNote}:`), text(` ${citation.note}`)] } as const]),
        ...(citation.url === undefined ? [] : [{ kind: 'paragraph', content: [text(`${report.source}: `), link(citation.url)] } as const]),
      ]),
    },
  ];
}

/** @internal The documented patterns of misuse by the requesting states. */
function misuseSection(context: MemoContext): Block[] {
  const { messages, evaluation } = context;
  const { report } = messages;
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
            strong(pattern.countries.join(', ')),
            text(` — ${messages.sourceTypes[pattern.sourceType]}, ${report.published} ${pattern.published} `),
            badge(messages.verification[pattern.verification], verificationTone[pattern.verification]),
          ],
        },
        { kind: 'paragraph', content: [text(pattern.documented)] },
        { kind: 'paragraph', content: [text(`${report.documentedBy}: ${pattern.by}`)] },
        { kind: 'paragraph', content: [text(`${report.source}: `), link(pattern.url)] },
      ]),
    },
  ];
}

/** @internal What the memo was made from: library, rule sets, date, input fingerprint, language. */
function aboutSection(context: MemoContext): Block[] {
  const { meta } = context.evaluation;
  const { report } = context.messages;
  const line = (label: string, content: Inline[]): Block[] => [{ kind: 'paragraph', content: [strong(label), ...(content.length === 0 ? [] : [text(': '), ...content])] }];
  return [
    { kind: 'heading', level: 2, content: [text(report.about)] },
    {
      kind: 'list',
      ordered: false,
      items: [
        line(report.library, [code(`${meta.library.name} ${meta.library.version}`)]),
        line(report.asOf, [text(meta.asOf)]),
        line(report.inputHash, [code(meta.inputHash)]),
        line(report.locale, [code(meta.locale)]),
        [
          ...line(report.ruleSets, []),
          { kind: 'list', ordered: false, items: meta.ruleSets.map((ruleSet) => line(ruleSet.id, [code(ruleSet.version), text(' '), code(ruleSet.hash)])) },
        ],
      ],
    },
  ];
}

