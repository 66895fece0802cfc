/**
 * Evaluators: rule sets and citations loaded, checked and compiled once, then used for any
 * number of cases, concurrently or not.
 *
 * @module
 */
import { BUNDLED_CITATIONS, BUNDLED_MISUSE_PATTERNS, BUNDLED_RULE_SETS } from '../bundled.js';
import type * as z from 'zod';
import { bundledMembershipList, interpolMembersFileSchema, membershipList, type MembershipList } from '../context/interpol-members.js';
import { misusePatternFileSchema, type MisusePattern } from '../context/misuse-patterns.js';
import { bundledTreatyLists, treatyLists, treatyPartiesFileSchema, type TreatyLists } from '../context/treaty-parties.js';
import { parseCase } from '../case/validate.js';
import { citationRegistrySchema, type Citation } from '../citations/registry.js';
import { CaseValidationError, OptionsError, RULE_SET_ISSUE_CODES, RuleSetError, type CaseIssueCode } from '../errors.js';
import { makeIssue } from '../locales/issues.js';
import { compareIssues, compareStrings, formatPath, type Issue, type SafeFailure } from '../support/issues.js';
import { checkExtensions } from '../facts/custom.js';
import { IDENTIFIER_PATTERN, RULE_SET_LIMITS } from '../rules/schema.js';
import { snapshotJson } from '../support/json-scan.js';
import { mapZodIssues } from '../support/zod-issues.js';
import { operatorRegistry } from '../rules/custom-operators.js';
import type { OperatorDefinition } from '../rules/operators.js';
import { buildRuleBook, type RuleBook } from '../rules/rule-book.js';
import { inForceMask, type InForceMask } from './assemble.js';
import { resolveOptions, type EvaluateOptions, type ResolvedOptions } from './options.js';
import { evaluationSteps, runStepsAsync, runStepsSync, type EvaluationContext, type EvaluationSteps } from './pipeline.js';
import type { CaseEvaluation } from './result.js';
import type { RuleTexts } from './wording.js';
import { createCompiledRunner, ruleLists, type EngineName, type RuleLists, type RuleRunner, type SyncRuleRunner } from './runners.js';
import { ACTION_CODE_PATTERN } from '../rules/schema.js';
import { ACTION_ROLE_NAMES, ACTION_ROLES, type ActionRole } from './vocabulary.js';

/** Options of `createEvaluator`. */
export interface EvaluatorOptions {
  /** Rule sets (parsed JSON) to use besides, or instead of, the bundled ones. */
  readonly ruleSets?: readonly unknown[];
  /** Citations the added rule sets cite, by id (ids may not repeat bundled ones). */
  readonly citations?: Readonly<Record<string, unknown>>;
  /** Whether to include the bundled rule sets and citations. Default `true`. */
  readonly includeDefaults?: boolean;
  /**
   * Default engine of `evaluate`: `compiled` (the default) or `json-rules-engine` (the
   * reference engine, asynchronous only).
   */
  readonly engine?: EngineName;
  /**
   * Files of documented patterns of misuse by requesting states (the format of
   * `rules/misuse-patterns.json`), used besides the bundled file — or instead of it when
   * `includeDefaults` is false.
   */
  readonly misusePatterns?: readonly unknown[];
  /** Custom operators the added rule sets use, with their type signature. */
  readonly operators?: readonly OperatorDefinition[];
  /**
   * A list of INTERPOL's member countries (the format of `rules/interpol-members.json`) that
   * replaces the bundled one: who can confirm refugee status to INTERPOL, from which date.
   */
  readonly interpolMembers?: unknown;
  /**
   * Lists of the parties to the Refugee Convention, its Protocol and the Convention against
   * Torture (the format of `rules/treaty-parties.json`) that replace the bundled ones.
   */
  readonly treatyParties?: unknown;
  /**
   * Roles of action codes in the order of work (`liberty`: acts on a deprivation of liberty or a
   * removal; `unlocks`: unlocks the outcome), for the codes of one's own rule sets, besides or
   * instead of `ACTION_ROLES`. A code without a role is ordered by its deadline and priority.
   */
  readonly actionRoles?: Readonly<Record<string, ActionRole>>;
}

