/**
 * The shape of a locale: every word the library writes itself — action titles, outcome and
 * priority labels, verification levels, fact names and fact values, condition wording, the
 * headings of reports and of `explain` — keyed by the vocabularies they word. Types only: the
 * words are in one file per locale (`en.ts`, `es.ts`), registered in `index.ts`.
 *
 * Templates use the same `{name}` placeholders as rule texts.
 *
 * @module
 */
import type { ASYLUM_EVENT_TYPES, CCF_REQUEST_TYPES, ConfirmationRecipient } from '../case/schema.js';
import type { Verification } from '../citations/registry.js';
import type { MISUSE_SOURCE_TYPES } from '../context/misuse-patterns.js';
import type { ConditionResult, OutcomeResolution, TraceStatus } from '../evaluation/result.js';
import type { CaseWarningCode } from '../facts/protection.js';
import type { FactName, VocabularyName, VocabularyValue } from '../facts/catalogue.js';
import type { OperatorName } from '../rules/operators.js';
import type { ActionCode, Effect, Outcome, Priority, Scope } from '../rules/vocabulary.js';
import type { FirstStepReasonCode, PriorityReasonCode, QuestionCode } from '../evaluation/vocabulary.js';
import type { DraftDocument } from '../present/draft-vocabulary.js';

/**
 * The vocabularies whose values a locale words. Countries stay codes; outcomes and action
 * codes are worded by `outcomes` and `actionTitles`.
 */
export type LabelledVocabulary = Exclude<VocabularyName, 'country' | 'outcome' | 'actionCode'>;


/** The texts of a rule set that an evaluation words (`TextFallback.field`). */
export type TextField = 'title' | 'action.title' | 'action.explanation' | 'action.deadline.basis' | 'factor.label' | 'factorAction.title' | 'factorAction.explanation';

/** An outcome in words: a short label and what it means for the notice. */
export interface OutcomeWords {
  /** Short label, e.g. "Delete". */
  readonly label: string;
  /** What it means, in a sentence a client can follow. */
  readonly meaning: string;
}

/**
 * The words of one locale: every text of the library that is not written in a rule set. Each
 * locale is one file (`en.ts`, `es.ts`, …) whose object `satisfies` this interface, so that a
 * missing or misspelt key is a compile error.
 */
