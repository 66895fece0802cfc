/**
 * The rule-set file format, as zod schemas. Conditions use json-rules-engine's syntax (`all`,
 * `any`, `not`, `condition` references and `{ fact, operator, value }`), restricted to what can
 * be checked and cannot execute: fact names and `$.a.b` paths only (no JSONPath filters or
 * scripts), scalar or list values only (no `{ fact }` value references, no regexes), no
 * `params`, no unknown keys. `any` needs at least one condition (json-rules-engine treats an
 * empty `any` as true).
 *
 * @module
 */
import * as z from 'zod';
import { calendarDateField, identifierField, textField } from '../support/fields.js';
import { LOCALES } from '../locales/index.js';
import { ACTION_CODES, EFFECTS, OUTCOMES, PRIORITIES, SCOPES } from './vocabulary.js';

/** Limits on rule sets. */
export const RULE_SET_LIMITS = {
  rules: 1000,
  conditionsPerGroup: 100,
  listValues: 300,
  textLength: 4000,
  depth: 40,
  characters: 5_000_000,
} as const;

export { IDENTIFIER_PATTERN } from '../support/fields.js';
/** Name of a named condition: camelCase. */
export const CONDITION_NAME_PATTERN = /^[a-z][A-Za-z0-9]*$/;
/** Name of a fact in a condition: dotted camelCase segments. */
export const FACT_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*$/;
/** A condition's `path`: `$.` and dotted camelCase segments, nothing else. */
export const PATH_PATTERN = /^\$(?:\.[A-Za-z][A-Za-z0-9]*)+$/;
/** An action code: snake_case. */
export const ACTION_CODE_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;
/** A semantic version. */
const SEMVER_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/;

const identifier = identifierField;
const conditionName = z
  .string()
  .max(64)
  .refine((value) => CONDITION_NAME_PATTERN.test(value), { params: { code: 'invalid_condition_name' }, abort: true })
  .meta({ pattern: CONDITION_NAME_PATTERN.source });
const actionCode = z
  .string()
  .refine((value) => ACTION_CODE_PATTERN.test(value), { params: { code: 'invalid_action_code' }, abort: true })
  .meta({ pattern: ACTION_CODE_PATTERN.source, examples: [...ACTION_CODES] });
const date = calendarDateField;

/**
 * Text in English, or in several languages keyed by BCP 47 language tags (`en` required; the
 * checker tells a malformed or unknown tag). The library words its own texts in `LOCALES`;
 * a rule set may carry texts in any language.
 */
export const localizedTextSchema = z.union([
  textField(1, RULE_SET_LIMITS.textLength),
  z
    .record(z.string().min(1).max(35), textField(1, RULE_SET_LIMITS.textLength))
    .refine((value) => Object.hasOwn(value, 'en'), { params: { code: 'required' }, path: ['en'] })
    .meta({ propertyNames: { pattern: '^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$' }, required: ['en'], examples: [{ en: 'Request deletion', ...Object.fromEntries(LOCALES.filter((locale) => locale !== 'en').map((locale) => [locale, '…'])) }] }) as unknown as z.ZodType<{ en: string } & Record<string, string>>,
]);

/** A period in force, both ends inclusive and optional. */
export const effectiveSchema = z.strictObject({ from: date.optional(), to: date.optional() });

const scalarValue = z.union([z.string().max(500), z.number().refine(Number.isFinite), z.boolean()]);

/** A comparison of one fact with a value. */
export interface FactCondition {
  readonly fact: string;
  readonly path?: string | undefined;
  readonly operator: string;
  readonly value: string | number | boolean | readonly (string | number | boolean)[];
}
/** All of some conditions. */
export interface AllCondition { readonly all: readonly Condition[] }
/** Any of some conditions (at least one). */
export interface AnyCondition { readonly any: readonly Condition[] }
/** The negation of a condition. */
export interface NotCondition { readonly not: Condition }
/** A reference to a named condition of the rule set. */
export interface ConditionReference { readonly condition: string }
/** A condition in json-rules-engine syntax. */
export type Condition = FactCondition | AllCondition | AnyCondition | NotCondition | ConditionReference;
/** The root of a rule's conditions: never a bare fact comparison (json-rules-engine's rule). */
export type RootCondition = AllCondition | AnyCondition | NotCondition | ConditionReference;

