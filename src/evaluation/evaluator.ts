/**
 * Evaluators: rule sets and citations loaded, checked and compiled once, then used for any
 * number of cases, concurrently or not.
 *
 * @module
 */
import { BUNDLED_CITATIONS, BUNDLED_MISUSE_PATTERNS, BUNDLED_RULE_SETS } from '../bundled.js';
import { misusePatternFileSchema, type MisusePattern } from '../context/misuse-patterns.js';
import { parseCase } from '../case/validate.js';
import { citationRegistrySchema, type Citation } from '../citations/registry.js';
import { CaseValidationError, RuleSetError } from '../errors.js';
import { compareStrings, type Issue } from '../support/issues.js';
import { IDENTIFIER_PATTERN, RULE_SET_LIMITS } from '../rules/schema.js';
import { snapshotJson } from '../support/json-scan.js';
import { FIELD_MESSAGES } from '../support/fields.js';
import { mapZodIssues } from '../support/zod-issues.js';
import { operatorRegistry } from '../rules/custom-operators.js';
import type { OperatorDefinition } from '../rules/operators.js';
import { buildRuleBook, type RuleBook } from '../rules/rule-book.js';
import { inForceMask, type InForceMask } from './assemble.js';
import { resolveOptions, type EvaluateOptions, type ResolvedOptions } from './options.js';
import { evaluationSteps, runStepsAsync, runStepsSync, type EvaluationContext, type EvaluationSteps } from './pipeline.js';
import type { CaseEvaluation } from './result.js';
import { createCompiledRunner, ruleLists, type EngineName, type RuleLists, type RuleRunner, type SyncRuleRunner } from './runners.js';

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
}

/** Id, version and content hash of a rule set in use. */
export interface RuleSetStamp {
  readonly id: string;
  readonly version: string;
  readonly hash: string;
}

/** Result of a safe evaluation: the evaluation, or the validation error. */
export type SafeEvaluation =
  | { readonly success: true; readonly evaluation: CaseEvaluation }
  | { readonly success: false; readonly error: CaseValidationError };

/** Rule sets compiled once, ready to evaluate cases. */
export interface Evaluator {
  /** The rule sets in use, sorted by id. */
  readonly ruleSets: readonly RuleSetStamp[];
  /** Validates and evaluates a case; throws `CaseValidationError` on bad input or options. */
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
 * const evaluator = createEvaluator({ ruleSets: [myNationalPractice], citations: myCitations });
 * const evaluation = await evaluator.evaluate(caseJson, { asOf: '2026-01-15' });
 * const same = evaluator.evaluateSync(caseJson, { asOf: '2026-01-15' });
 * ```
 */
export function createEvaluator(options: EvaluatorOptions = {}): Evaluator {
  const { book, misusePatterns } = loadRuleBook(options);
  return new RuleBookEvaluator(book, options.engine ?? 'compiled', misusePatterns);
}

/**
 * @internal Everything an evaluator rests on, loaded and checked: the rule book (rule sets,
 * citations, operators) and the misuse patterns. Throws `RuleSetError` with every issue.
 */
export function loadRuleBook(options: EvaluatorOptions = {}): { book: RuleBook; misusePatterns: MisusePattern[] } {
  const includeDefaults = options.includeDefaults ?? true;
  const citations = loadCitations(includeDefaults, options.citations);
  const ruleSets = [...(includeDefaults ? BUNDLED_RULE_SETS : []), ...(options.ruleSets ?? [])];
  const registry = operatorRegistry(options.operators);
  if (registry.issues.length > 0) throw new RuleSetError(registry.issues);
  const built = buildRuleBook(ruleSets, citations, registry.operators);
  if (!built.success) throw new RuleSetError(built.issues);
  const misusePatterns = loadMisusePatterns([...(includeDefaults ? [BUNDLED_MISUSE_PATTERNS] : []), ...(options.misusePatterns ?? [])]);
  return { book: built.book, misusePatterns };
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
      const mapped = mapZodIssues(parsed.error.issues, file, {
        customMessages: FIELD_MESSAGES,
        unknownKeyMessage: 'This key is not part of the misuse-pattern format.',
      });
      issues.push(...mapped.map((issue) => ({ ...issue, path: `misusePatterns[${index}]${issue.path.startsWith('[') || issue.path === '' ? '' : '.'}${issue.path}` })));
      return;
    }
    parsed.data.patterns.forEach((pattern, position) => {
      if (patterns.has(pattern.id)) {
        issues.push({ code: 'duplicate_pattern_id', path: `misusePatterns[${index}].patterns[${position}].id`, message: 'Another pattern already has this id.', severity: 'error' });
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
    const issues = mapZodIssues(parsed.error.issues, scanned.value, {
      customMessages: FIELD_MESSAGES,
      unknownKeyMessage: 'This key is not part of a citation.',
      revealKey: (key) => IDENTIFIER_PATTERN.test(key),
    });
    throw new RuleSetError(issues);
  }
  const issues: Issue[] = [];
  for (const [id, citation] of Object.entries(parsed.data.citations)) {
    if (citations.has(id)) {
      issues.push({ code: 'duplicate_citation_id', path: `citations[${JSON.stringify(id)}]`, message: 'A bundled citation already has this id.', severity: 'error' });
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
  private readonly context: EvaluationContext;
  private readonly compiled: SyncRuleRunner;
  private jre: Promise<RuleRunner> | undefined;

  constructor(
    book: RuleBook,
    private readonly defaultEngine: EngineName,
    misusePatterns: readonly MisusePattern[],
  ) {
    const lists = ruleLists(book);
    this.ruleSets = book.ruleSets
      .map((ruleSet) => ({ id: ruleSet.id, version: ruleSet.version, hash: ruleSet.hash }))
      .sort((a, b) => compareStrings(a.id, b.id));
    this.compiled = createCompiledRunner(lists);
    this.context = { book, lists, ruleSets: this.ruleSets, misusePatterns, inForce: inForceCache(lists) };
  }

  /** json-rules-engine, loaded on first use only (the compiled engine never needs it). */
  private jreRunner(): Promise<RuleRunner> {
    this.jre ??= import('./jre-runner.js').then((module) => module.createJreRunner(this.context.lists, this.context.book.operators));
    return this.jre;
  }

  /** Options checked and defaults applied; throws `CaseValidationError`. */
  private resolve(options: EvaluateOptions | undefined): ResolvedOptions {
    const resolved = resolveOptions(options, this.defaultEngine);
    if (!resolved.success) throw new CaseValidationError(resolved.issues);
    return resolved.options;
  }

  /** The case validated (throws `CaseValidationError`), and the steps of its evaluation. */
  private steps(input: unknown, options: ResolvedOptions): EvaluationSteps {
    const parsed = parseCase(input);
    if (!parsed.success) throw new CaseValidationError(parsed.issues);
    // The fingerprint is taken of the case as validated (read once, plain data), never of the
    // caller's value again: a getter or a Proxy in it cannot run a second time.
    return evaluationSteps(this.context, parsed.case, parsed.case, options);
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

/** @internal A validation error as a failed safe evaluation; anything else is thrown on. */
function validationFailure(error: unknown): SafeEvaluation {
  if (error instanceof CaseValidationError) return { success: false, error };
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