export interface MessageCatalogue {
  /** (added) The `Intl` locale that writes its dates, country names and lists (`en-GB`: "5 December 2026"). */
  readonly intlLocale: string;
  /** (added) The direction the locale is written in: `rtl` pages get `dir="rtl"` and isolated ids, dates and citations. */
  readonly direction: 'ltr' | 'rtl';
  /**
   * (added) Whether a legal translator has reviewed the locale's words (and the bundled rule
   * sets' texts in it). Until then, every memo and draft in it says so at its end.
   */
  readonly reviewedByLegalTranslator: boolean;
  /**
   * (added) How the first day of a month is written in a date, where `Intl` writes `1`: French
   * writes "1er juin 2026" (the ordinal is the rule of French typography for the first day only).
   */
  readonly firstDayOfMonth: string;
  /** (added) The punctuation reports put between their parts, as the locale writes it. */
  readonly punctuation: {
    /** Between a label and what follows it: `: ` (French puts a no-break space before it). */
    readonly colon: string;
    /** Between items that may hold commas themselves: `; ` (Arabic `؛ `). */
    readonly semicolon: string;
    /** Before and after a remark in brackets: ` (` and `)`. */
    readonly openBracket: string;
    readonly closeBracket: string;
    /** Between a title and what it concerns: ` — `. */
    readonly dash: string;
    /** Between two facts in a row: `, ` (Arabic `، `). */
    readonly comma: string;
  };
  /** Default titles of the bundled action codes. */
  readonly actionTitles: Readonly<Record<ActionCode, string>>;
  /** Outcomes in words. */
  readonly outcomes: Readonly<Record<Outcome, OutcomeWords>>;
  /** How an outcome was reached; `{outcomes}` lists the possible outcomes. */
  readonly resolutions: Readonly<Record<OutcomeResolution['code'], string>>;
  /** Priorities. */
  readonly priorities: Readonly<Record<Priority, string>>;
  /** Verification levels of citations, as the badge a lawyer sees. */
  readonly verification: Readonly<Record<Verification, string>>;
  /** What a rule did. */
  readonly traceStatuses: Readonly<Record<TraceStatus, string>>;
  /** What a comparison came to. */
  readonly conditionResults: Readonly<Record<ConditionResult, string>>;
  /** Rule effects. */
  readonly effects: Readonly<Record<Effect, string>>;
  /** Rule scopes. */
  readonly scopes: Readonly<Record<Scope, string>>;
  /**
   * Values of enum facts, vocabulary by vocabulary (the same word may take another form in
   * another vocabulary: `none` of a protection status is not `none` of a deletion basis).
   * Countries stay codes; outcomes and action codes have labels of their own (`outcomes`,
   * `actionTitles`).
   */
  readonly values: { readonly [V in LabelledVocabulary]: Readonly<Record<VocabularyValue<V>, string>> };
  /**
   * Short names of the facts of `FACT_CATALOGUE`, by fact name (every fact: a missing one is a
   * compile error). `{kind}` is the notice's kind ("the Diffusion"), so that a Diffusion is never
   * called a notice.
   */
  readonly facts: Readonly<Record<FactName, string>>;
  /** Condition operators, as the words between a fact and a value. */
  readonly operators: Readonly<Record<OperatorName, string>>;
  /** Recipients of a confirmation. */
  readonly recipients: Readonly<Record<ConfirmationRecipient, string>>;
  /** Warnings about a case, by code: what the evaluation ignored and why. */
  readonly warnings: Readonly<Record<CaseWarningCode, string>>;
  /** Kinds of source of a documented pattern of misuse. */
  readonly sourceTypes: Readonly<Record<(typeof MISUSE_SOURCE_TYPES)[number], string>>;
  /** Small words. */
  readonly words: {
    readonly unknown: string;
    readonly none: string;
    readonly listSeparator: string;
    readonly or: string;
    /** (added) What `{kind}` reads in a fact's name where no notice is meant in particular (`explain`). */
    readonly noticeOrDiffusion: string;
    /** (added) A fact the library has no name for, in a question. */
    readonly aFact: string;
  };
  /**
   * (added) The kinds of notice as a sentence names them ("held on this Red Notice", "en virtud de
   * esta notificación roja"); tables and headings use `values.noticeKind`.
   */
  readonly noticeKindInText: Readonly<Record<'red_notice' | 'diffusion', string>>;
  /** (added) The events of an asylum history, as a question names them ("the denial of asylum by France"). */
  readonly asylumEvents: Readonly<Record<(typeof ASYLUM_EVENT_TYPES)[number], string>>;
  /** (added) The kinds of request to the CCF, as a question names them ("the request for deletion"). */
  readonly ccfRequestTypes: Readonly<Record<(typeof CCF_REQUEST_TYPES)[number], string>>;
  /** (added) The questions, by code; templates use the question's parameters (`{countries.or}`: the countries joined with "or"). */
  readonly questions: Readonly<Record<QuestionCode, string>>;
  /** (added) What an answer to a question would change. */
  readonly answers: {
    /** An answer that is a yes or a no, and what it changes: `{changes}`. */
    readonly ifYes: string;
    readonly ifNo: string;
    /** Answers that are not a yes or a no. */
    readonly dependingOnAnswer: string;
    /** Between the changes of two answers. */
    readonly orElse: string;
    /** A notice's outcome: `{from}`, `{to}`. */
    readonly outcomeChanged: string;
    /** An action: `{action}` (its title). */
    readonly actionAdded: string;
    readonly actionRemoved: string;
    readonly priorityChanged: string;
    readonly deadlineMoved: string;
    readonly deadlineSet: string;
    readonly deadlineDropped: string;
    /** The whole case, where a change is not about one notice. */
    readonly theCase: string;
    /** The changes for one notice (`{subject}`), where several notices change. */
    readonly forSubject: string;
    /** Between the changes of two notices. */
    readonly betweenSubjects: string;
    /** Questions of the first page that would change the same things, asked together. */
    readonly ifAnyYes: string;
  };
  /** (added) Why an action has its priority (the urgency policy), by reason; templates use its parameters. */
  readonly priorityReasons: Readonly<Record<PriorityReasonCode, string>>;
  /** (added) Why the first step comes first, by reason; templates use its parameters. */
  readonly firstStepReasons: Readonly<Record<FirstStepReasonCode, string>>;
  /** (added) A deadline and where it stands: `{date}` its last day, `{since}` the day after it. */
  readonly deadlineStates: {
    /** A decision the CCF owes, still due. */
    readonly ccfDecisionDue: string;
    /** A decision the CCF owes, not made in time. */
    readonly ccfDecisionOverdue: string;
    /** A time limit of the person's, still running. */
    readonly timeLimitDue: string;
    /** A time limit of the person's, passed. */
    readonly timeLimitClosed: string;
  };
  /** Headings and phrases of reports. */
  readonly report: {
    readonly title: string;
    readonly disclaimer: string;
    readonly asOf: string;
    readonly overview: string;
    readonly protection: string;
    readonly hostStates: string;
    readonly fearedCountries: string;
    readonly confirmed: string;
    readonly confirmation: string;
    readonly confirmationNotByGrantor: string;
    readonly warnings: string;
    readonly warningsNote: string;
    readonly missingForCase: string;
    readonly summaryNotice: string;
    readonly summaryKind: string;
    readonly summaryFrom: string;
    readonly summaryOutcome: string;
    readonly summaryActions: string;
    readonly allActions: string;
    readonly caseActions: string;
    readonly noActions: string;
    readonly notice: string;
    readonly outcome: string;
    readonly protectionForNotice: string;
    readonly why: string;
    readonly firedRule: string;
    readonly conditionsMet: string;
    readonly noTrace: string;
    readonly missingToDecide: string;
    readonly missingToComplete: string;
    readonly actions: string;
    readonly forNotice: string;
    readonly deadline: string;
    readonly countsFrom: string;
    readonly factors: string;
    readonly alsoNote: string;
    readonly citations: string;
    readonly escalated: string;
    readonly decisionPath: string;
    readonly decisionPathNote: string;
    readonly diagramOutcomeNode: string;
    readonly citationSection: string;
    readonly citationSectionNote: string;
    readonly citationNote: string;
    readonly source: string;
    readonly misusePatterns: string;
    readonly misuseNote: string;
    readonly published: string;
    readonly documentedBy: string;
    readonly about: string;
    readonly library: string;
    readonly ruleSets: string;
    /** (added) Rules taken out by a rule that `replaces` them: a heading, and "replaced by {rule}". */
    readonly replacedRules: string;
    readonly replacedBy: string;
    readonly inputHash: string;
    readonly locale: string;
    /** (added) The first page. */
    readonly assessedAsOf: string;
    readonly firstStep: string;
    readonly noFirstStep: string;
    readonly subject: string;
    readonly forTheCase: string;
    readonly outcomesHeading: string;
    readonly deadlinesHeading: string;
    readonly noDeadlines: string;
    readonly alsoUrgent: string;
    readonly questionsHeading: string;
    readonly noQuestions: string;
    readonly questionsNotComputed: string;
    readonly moreQuestions: string;
    /** (added) The appendix. */
    readonly appendix: string;
    readonly appendixNote: string;
    readonly priorityReason: string;
    readonly questionsForNotice: string;
    readonly alsoUnknown: string;
    readonly allQuestions: string;
    readonly conditionUnknown: string;
    /** (added) The texts of the rule sets that are not in the memo's language. */
    readonly fallbacksHeading: string;
    /** `{language}`: the memo's language tag; what follows is the list. */
    readonly fallbacksNote: string;
    /** One text that fell back: `{rule}` its rule, `{field}` which text, `{language}` the tag of the language it is in. */
    readonly fallbackItem: string;
    /** Which text of a rule, by field. */
    readonly fallbackFields: Readonly<Record<TextField, string>>;
    /** The memo's footer while the locale is not reviewed by a legal translator. */
    readonly translationNotReviewed: string;
  };
  /** (added) The words of calendar events (`toICalendar`). */
  readonly calendar: {
    readonly name: string;
    readonly reminder: string;
    readonly rule: string;
    readonly citation: string;
    readonly disclaimer: string;
  };
  /** Phrases of the description of a rule (`red-notice-rules explain`). */
  readonly explain: {
    readonly ruleSet: string;
    readonly scope: string;
    readonly effect: string;
    readonly inForce: string;
    readonly always: string;
    readonly from: string;
    readonly until: string;
    readonly between: string;
    readonly conditions: string;
    readonly allOf: string;
    readonly anyOf: string;
    readonly notThis: string;
    readonly namedCondition: string;
    readonly outcome: string;
    readonly action: string;
    readonly priority: string;
    readonly deadline: string;
    readonly deadlineCount: string;
    readonly factor: string;
    readonly escalation: string;
    readonly exceptionTo: string;
    readonly replaces: string;
    readonly citations: string;
    readonly factsUsed: string;
  };
  /**
   * Messages of the issues a case, the options of an evaluation, a rule set (and what an
   * evaluator loads with it) can have, by issue code — or `code.variant` where one code has
   * several messages (`params.variant`). Templates use the issue's `params`.
   */
  readonly issues: Readonly<Record<IssueMessageKey, string>>;
}