/** Id, version and content hash of a rule set in use. */
export interface RuleSetStamp {
  readonly id: string;
  readonly version: string;
  readonly hash: string;
}

/**
 * Result of a safe evaluation: the evaluation, or the issues — with the error that
 * `evaluateCase` would have thrown (a `CaseValidationError`, or an `OptionsError` for bad
 * options).
 */
export type SafeEvaluation = { readonly success: true; readonly evaluation: CaseEvaluation } | SafeEvaluationFailure;

/** A safe evaluation that failed: the issues, and the error that `evaluateCase` would have thrown. */
export interface SafeEvaluationFailure extends SafeFailure<CaseIssueCode> {
  /** A `CaseValidationError` (an `OptionsError` when the options are at fault); its `issues` are `issues`. */
  readonly error: CaseValidationError;
}

/** Rule sets compiled once, ready to evaluate cases. */
export interface Evaluator {
  /** The rule sets in use, sorted by id. */
  readonly ruleSets: readonly RuleSetStamp[];
  /**
   * The texts of its rule sets, by rule id: what `renderReport` and `localizeEvaluation` word
   * this evaluator's evaluations with, in any locale.
   */
  readonly ruleTexts: RuleTexts;
  /** Validates and evaluates a case; throws `CaseValidationError` on a bad case, `OptionsError` on bad options. */
  evaluate(input: unknown, options?: EvaluateOptions): Promise<CaseEvaluation>;
  /** Like `evaluate`, but returns the validation error instead of throwing it. */
  safeEvaluate(input: unknown, options?: EvaluateOptions): Promise<SafeEvaluation>;
  /**
   * `evaluate`, synchronously, on the compiled engine (the same result). Throws a `TypeError`
   * when the engine is `json-rules-engine`, which runs asynchronously only.
   */
  evaluateSync(input: unknown, options?: EvaluateOptions): CaseEvaluation;
  /** `safeEvaluate`, synchronously, on the compiled engine. */
  safeEvaluateSync(input: unknown, options?: EvaluateOptions): SafeEvaluation;
}

/**
 * Creates an evaluator: validates, checks and compiles the rule sets once. Throws
 * `RuleSetError` (with every issue) when a rule set or citation does not load.
 *
 * @example
 * ```ts
 * import { createEvaluator } from 'red-notice-rules';
 *
 * const myNationalPractice = {
 *   id: 'my-practice',
 *   version: '1.0.0',
 *   title: 'My practice',
 *   rules: [
 *     {
 *       id: 'my-practice.review-diffusions',
 *       title: 'Review every diffusion',
 *       citations: ['my.guidance'],
 *       scope: 'notice',
 *       effect: 'mandatory',
 *       conditions: { all: [{ fact: 'notice.kind', operator: 'equal', value: 'diffusion' }] },
 *       action: { code: 'human_review', priority: 'normal', explanation: 'Our practice has a second lawyer review every diffusion.' },
 *     },
 *   ],
 * };
 * const myCitations = { 'my.guidance': { instrument: 'Internal guidance', provision: 'Section 2', summary: 'A second lawyer reviews every diffusion.', verification: 'primary' } };
 * const evaluator = createEvaluator({ ruleSets: [myNationalPractice], citations: myCitations });
 * const caseJson = { schemaVersion: 1, notices: [{ id: 'df-1', kind: 'diffusion', requestingCountry: 'TJ' }], asylum: [] };
 * const evaluation = await evaluator.evaluate(caseJson, { asOf: '2026-01-15' });
 * evaluation.actions.some((action) => action.ruleId === 'my-practice.review-diffusions'); // true
 * evaluator.evaluateSync(caseJson, { asOf: '2026-01-15' }); // evaluation
 * ```
 */