/** Segments that could reach an object's prototype. */
const PROTOTYPE_SEGMENTS = /(?:^|\.)(?:__proto__|constructor|prototype)(?:\.|$)/;

/** A fact name: dotted camelCase names, no prototype segment. */
export const factNameField = z
  .string()
  .max(100)
  .refine((value) => FACT_NAME_PATTERN.test(value) && !PROTOTYPE_SEGMENTS.test(value), { params: { code: 'fact_name_not_simple' }, abort: true });

/** A path: `$.` and dotted camelCase names — never a JSONPath filter, wildcard, bracket, recursive descent or script. */
const simplePath = z
  .string()
  .max(200)
  .refine((value) => PATH_PATTERN.test(value) && !PROTOTYPE_SEGMENTS.test(value.slice(1)), { params: { code: 'path_not_simple' }, abort: true })
  .meta({ pattern: PATH_PATTERN.source });

/** An operator name: letters and digits. */
export const operatorNameField = z
  .string()
  .max(64)
  .refine((value) => /^[A-Za-z][A-Za-z0-9]*$/.test(value), { params: { code: 'operator_name_not_simple' }, abort: true })
  .meta({ pattern: '^[A-Za-z][A-Za-z0-9]*$' });

/** A fact comparison. */
export const factConditionSchema = z.strictObject({
  fact: factNameField,
  path: simplePath.optional(),
  operator: operatorNameField,
  value: z.union([scalarValue, z.array(scalarValue).max(RULE_SET_LIMITS.listValues)]),
});

/** Any condition (recursive). */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([allSchema, anySchema, notSchema, referenceSchema, factConditionSchema]),
);
const allSchema = z.strictObject({ all: z.array(conditionSchema).max(RULE_SET_LIMITS.conditionsPerGroup) });
const anySchema = z.strictObject({ any: z.array(conditionSchema).min(1).max(RULE_SET_LIMITS.conditionsPerGroup) });
const notSchema = z.strictObject({ get not() { return conditionSchema; } });
const referenceSchema = z.strictObject({ condition: conditionName });

/** The root conditions of a rule. */
export const rootConditionSchema: z.ZodType<RootCondition> = z.union([allSchema, anySchema, notSchema, referenceSchema]);

/** A deadline an action carries: a date fact, plus months and/or days if given (month-end rule: see `addCalendarMonths`). */
export const deadlineTemplateSchema = z.strictObject({
  /** Name of a date fact to count from. */
  from: factNameField,
  months: z.number().int().min(0).max(120).optional(),
  days: z.number().int().min(0).max(3650).optional(),
  /** What the deadline is, e.g. "CCF time limit for a deletion request (9 months from admissibility)". */
  basis: localizedTextSchema,
  /** Citation id of the provision that sets it. */
  citation: identifier(100),
});

/**
 * Citations that follow the values of a fact: for each value the fact has (one value, or every
 * item of a list), the citations given for it are added to the action. A value with no entry
 * adds nothing; an unknown fact adds nothing. For instance the instruments that bind the states
 * that could return a person (`notice.nonRefoulementBases`), each with its own provision.
 */
export const citationsByValueSchema = z.strictObject({
  /** An enum or enum-list fact. */
  fact: factNameField,
  /** Citation ids by value of the fact. */
  citations: z.record(z.string().min(1).max(100), z.array(identifier(100)).min(1).max(20)),
});

/** What a rule asks the lawyer to do. */
export const actionTemplateSchema = z.strictObject({
  code: actionCode,
  priority: z.enum(PRIORITIES),
  title: localizedTextSchema.optional(),
  explanation: localizedTextSchema,
  deadline: deadlineTemplateSchema.optional(),
  /** Citations added according to the values of facts. */
  citationsByValue: z.array(citationsByValueSchema).max(10).optional(),
  /** The action keeps its priority: escalations (`escalation`) do not raise it. */
  fixedPriority: z.boolean().optional(),
});

