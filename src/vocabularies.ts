/**
 * Every closed vocabulary of the library — the codes a case, a rule set, an option or a result
 * may hold — in one object, each declared once in the module that owns it and gathered here for
 * users: `VOCABULARIES.outcome`, `VOCABULARIES.deadlineKind`, …
 *
 * @module
 */
import { ASYLUM_EVENT_TYPES, CCF_REQUEST_TYPES, CONFIRMATION_RECIPIENTS, DELETION_BASES } from './case/schema.js';
import { VERIFICATION_LEVELS } from './citations/registry.js';
import { MISUSE_SOURCE_TYPES } from './context/misuse-patterns.js';
import { RULE_SET_ISSUE_CODES } from './errors.js';
import { TRACE_LEVELS } from './evaluation/options.js';
import { ENGINES } from './evaluation/runners.js';
import { ACTION_ROLE_NAMES, DEADLINE_KINDS, DEADLINE_STATES, FIRST_STEP_REASON_CODES, PRIORITY_REASON_CODES, QUESTION_CODES, QUESTION_IMPACTS } from './evaluation/vocabulary.js';
import { FACT_TYPES, FACT_VOCABULARIES } from './facts/catalogue.js';
import { CASE_WARNING_CODES } from './facts/protection.js';
import { REPORT_FORMATS, REPORT_PAGES } from './present/render-report.js';
import { BUILT_IN_OPERATOR_NAMES, OPERATOR_VALUE_KINDS } from './rules/operators.js';
import { EFFECTS, PRIORITIES, SCOPES } from './rules/vocabulary.js';
import { JSON_SCHEMA_NAMES } from './schemas/json-schemas.js';

/**
 * Every closed vocabulary, by name: the values of the facts rules read (`outcome`, `actionCode`,
 * `protectionStatus`, `offenceCategory`, …, the same names as a fact definition's `vocabulary`),
 * of the case model (`asylumEventType`, `ccfRequestType`, `confirmationRecipient`), of rule sets
 * (`effect`, `priority`, `scope`, `operator`, `operatorValueKind`, `factType`, `ruleSetIssueCode`),
 * of results (`deadlineKind`, `deadlineState`, `priorityReason`, `firstStepReason`, `questionCode`,
 * `questionImpact`, `actionRole`, `caseWarningCode`, `verification`, `misuseSourceType`) and of
 * options (`engine`, `traceLevel`, `reportFormat`, `reportPages`, `jsonSchemaName`). Each is a
 * frozen-in-type list in a stable order; the matching type is `(typeof VOCABULARIES)[name][number]`
 * or the named type the API exports (`Outcome`, `DeadlineKind`, …).
 *
 * @example
 * ```ts
 * import { VOCABULARIES } from 'red-notice-rules';
 *
 * VOCABULARIES.outcome.includes('delete'); // true
 * VOCABULARIES.deadlineKind; // ['ccf_decision', 'time_limit']
 * ```
 */
export const VOCABULARIES = {
  ...FACT_VOCABULARIES,
  actionRole: ACTION_ROLE_NAMES,
  asylumEventType: ASYLUM_EVENT_TYPES,
  caseWarningCode: CASE_WARNING_CODES,
  ccfRequestType: CCF_REQUEST_TYPES,
  confirmationRecipient: CONFIRMATION_RECIPIENTS,
  deadlineKind: DEADLINE_KINDS,
  deletionBasis: DELETION_BASES,
  deadlineState: DEADLINE_STATES,
  effect: EFFECTS,
  engine: ENGINES,
  factType: FACT_TYPES,
  firstStepReason: FIRST_STEP_REASON_CODES,
  jsonSchemaName: JSON_SCHEMA_NAMES,
  misuseSourceType: MISUSE_SOURCE_TYPES,
  operator: BUILT_IN_OPERATOR_NAMES,
  operatorValueKind: OPERATOR_VALUE_KINDS,
  priority: PRIORITIES,
  priorityReason: PRIORITY_REASON_CODES,
  questionCode: QUESTION_CODES,
  questionImpact: QUESTION_IMPACTS,
  reportFormat: REPORT_FORMATS,
  reportPages: REPORT_PAGES,
  ruleSetIssueCode: RULE_SET_ISSUE_CODES,
  scope: SCOPES,
  traceLevel: TRACE_LEVELS,
  verification: VERIFICATION_LEVELS,
} as const;

/** The name of a vocabulary in `VOCABULARIES`. */
export type VocabularyKey = keyof typeof VOCABULARIES;

// The names of 0.1.0, kept for one minor version.

/** @deprecated Use `VOCABULARIES.outcome` (the same list). Kept for one minor version. */
export const OUTCOMES_ALIAS = VOCABULARIES.outcome;

/** @deprecated Use `VOCABULARIES.actionCode` (the same list). Kept for one minor version. */
export const ACTION_CODES_ALIAS = VOCABULARIES.actionCode;

/** @deprecated Use `VOCABULARIES.effect` (the same list). Kept for one minor version. */
export const EFFECTS_ALIAS = VOCABULARIES.effect;

/** @deprecated Use `VOCABULARIES.priority` (the same list). Kept for one minor version. */
export const PRIORITIES_ALIAS = VOCABULARIES.priority;

/** @deprecated Use `VOCABULARIES.offenceCategory` (the same list). Kept for one minor version. */
export const OFFENCE_CATEGORIES_ALIAS = VOCABULARIES.offenceCategory;

/** @deprecated Use `VOCABULARIES.deletionBasis` (the same list). Kept for one minor version. */
export const DELETION_BASES_ALIAS = VOCABULARIES.deletionBasis;

/** @deprecated Use `VOCABULARIES.extraditionGround` (the same list). Kept for one minor version. */
export const EXTRADITION_GROUNDS_ALIAS = VOCABULARIES.extraditionGround;

/** @deprecated Use `VOCABULARIES.judicialDataItem` (the same list). Kept for one minor version. */
export const JUDICIAL_DATA_ITEMS_ALIAS = VOCABULARIES.judicialDataItem;

/** @deprecated Use `VOCABULARIES.ccfRequestState` (the same list). Kept for one minor version. */
export const CCF_REQUEST_STATES_ALIAS = VOCABULARIES.ccfRequestState;

/** @deprecated Use `VOCABULARIES.refusalStrength` (the same list). Kept for one minor version. */
export const REFUSAL_STRENGTHS_ALIAS = VOCABULARIES.refusalStrength;

/** @deprecated Use `VOCABULARIES.revisionGround` (the same list). Kept for one minor version. */
export const REVISION_GROUNDS_ALIAS = VOCABULARIES.revisionGround;

/** @deprecated Use `VOCABULARIES.verification` (the same list). Kept for one minor version. */
export const VERIFICATION_LEVELS_ALIAS = VOCABULARIES.verification;

/** @deprecated Use `VOCABULARIES.misuseSourceType` (the same list). Kept for one minor version. */
export const MISUSE_SOURCE_TYPES_ALIAS = VOCABULARIES.misuseSourceType;

/** @deprecated Use `VOCABULARIES.reportFormat` (the same list). Kept for one minor version. */
export const REPORT_FORMATS_ALIAS = VOCABULARIES.reportFormat;

/** @deprecated Use `VOCABULARIES.engine` (the same list). Kept for one minor version. */
export const ENGINES_ALIAS = VOCABULARIES.engine;

/** @deprecated Use `VOCABULARIES.jsonSchemaName` (the same list). Kept for one minor version. */
export const JSON_SCHEMA_NAMES_ALIAS = VOCABULARIES.jsonSchemaName;