export function createEvaluator(options: EvaluatorOptions = {}): Evaluator {
  const { book, misusePatterns, reference } = loadRuleBook(options);
  return new RuleBookEvaluator(book, options.engine ?? 'compiled', misusePatterns, reference, actionRolesOf(options.actionRoles));
}

/** @internal The roles of action codes: the library's, with the evaluator's own; throws `RuleSetError` for a bad one. */
function actionRolesOf(given: Readonly<Record<string, unknown>> | undefined): Readonly<Record<string, ActionRole>> {
  if (given === undefined) return ACTION_ROLES;
  const issues: Issue[] = [];
  const roles: Record<string, ActionRole> = { ...ACTION_ROLES };
  for (const [code, role] of Object.entries(given)) {
    const path = formatPath(['actionRoles', code], (key) => ACTION_CODE_PATTERN.test(key));
    if (!ACTION_CODE_PATTERN.test(code)) issues.push(makeIssue('invalid_action_code', path));
    else if (!(ACTION_ROLE_NAMES as readonly unknown[]).includes(role)) issues.push(makeIssue('invalid_value', path, { allowed: ACTION_ROLE_NAMES.join(', ') }));
    else roles[code] = role as ActionRole;
  }
  if (issues.length > 0) throw new RuleSetError(issues);
  return roles;
}

/**
 * @internal Everything an evaluator rests on, loaded and checked: the rule book (rule sets,
 * citations, operators) and the misuse patterns. Throws `RuleSetError` with every issue.
 */
export function loadRuleBook(options: EvaluatorOptions = {}): { book: RuleBook; misusePatterns: MisusePattern[]; reference: ReferenceData } {
  const includeDefaults = options.includeDefaults ?? true;
  const citations = loadCitations(includeDefaults, options.citations);
  const bundled = includeDefaults ? BUNDLED_RULE_SETS : [];
  const ruleSets = [...bundled, ...(options.ruleSets ?? [])];
  const registry = operatorRegistry(options.operators);
  if (registry.issues.length > 0) throw new RuleSetError(registry.issues);
  // Paths name the rule sets as the caller does: `[k]` for the k-th of `ruleSets`, `bundled[k]` for a bundled one.
  const built = buildRuleBook(ruleSets, citations, registry.operators, (index) => (index < bundled.length ? `bundled[${index}]` : `[${index - bundled.length}]`));
  if (!built.success) throw new RuleSetError(built.issues);
  const misusePatterns = loadMisusePatterns([...(includeDefaults ? [BUNDLED_MISUSE_PATTERNS] : []), ...(options.misusePatterns ?? [])]);
  const reference: ReferenceData = {
    membership: options.interpolMembers === undefined ? bundledMembershipList() : membershipList(loadReferenceFile(interpolMembersFileSchema, options.interpolMembers, 'interpolMembers')),
    treaties: options.treatyParties === undefined ? bundledTreatyLists() : treatyLists(loadReferenceFile(treatyPartiesFileSchema, options.treatyParties, 'treatyParties')),
  };
  return { book: built.book, misusePatterns, reference };
}

/** @internal The reference data an evaluator derives facts with. */
interface ReferenceData {
  readonly membership: MembershipList;
  readonly treaties: TreatyLists;
}

/** @internal A reference-data file given to `createEvaluator`, checked (issues under `option`). */
function loadReferenceFile<T>(schema: z.ZodType<T>, given: unknown, option: string): T {
  const scanned = snapshotJson(given, { characters: RULE_SET_LIMITS.characters, depth: RULE_SET_LIMITS.depth });
  if (!scanned.success) throw new RuleSetError(scanned.issues.map((issue) => ({ ...issue, path: `${option}${issue.path.startsWith('[') || issue.path === '' ? '' : '.'}${issue.path}` })));
  const parsed = schema.safeParse(scanned.value);
  if (!parsed.success) {
    const issues = mapZodIssues(parsed.error.issues, scanned.value, { makeIssue, unknownKeyVariant: 'ruleSet', customCodes: RULE_SET_ISSUE_CODES });
    throw new RuleSetError(issues.map((issue) => ({ ...issue, path: `${option}${issue.path.startsWith('[') || issue.path === '' ? '' : '.'}${issue.path}` })));
  }
  return parsed.data;
}

