/**
 * red-notice-rules — what INTERPOL's rules say about a Red Notice or a Diffusion against a
 * refugee or asylum seeker, and what to do next.
 *
 * @packageDocumentation
 */
export { evaluateCase, evaluateCaseSync, safeEvaluateCase, safeEvaluateCaseSync } from './evaluate-case.js';
export { createEvaluator } from './evaluation/evaluator.js';
export type { Evaluator, EvaluatorOptions, RuleSetStamp, SafeEvaluation } from './evaluation/evaluator.js';
export type { EvaluateOptions } from './evaluation/options.js';
export type { TraceLevel } from './evaluation/assemble.js';
export { RESULT_LIMITS } from './evaluation/result-budget.js';
export { ENGINES } from './evaluation/runners.js';
export type { EngineName } from './evaluation/runners.js';
export type {
  Action,
  CaseEvaluation,
  CitationId,
  Deadline,
  FactorDetail,
  HostSummary,
  NoticeEvaluation,
  NoticeProtection,
  OutcomeResolution,
  ProtectionSummary,
  TraceCondition,
  TraceEntry,
  TraceStatus,
  YesNoUnknown,
} from './evaluation/result.js';

export { caseSchema, CASE_LIMITS, DELETION_BASES, EXTRADITION_GROUNDS, JUDICIAL_DATA_ITEMS, OFFENCE_CATEGORIES } from './case/schema.js';
export type { Case, Notice, AsylumEvent, Confirmation, CcfRequest, Detention, ExtraditionProceeding, Offence, OffenceCategory, Person, Article3Profile } from './case/schema.js';
export { parseCase } from './case/validate.js';
export type { ParseCaseResult } from './case/validate.js';

export { ruleSetSchema, OUTCOMES, ACTION_CODES, EFFECTS, PRIORITIES } from './rules/schema.js';
export type {
  ActionCode,
  AllCondition,
  AnyCondition,
  Condition,
  ConditionReference,
  Effect,
  FactCondition,
  NotCondition,
  Outcome,
  Priority,
  RootCondition,
  RuleJson,
  RuleSetJson,
} from './rules/schema.js';
export { validateRuleSet, checkRuleSets } from './rules/public.js';
export type { RuleSetCheckOptions } from './rules/public.js';
export { FACT_CATALOGUE } from './facts/catalogue.js';
export { BUILT_IN_OPERATORS } from './rules/operators.js';
export type { OperatorDefinition, OperatorValueKind, ConditionValue } from './rules/operators.js';
export { toJsonSchema, JSON_SCHEMA_NAMES } from './schemas/json-schemas.js';
export type { JsonSchemaName } from './schemas/json-schemas.js';
export type { FactDefinition, FactScope, FactType, FactValue } from './facts/catalogue.js';
export { CCF_REQUEST_STATES, REVISION_GROUNDS } from './facts/ccf.js';
export { REFUSAL_STRENGTHS } from './facts/route-vocabulary.js';
export type { ProtectionStatus } from './facts/protection.js';
export { VERIFICATION_LEVELS } from './citations/registry.js';
export type { Citation, CitationEntry, Verification } from './citations/registry.js';
export { MISUSE_SOURCE_TYPES } from './context/misuse-patterns.js';
export type { MisusePattern } from './context/misuse-patterns.js';
export { BUNDLED_CITATIONS, BUNDLED_RULE_SETS } from './bundled.js';
export { runFixtures } from './fixtures/run.js';
export type { ConditionCoverage, FixtureCoverage, FixtureDifference, FixtureReport, FixtureResult, RuleCoverage } from './fixtures/run.js';
export { fixtureSchema, fixtureFileSchema } from './fixtures/schema.js';
export type { Fixture, NoticeExpectation } from './fixtures/schema.js';

export { renderReport, REPORT_FORMATS } from './present/render-report.js';
export type { RenderReportOptions, ReportFormat } from './present/render-report.js';

export { CaseValidationError, RuleSetError, RULE_SET_ISSUE_CODES } from './errors.js';
export type { CaseIssueCode, RuleSetIssueCode } from './errors.js';
export type { Issue, IssueSeverity } from './support/issues.js';
export type { CalendarDate } from './support/dates.js';
export { LOCALES } from './support/localized-text.js';
export type { Locale, LocalizedText } from './support/localized-text.js';
export { MESSAGES, messagesFor } from './support/messages.js';
export type { FactValueName, MessageCatalogue, OperatorName, OutcomeWords } from './support/messages.js';