/**
 * (added) The words of draft requests to the CCF (`renderDraft`, `red-notice-rules/draft`): one
 * file per locale under `locales/draft/`, registered in `DRAFT_CATALOGUES`, so that the core,
 * which never drafts, does not carry them. A locale without its draft file is a compile error.
 */
export interface DraftCatalogue {
  readonly titles: {
    readonly ccf_deletion_request: string;
    readonly ccf_access_request: string;
    readonly provisional_measures: string;
  };
  readonly draftNotice: string;
  readonly addressee: string;
  readonly ccfName: string;
  readonly addressPlaceholder: string;
  readonly applicant: string;
  readonly applicantPlaceholder: string;
  readonly representative: string;
  readonly representativePlaceholder: string;
  readonly dateAndPlace: string;
  readonly subjectLine: string;
  readonly dataConcerned: string;
  readonly noticeLine: string;
  readonly otherData: string;
  readonly request: string;
  readonly requests: {
    readonly ccf_deletion_request: string;
    readonly ccf_access_request: string;
    readonly provisional_measures: string;
  };
  readonly facts: string;
  readonly grounds: string;
  readonly noGrounds: string;
  readonly groundsNote: string;
  readonly refugeeGround: string;
  readonly urgency: string;
  readonly documents: string;
  readonly documentsNote: string;
  readonly documentNames: Readonly<Record<DraftDocument, string>>;
  readonly openPoints: string;
  readonly openPointsNote: string;
  readonly placeholder: string;
  readonly signature: string;
  readonly confidentiality: string;
  readonly factLines: {
    readonly protection: string;
    readonly protectionNoFear: string;
    readonly protectionUnknown: string;
    readonly confirmation: string;
    readonly noConfirmation: string;
    readonly extradition: string;
    readonly detention: string;
    readonly ccfRequest: string;
    readonly notice: string;
    readonly outcome: string;
  };
  }