/** @internal Misuse-pattern files, checked; ids must not repeat. */
function loadMisusePatterns(files: readonly unknown[]): MisusePattern[] {
  const issues: Issue[] = [];
  const patterns = new Map<string, MisusePattern>();
  files.forEach((given, index) => {
    const scanned = snapshotJson(given, { characters: RULE_SET_LIMITS.characters, depth: RULE_SET_LIMITS.depth });
    if (!scanned.success) {
      issues.push(...scanned.issues.map((issue) => ({ ...issue, path: `misusePatterns[${index}]${issue.path.startsWith('[') || issue.path === '' ? '' : '.'}${issue.path}` })));
      return;
    }
    const file = scanned.value;
    const parsed = misusePatternFileSchema.safeParse(file);
    if (!parsed.success) {
      const mapped = mapZodIssues(parsed.error.issues, file, { makeIssue, unknownKeyVariant: 'misusePatterns', customCodes: RULE_SET_ISSUE_CODES });
      issues.push(...mapped.map((issue) => ({ ...issue, path: `misusePatterns[${index}]${issue.path.startsWith('[') || issue.path === '' ? '' : '.'}${issue.path}` })));
      return;
    }
    parsed.data.patterns.forEach((pattern, position) => {
      if (patterns.has(pattern.id)) {
        issues.push(makeIssue('duplicate_pattern_id', `misusePatterns[${index}].patterns[${position}].id`));
      }
      patterns.set(pattern.id, pattern);
    });
  });
  if (issues.length > 0) throw new RuleSetError(issues);
  return [...patterns.values()];
}

/** @internal Bundled and added citations, checked. */
function loadCitations(includeDefaults: boolean, added: Readonly<Record<string, unknown>> | undefined): Map<string, Citation> {
  const citations = new Map<string, Citation>(includeDefaults ? Object.entries(BUNDLED_CITATIONS) : []);
  if (added === undefined) return citations;
  const scanned = snapshotJson({ citations: added }, { characters: RULE_SET_LIMITS.characters, depth: RULE_SET_LIMITS.depth });
  if (!scanned.success) throw new RuleSetError(scanned.issues);
  const parsed = citationRegistrySchema.safeParse(scanned.value);
  if (!parsed.success) {
    const issues = mapZodIssues(parsed.error.issues, scanned.value, { makeIssue, unknownKeyVariant: 'citation', customCodes: RULE_SET_ISSUE_CODES, revealKey: (key) => IDENTIFIER_PATTERN.test(key) });
    throw new RuleSetError(issues);
  }
  const issues: Issue[] = [];
  for (const [id, citation] of Object.entries(parsed.data.citations)) {
    if (citations.has(id)) {
      issues.push(makeIssue('duplicate_citation_id', `citations[${JSON.stringify(id)}]`));
    }
    citations.set(id, citation);
  }
  if (issues.length > 0) throw new RuleSetError(issues);
  return citations;
}

/** @internal How many dates' in-force masks an evaluator keeps. */
const MASK_CACHE_SIZE = 256;

/** @internal The evaluator over one rule book. */
class RuleBookEvaluator implements Evaluator {
  readonly ruleSets: readonly RuleSetStamp[];
  readonly ruleTexts: RuleTexts;
  private readonly context: EvaluationContext;
  private readonly compiled: SyncRuleRunner;
  private jre: Promise<RuleRunner> | undefined;

