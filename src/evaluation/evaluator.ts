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
import { deriveFacts } from '../facts/derive.js';
import { contentHash } from '../support/hash.js';
import { compareStrings, type Issue } from '../support/issues.js';
import { IDENTIFIER_PATTERN } from '../rules/schema.js';
import { FIELD_MESSAGES } from '../support/fields.js';
import { mapZodIssues } from '../support/zod-issues.js';
import { operatorRegistry } from '../rules/custom-operators.js';
import type { OperatorDefinition } from '../rules/operators.js';
import { buildRuleBook, type RuleBook } from '../rules/rule-book.js';
import { LIBRARY_NAME, LIBRARY_VERSION } from '../version.js';
import { assemble, inForceMask } from './assemble.js';
import { createJreRunner } from './jre-runner.js';
import { resolveOptions, type EvaluateOptions } from './options.js';
import type { CaseEvaluation } from './result.js';
import { createCompiledRunner, ruleLists, type EngineName, type RuleLists, type RuleRunner } from './runners.js';
import { decideOutcome, settle, withResultFacts } from './subject.js';

/** Options of `createEvaluator`. */
export interface EvaluatorOptions {
  /** Rule sets (parsed JSON) to use besides, or instead of, the bundled ones. */
  readonly ruleSets?: readonly unknown[];
  /** Citations the added rule sets cite, by id (ids may not repeat bundled ones). */
  readonly citations?: Readonly<Record<string, unknown>>;
  /** Whether to include the bundled rule sets and citations. Default `true`. */
  readonly includeDefaults?: boolean;
  /** Default engine of `evaluate`. Default `json-rules-engine`. */
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
 * ```
 */
export function createEvaluator(options: EvaluatorOptions = {}): Evaluator {
  const { book, misusePatterns } = loadRuleBook(options);
  return new RuleBookEvaluator(book, options.engine ?? 'json-rules-engine', misusePatterns);
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
  files.forEach((file, index) => {
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
  const parsed = citationRegistrySchema.safeParse({ citations: added });
  if (!parsed.success) {
    const issues = mapZodIssues(parsed.error.issues, { citations: added }, {
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

/** @internal The evaluator over one rule book. */
class RuleBookEvaluator implements Evaluator {
  readonly ruleSets: readonly RuleSetStamp[];
  private readonly lists: RuleLists;
  private readonly runners = new Map<EngineName, RuleRunner>();

  constructor(
    private readonly book: RuleBook,
    private readonly defaultEngine: EngineName,
    private readonly misusePatterns: readonly MisusePattern[],
  ) {
    this.lists = ruleLists(book);
    this.ruleSets = book.ruleSets
      .map((ruleSet) => ({ id: ruleSet.id, version: ruleSet.version, hash: ruleSet.hash }))
      .sort((a, b) => compareStrings(a.id, b.id));
  }

  private runner(engine: EngineName): RuleRunner {
    let runner = this.runners.get(engine);
    if (!runner) {
      runner = engine === 'compiled' ? createCompiledRunner(this.lists) : createJreRunner(this.lists, this.book.operators);
      this.runners.set(engine, runner);
    }
    return runner;
  }

  async evaluate(input: unknown, options?: EvaluateOptions): Promise<CaseEvaluation> {
    const resolved = resolveOptions(options, this.defaultEngine);
    if (!resolved.success) throw new CaseValidationError(resolved.issues);
    const parsed = parseCase(input);
    if (!parsed.success) throw new CaseValidationError(parsed.issues);
    const { asOf, locale, trace, engine } = resolved.options;
    const { book, lists } = this;
    const derived = deriveFacts(parsed.case, asOf, { misusePatterns: this.misusePatterns });
    const mask = inForceMask(lists, asOf);
    const runner = this.runner(engine);

    // First pass: case rules, and the notice rules that read only derived facts.
    const [caseTruths, ...firstTruths] = await Promise.all([
      runner.run('case', derived.caseFacts, mask.case),
      ...derived.notices.map((notice) => runner.run('notice1', notice.facts, mask.notice1)),
    ]);
    const firstPasses = derived.notices.map((notice, i) => settle(book, lists.notice1, mask.notice1, firstTruths[i]!, notice.facts, notice.notice.id));
    const decisions = firstPasses.map((pass) => decideOutcome(pass));
    // Second pass: notice rules that read what the first pass decided.
    const secondFacts = firstPasses.map((pass, i) => withResultFacts(pass, decisions[i]!));
    const secondTruths = await Promise.all(secondFacts.map((facts) => runner.run('notice2', facts, mask.notice2)));

    return assemble({
      book,
      derived,
      locale,
      trace,
      misusePatterns: this.misusePatterns,
      meta: {
        library: { name: LIBRARY_NAME, version: LIBRARY_VERSION },
        ruleSets: this.ruleSets,
        asOf,
        inputHash: contentHash(input),
        locale,
        replacedRules: book.replaced,
      },
      caseSubject: settle(book, lists.case, mask.case, caseTruths!, derived.caseFacts, undefined),
      notices: derived.notices.map((notice, i) => ({
        passes: [firstPasses[i]!, settle(book, lists.notice2, mask.notice2, secondTruths[i]!, secondFacts[i]!, notice.notice.id)],
        decision: decisions[i]!,
      })),
    });
  }

  async safeEvaluate(input: unknown, options?: EvaluateOptions): Promise<SafeEvaluation> {
    try {
      return { success: true, evaluation: await this.evaluate(input, options) };
    } catch (error) {
      if (error instanceof CaseValidationError) return { success: false, error };
      throw error;
    }
  }
}
