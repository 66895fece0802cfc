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

export { caseSchema, CASE_LIMITS } from './case/schema.js';
export type { Case, Notice, AsylumEvent, Confirmation, CcfRequest, Detention, ExtraditionProceeding, Offence, OffenceCategory } from './case/schema.js';
export { parseCase } from './case/validate.js';
export type { ParseCaseResult } from './case/validate.js';

export { ruleSetSchema, OUTCOMES, ACTION_CODES, PRIORITIES } from './rules/schema.js';
export type { ActionCode, Outcome, Priority, RuleSetJson, RuleJson, Condition } from './rules/schema.js';
export { validateRuleSet, checkRuleSets } from './rules/public.js';
export type { RuleSetCheckOptions } from './rules/public.js';
export { FACT_CATALOGUE } from './facts/catalogue.js';
export type { FactDefinition } from './facts/catalogue.js';
export type { ProtectionStatus } from './facts/protection.js';
export type { Citation, CitationEntry, Verification } from './citations/registry.js';
export { BUNDLED_CITATIONS, BUNDLED_RULE_SETS } from './bundled.js';
export { runFixtures } from './fixtures/run.js';
export type { FixtureDifference, FixtureReport, FixtureResult } from './fixtures/run.js';
export { fixtureSchema, fixtureFileSchema } from './fixtures/schema.js';
export type { Fixture, NoticeExpectation } from './fixtures/schema.js';

export { CaseValidationError, RuleSetError } from './errors.js';
export type { CaseIssueCode } from './errors.js';
export type { Issue, IssueSeverity } from './support/issues.js';
export type { CalendarDate } from './support/dates.js';
export type { Locale, LocalizedText } from './support/localized-text.js';