  constructor(
    book: RuleBook,
    private readonly defaultEngine: EngineName,
    misusePatterns: readonly MisusePattern[],
    reference: ReferenceData,
    actionRoles: Readonly<Record<string, ActionRole>>,
  ) {
    const lists = ruleLists(book);
    this.ruleSets = book.ruleSets
      .map((ruleSet) => ({ id: ruleSet.id, version: ruleSet.version, hash: ruleSet.hash }))
      .sort((a, b) => compareStrings(a.id, b.id));
    this.ruleTexts = { rules: new Map(book.rules.map((rule) => [rule.id, rule.json])), factorActions: book.factorActions };
    this.compiled = createCompiledRunner(lists);
    this.context = { book, lists, ruleSets: this.ruleSets, misusePatterns, ...reference, inForce: inForceCache(lists), actionRoles };
  }

  /** json-rules-engine, loaded on first use only (the compiled engine never needs it). */
  private jreRunner(): Promise<RuleRunner> {
    this.jre ??= import('./jre-runner.js').then((module) => module.createJreRunner(this.context.lists, this.context.book.operators));
    return this.jre;
  }

  /** Options checked and defaults applied; throws `OptionsError`. */
  private resolve(options: EvaluateOptions | undefined): ResolvedOptions {
    const resolved = resolveOptions(options, this.defaultEngine);
    if (!resolved.success) throw new OptionsError(resolved.issues);
    return resolved.options;
  }

  /** The case validated (throws `CaseValidationError`), and the steps of its evaluation. */
  private steps(input: unknown, options: ResolvedOptions): EvaluationSteps {
    const parsed = parseCase(input);
    if (!parsed.success) throw new CaseValidationError(parsed.issues);
    // The rule sets' own facts: their values in `extensions` must fit the types the rule sets declare.
    const extensionIssues = checkExtensions(parsed.case, this.context.book.customFacts);
    if (extensionIssues.length > 0) throw new CaseValidationError(extensionIssues.sort(compareIssues));
    return evaluationSteps(this.context, parsed.case, options);
  }

  async evaluate(input: unknown, options?: EvaluateOptions): Promise<CaseEvaluation> {
    const resolved = this.resolve(options);
    const steps = this.steps(input, resolved);
    if (resolved.engine === 'compiled') return runStepsSync(steps, this.compiled);
    return runStepsAsync(steps, await this.jreRunner());
  }

  evaluateSync(input: unknown, options?: EvaluateOptions): CaseEvaluation {
    const resolved = this.resolve(options);
    if (resolved.engine !== 'compiled') {
      throw new TypeError('The json-rules-engine engine runs asynchronously only: call evaluate(), or use the compiled engine.');
    }
    return runStepsSync(this.steps(input, resolved), this.compiled);
  }

  async safeEvaluate(input: unknown, options?: EvaluateOptions): Promise<SafeEvaluation> {
    try {
      return { success: true, evaluation: await this.evaluate(input, options) };
    } catch (error) {
      return validationFailure(error);
    }
  }

  safeEvaluateSync(input: unknown, options?: EvaluateOptions): SafeEvaluation {
    try {
      return { success: true, evaluation: this.evaluateSync(input, options) };
    } catch (error) {
      return validationFailure(error);
    }
  }
}

/** @internal A validation error (of the case or the options) as a failed safe evaluation; anything else is thrown on. */
function validationFailure(error: unknown): SafeEvaluationFailure {
  if (error instanceof CaseValidationError) return { success: false, error, issues: error.issues };
  throw error;
}

/** @internal The in-force masks of a book's lists, computed once per date (up to `MASK_CACHE_SIZE` dates). */
function inForceCache(lists: RuleLists): (asOf: string) => InForceMask {
  const masks = new Map<string, InForceMask>();
  return (asOf) => {
    let mask = masks.get(asOf);
    if (mask === undefined) {
      if (masks.size >= MASK_CACHE_SIZE) masks.clear();
      mask = inForceMask(lists, asOf);
      masks.set(asOf, mask);
    }
    return mask;
  };
}
