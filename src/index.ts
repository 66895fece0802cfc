/**
 * red-notice-rules — what INTERPOL's rules say about a Red Notice or a Diffusion against a
 * refugee or asylum seeker, and what to do next.
 *
 * @packageDocumentation
 */
export { evaluateCase, evaluateCaseSync, nextQuestions, safeEvaluateCase, safeEvaluateCaseSync } from './evaluate-case.js';
export { evaluateMany } from './evaluate-many.js';
export type { EvaluateManyOptions, EvaluateManyResult } from './evaluate-many.js';
export { createEvaluator } from './evaluation/evaluator.js';
export type { Evaluator, EvaluatorOptions, RuleSetStamp, SafeEvaluation, SafeEvaluationFailure } from './evaluation/evaluator.js';
export { TRACE_LEVELS } from './evaluation/options.js';
export type { EvaluateOptions, TraceLevel } from './evaluation/options.js';
export { RESULT_LIMITS } from './evaluation/result-budget.js';
export { ENGINES } from './evaluation/runners.js';
export type { EngineName } from './evaluation/runners.js';
export type {
  Action,
  ActionParams,
  CaseEvaluation,
  CitationId,
  ConditionResult,
  ConfirmationSummary,
  Deadline,
  FactorDetail,
  FirstStep,
  HostSummary,
  MissingFactDetail,
  NoticeEvaluation,
  NoticeProtection,
  OutcomeResolution,
  PriorityReason,
  ProtectionSummary,
  Question,
  QuestionAnswer,
  QuestionChange,
  TraceCondition,
  TraceEntry,
  TraceStatus,
  WordingParams,
  YesNoUnknown,
} from './evaluation/result.js';
export {
  ACTION_ROLE_NAMES,
  ACTION_ROLES,
  DEADLINE_KINDS,
  DEADLINE_STATES,
  FIRST_STEP_REASON_CODES,
  PRIORITY_REASON_CODES,
  QUESTION_CODES,
  QUESTION_IMPACTS,
} from './evaluation/vocabulary.js';
export type { ActionRole, DeadlineKind, DeadlineState, FirstStepReasonCode, PriorityReasonCode, QuestionCode, QuestionImpact } from './evaluation/vocabulary.js';
export { URGENT_LIMIT, URGENCY_WINDOW_DAYS } from './evaluation/urgency.js';

export { caseSchema, ASYLUM_EVENT_TYPES, CASE_LIMITS, CCF_REQUEST_TYPES, CONFIRMATION_RECIPIENTS, DELETION_BASES, EXTRADITION_GROUNDS, JUDICIAL_DATA_ITEMS, NOTICE_KINDS, OFFENCE_CATEGORIES } from './case/schema.js';
export type { Case, Notice, AsylumEvent, Confirmation, ConfirmationRecipient, CcfRequest, Detention, ExtraditionProceeding, NoticeKind, Offence, OffenceCategory, Person, Article3Profile } from './case/schema.js';
export { parseCase } from './case/validate.js';
export type { ParseCaseResult } from './case/validate.js';

export { ruleSetSchema } from './rules/schema.js';
export { OUTCOMES, ACTION_CODES, ACTION_CONTRADICTIONS, EFFECTS, PRIORITIES, SCOPES } from './rules/vocabulary.js';
export type { ActionCode, Effect, Outcome, Priority, Scope } from './rules/vocabulary.js';
export type {
  AllCondition,
  AnyCondition,
  Condition,
  ConditionReference,
  FactCondition,
  NotCondition,
  RootCondition,
  CitationsByValue,
  RuleJson,
  RuleSetJson,
} from './rules/schema.js';
export { validateRuleSet, checkRuleSets } from './rules/public.js';
export type { RuleSetCheckOptions, RuleSetCheckResult, RuleSetValidationResult } from './rules/public.js';
export { FACT_CATALOGUE, FACT_TYPES, FACT_VOCABULARIES } from './facts/catalogue.js';
export { BUILT_IN_OPERATOR_NAMES, BUILT_IN_OPERATORS, OPERATOR_VALUE_KINDS } from './rules/operators.js';
export type { OperatorDefinition, OperatorName, OperatorValueKind, ConditionValue } from './rules/operators.js';
export { toJsonSchema, JSON_SCHEMA_NAMES } from './schemas/json-schemas.js';
export type { JsonSchemaName } from './schemas/json-schemas.js';
export type { FactDefinition, FactName, FactScope, FactType, FactValue, VocabularyName } from './facts/catalogue.js';
export { APPEALABLE_DECISIONS, CCF_REQUEST_STATES, PROTECTION_STATUSES, REFUSAL_STRENGTHS, REVISION_GROUNDS, YES_NO } from './facts/vocabulary.js';
export { CASE_WARNING_CODES } from './facts/protection.js';
export type { CaseWarning, CaseWarningCode } from './facts/protection.js';
export type { ProtectionStatus } from './facts/vocabulary.js';
export { VERIFICATION_LEVELS } from './citations/registry.js';
export type { Citation, CitationEntry, Verification } from './citations/registry.js';
export { MISUSE_SOURCE_TYPES } from './context/misuse-patterns.js';
export type { MisusePattern } from './context/misuse-patterns.js';
export { NON_REFOULEMENT_BASES } from './context/treaty-parties.js';
export { BUNDLED_CITATIONS, BUNDLED_INTERPOL_MEMBERS, BUNDLED_RULE_SETS, BUNDLED_TREATY_PARTIES } from './bundled.js';

export { renderReport, REPORT_FORMATS, REPORT_PAGES } from './present/render-report.js';
export type { RenderReportOptions, ReportFormat, ReportPages } from './present/render-report.js';
export { localizeEvaluation } from './present/localize.js';
export { toICalendar } from './present/icalendar.js';
export type { ICalendarOptions } from './present/icalendar.js';
export type { LocalizedEvaluation, LocalizeOptions, TextFallback } from './present/localize.js';
export type { RuleTexts, TextField } from './evaluation/wording.js';

export { CaseValidationError, OptionsError, RuleSetError, RULE_SET_ISSUE_CODES } from './errors.js';
export type { CaseIssueCode, RuleSetIssueCode } from './errors.js';
export type { Issue, IssueParams, IssueSeverity, SafeFailure } from './support/issues.js';
export { issueMessage } from './locales/issues.js';
export type { CalendarDate } from './support/dates.js';
export { CATALOGUES, LOCALES, MESSAGES, messagesFor } from './locales/index.js';
export type { Locale, LocalizedText } from './locales/index.js';
export type { IssueMessageKey, LabelledVocabulary, MessageCatalogue, OutcomeWords } from './locales/catalogue.js';