/** The keys of the issue messages: an issue code, or `code.variant`. */
export type IssueMessageKey =
  | 'not_an_object.case'
  | 'not_an_object.ruleSet'
  | 'forbidden_key'
  | 'input_too_large'
  | 'nesting_too_deep'
  | 'not_plain_data.accessor'
  | 'not_plain_data.container'
  | 'not_plain_data.value'
  | 'result_too_large'
  | 'unknown_extension_fact.case'
  | 'unknown_extension_fact.notice'
  | 'invalid_extension_value.boolean'
  | 'invalid_extension_value.enum'
  | 'invalid_extension_value.date'
  | 'invalid_extension_value.number'
  | 'invalid_extension_value.countries'
  | 'required'
  | 'unknown_key.case'
  | 'unknown_key.ruleSet'
  | 'unknown_key.citation'
  | 'unknown_key.misusePatterns'
  | 'unknown_key.fixtures'
  | 'invalid_type'
  | 'invalid_type.string'
  | 'invalid_type.number'
  | 'invalid_type.boolean'
  | 'invalid_type.object'
  | 'invalid_type.array'
  | 'invalid_type.union'
  | 'invalid_type.shape'
  | 'invalid_value'
  | 'invalid_value.custom'
  | 'invalid_format'
  | 'invalid_key'
  | 'empty_string'
  | 'too_few_items'
  | 'too_many_items'
  | 'string_too_long'
  | 'number_out_of_range.minimum'
  | 'number_out_of_range.maximum'
  | 'invalid_date'
  | 'invalid_country'
  | 'invalid_identifier'
  | 'invalid_version'
  | 'duplicate_value'
  | 'invalid_publication_date'
  | 'invalid_condition_name'
  | 'invalid_action_code'
  | 'fact_name_not_simple'
  | 'path_not_simple'
  | 'operator_name_not_simple'
  | 'unsupported_schema_version'
  | 'duplicate_notice_id'
  | 'deletion_fields_without_deletion'
  | 'charges_dropped_before_issued'
  | 'notice_deleted_before_issued'
  | 'feared_country_is_host'
  | 'field_not_applicable.final'
  | 'field_not_applicable.grounds'
  | 'field_not_applicable.criminalGrounds'
  | 'field_not_applicable.appealDeadline'
  | 'appeal_deadline_before_decision'
  | 'ccf_admissible_before_filed'
  | 'ccf_decided_before_filed'
  | 'ccf_decided_before_admissible'
  | 'ccf_pending_with_decision_date'
  | 'unknown_notice_reference'
  | 'detention_released_before_start'
  | 'extradition_same_country'
  | 'invalid_option'
  | 'invalid_option.asOf'
  | 'invalid_option.options'
  | 'unknown_option'
  | 'duplicate_rule_id'
  | 'duplicate_rule_id.acrossSets'
  | 'effective_range_inverted'
  | 'uncited_rule'
  | 'uncited_rule.factorAction'
  | 'unknown_citation'
  | 'factor_rule_without_factor'
  | 'factor_rule_with_output'
  | 'factor_without_factor_effect'
  | 'rule_has_no_effect'
  | 'outcome_outside_notice_scope'
  | 'outcome_from_result_facts'
  | 'exception_to_self'
  | 'action_title_required'
  | 'unknown_fact'
  | 'deadline_fact_not_a_date'
  | 'fact_out_of_scope'
  | 'fact_out_of_scope.placeholder'
  | 'fact_out_of_scope.namedCondition'
  | 'unknown_placeholder'
  | 'unknown_placeholder.factorAction'
  | 'condition_reference_cycle'
  | 'unknown_condition_reference'
  | 'unknown_operator'
  | 'operator_not_for_fact'
  | 'value_not_allowed.list'
  | 'value_not_allowed.single'
  | 'value_not_allowed.item'
  | 'value_not_allowed.itemAllowed'
  | 'value_not_allowed'
  | 'value_not_allowed.allowed'
  | 'citations_fact_not_enumerable'
  | 'invalid_fact_name'
  | 'invalid_fact_declaration.namespace'
  | 'invalid_fact_declaration.reservedNamespace'
  | 'invalid_fact_declaration.values'
  | 'invalid_fact_declaration.valuesNotEnum'
  | 'invalid_language_tag'
  | 'invalid_language_tag.canonical'
  | 'unknown_language_tag'
  | 'duplicate_namespace'
  | 'rule_set_too_large.comparisons'
  | 'rule_set_too_large.depth'
  | 'duplicate_rule_set_id'
  | 'duplicate_factor_action'
  | 'unknown_factor_action'
  | 'unknown_exception_target'
  | 'exception_scope_mismatch'
  | 'exception_across_passes'
  | 'exception_cycle'
  | 'unknown_replacement_target'
  | 'replacement_in_same_set'
  | 'replacement_scope_mismatch'
  | 'duplicate_replacement'
  | 'replacement_cycle'
  | 'duplicate_citation_id'
  | 'duplicate_pattern_id'
  | 'operator_name_taken'
  | 'operator_name_taken.builtIn'
  | 'invalid_operator_signature.factTypes'
  | 'invalid_operator_signature.valueKind'
  | 'unreachable'
  | 'unreachable.period'
  | 'conflict'
  | 'gap'
  | 'gap.replaces'
  | 'gap.exceptionTo'
  | 'knock_on.stops'
  | 'knock_on.starts'
  | 'no_witness.cases'
  | 'no_witness.budget'
  | 'no_witness.total'
  | 'invalid_operator_signature.test';
