/**
 * red-notice-rules — what INTERPOL's rules say about a Red Notice or a Diffusion against a
 * refugee or asylum seeker, and what to do next.
 *
 * @packageDocumentation
 */
export { evaluateCase, evaluateCaseSync, nextQuestions, safeEvaluateCase, safeEvaluateCaseSync } from './evaluate-case.js';
export { VOCABULARIES } from './vocabularies.js';
export type { VocabularyKey } from './vocabularies.js';
export {
  OUTCOMES_ALIAS as OUTCOMES,
  ACTION_CODES_ALIAS as ACTION_CODES,
  EFFECTS_ALIAS as EFFECTS,
  PRIORITIES_ALIAS as PRIORITIES,
  OFFENCE_CATEGORIES_ALIAS as OFFENCE_CATEGORIES,
  DELETION_BASES_ALIAS as DELETION_BASES,
  EXTRADITION_GROUNDS_ALIAS as EXTRADITION_GROUNDS,
  JUDICIAL_DATA_ITEMS_ALIAS as JUDICIAL_DATA_ITEMS,
  CCF_REQUEST_STATES_ALIAS as CCF_REQUEST_STATES,
  REFUSAL_STRENGTHS_ALIAS as REFUSAL_STRENGTHS,
  REVISION_GROUNDS_ALIAS as REVISION_GROUNDS,
  VERIFICATION_LEVELS_ALIAS as VERIFICATION_LEVELS,
  MISUSE_SOURCE_TYPES_ALIAS as MISUSE_SOURCE_TYPES,
  REPORT_FORMATS_ALIAS as REPORT_FORMATS,
  ENGINES_ALIAS as ENGINES,
  JSON_SCHEMA_NAMES_ALIAS as JSON_SCHEMA_NAMES,
} from './vocabularies.js';
export { evaluateMany } from './evaluate-many.js';
export type { EvaluateManyOptions, EvaluateManyResult } from './evaluate-many.js';
export { createEvaluator } from './evaluation/evaluator.js';
export type { Evaluator, EvaluatorOptions, RuleSetStamp, SafeEvaluation, SafeEvaluationFailure } from './evaluation/evaluator.js';
export type { EvaluateOptions, TraceLevel } from './evaluation/options.js';
export { RESULT_LIMITS } from './evaluation/result-budget.js';
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
export { ACTION_ROLES } from './evaluation/vocabulary.js';
export type { ActionRole, DeadlineKind, DeadlineState, FirstStepReasonCode, PriorityReasonCode, QuestionCode, QuestionImpact } from './evaluation/vocabulary.js';
export { URGENT_LIMIT, URGENCY_WINDOW_DAYS } from './evaluation/urgency.js';

export { caseSchema, CASE_LIMITS } from './case/schema.js';
export type { Case, Notice, AsylumEvent, Confirmation, ConfirmationRecipient, CcfRequest, Detention, ExtraditionProceeding, NoticeKind, Offence, OffenceCategory, Person, Article3Profile } from './case/schema.js';
export { parseCase } from './case/validate.js';
export type { ParseCaseResult } from './case/validate.js';

export { ruleSetSchema, RULE_SET_LIMITS } from './rules/schema.js';
export { ACTION_CONTRADICTIONS } from './rules/vocabulary.js';
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
export { FACT_CATALOGUE } from './facts/catalogue.js';
export { BUILT_IN_OPERATORS } from './rules/operators.js';
export type { OperatorDefinition, OperatorName, OperatorValueKind, ConditionValue } from './rules/operators.js';
export { toJsonSchema } from './schemas/json-schemas.js';
export type { JsonSchemaName } from './schemas/json-schemas.js';
export type { FactDefinition, FactName, FactScope, FactType, FactValue, VocabularyName } from './facts/catalogue.js';
export type { CaseWarning, CaseWarningCode } from './facts/protection.js';
export type { ProtectionStatus } from './facts/vocabulary.js';
export type { Citation, CitationEntry, Verification } from './citations/registry.js';
export type { MisusePattern } from './context/misuse-patterns.js';
export { BUNDLED_CITATIONS, BUNDLED_INTERPOL_MEMBERS, BUNDLED_RULE_SETS, BUNDLED_TREATY_PARTIES } from './bundled.js';

export { renderReport } from './present/render-report.js';
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
export { CATALOGUES, isLocaleTag, localeOfTag, LOCALES, MESSAGES, messagesFor } from './locales/index.js';
export type { Locale, LocaleTag, LocalizedText } from './locales/index.js';
export type { IssueMessageKey, LabelledVocabulary, MessageCatalogue, OutcomeWords } from './locales/catalogue.js';