/** A factor a `factor` rule contributes to a weighing action. */
export const factorSchema = z.strictObject({
  id: identifier(100),
  label: localizedTextSchema,
  /**
   * The action the factor supports: an action whose template is in some rule set's
   * `factorActions` (the factors make it), or an action that rules give (the factors are added
   * to it, for the same notice).
   */
  action: actionCode,
  /**
   * A context factor (the general context of the case, such as a documented pattern of misuse)
   * never makes an action by itself: it joins its action only when the action is there for
   * another reason — a factor that is not context, or a rule that gives the action.
   */
  context: z.boolean().optional(),
});

/**
 * The action that factor rules support, once per notice, with every factor found. Its
 * explanation may use the placeholder `{factors}` (the factors' labels).
 */
export const factorActionSchema = z.strictObject({
  priority: z.enum(PRIORITIES),
  title: localizedTextSchema.optional(),
  explanation: localizedTextSchema,
  citations: z.array(identifier(100)).max(50),
  /** Citations added according to the values of facts. */
  citationsByValue: z.array(citationsByValueSchema).max(10).optional(),
});

/** A rule's escalation: every action of its subject becomes at least this pressing. */
export const escalationSchema = z.strictObject({
  priority: z.enum(PRIORITIES),
});

/** One rule. */
export const ruleSchema = z.strictObject({
  id: identifier(100),
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
  citations: z.array(identifier(100)).max(50),
  effective: effectiveSchema.optional(),
  scope: z.enum(SCOPES),
  effect: z.enum(EFFECTS),
  conditions: rootConditionSchema,
  outcome: z.enum(OUTCOMES).optional(),
  action: actionTemplateSchema.optional(),
  factor: factorSchema.optional(),
  escalation: escalationSchema.optional(),
  exceptionTo: z.array(identifier(100)).min(1).max(50).optional(),
  /** The id of a rule of another rule set that this rule takes the place of. */
  replaces: identifier(100).optional(),
});

/**
 * The zod schema of a rule-set file. `validateRuleSet` adds the checks that need more than
 * the schema (facts, operators, citations, references).
 *
 * @example
 * ```ts
 * import { ruleSetSchema } from 'red-notice-rules';
 *
 * ruleSetSchema.safeParse({ id: 'mine', version: '1.0.0', title: 'Mine', rules: [] }).success; // false
 * ```
 */
export const ruleSetSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  id: identifier(64),
  version: z.string().max(64).refine((value) => SEMVER_PATTERN.test(value), { params: { code: 'invalid_version' }, abort: true }),
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
  effective: effectiveSchema.optional(),
  conditions: z.record(conditionName, rootConditionSchema).optional(),
  factorActions: z.record(actionCode, factorActionSchema).optional(),
  rules: z.array(ruleSchema).min(1).max(RULE_SET_LIMITS.rules),
});

/** A rule-set file. */
export type RuleSetJson = z.infer<typeof ruleSetSchema>;
/** A rule of a rule-set file. */
export type RuleJson = z.infer<typeof ruleSchema>;
/** An action template of a rule. */
export type ActionTemplate = z.infer<typeof actionTemplateSchema>;
/** The template of an action that factor rules support. */
export type FactorActionTemplate = z.infer<typeof factorActionSchema>;
/** Citations that follow the values of a fact (`citationsByValue` of an action or a factor action). */
export interface CitationsByValue {
  /** An enum or enum-list fact. */
  readonly fact: string;
  /** Citation ids by value of the fact. */
  readonly citations: Readonly<Record<string, readonly string[]>>;
}
/** A deadline template of an action. */
export type DeadlineTemplate = z.infer<typeof deadlineTemplateSchema>;
/** A period in force. */
export type Effective = z.infer<typeof effectiveSchema>;
