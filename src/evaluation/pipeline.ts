/**
 * The evaluation of a valid case, as one sequence of steps shared by the synchronous and the
 * asynchronous API: derive the facts, ask for the first pass of rules, settle it and decide the
 * outcomes, ask for the second pass, assemble. The steps do not run rules themselves: they
 * yield the runs they need and receive the truths, so the same code is driven by the compiled
 * runner (synchronously) or by json-rules-engine (asynchronously).
 *
 * @module
 */
import type { Case } from '../case/schema.js';
import type { MembershipList } from '../context/interpol-members.js';
import type { MisusePattern } from '../context/misuse-patterns.js';
import type { TreatyLists } from '../context/treaty-parties.js';
import { deriveFacts } from '../facts/derive.js';
import type { FactSnapshot } from '../facts/snapshot.js';
import { contentHash } from '../support/hash.js';
import type { Truth } from '../rules/conditions.js';
import type { RuleBook } from '../rules/rule-book.js';
import { LIBRARY_NAME, LIBRARY_VERSION } from '../version.js';
import { assemble, traceOf, type InForceMask, type SettledNotice } from './assemble.js';
import { defineLazy } from '../support/lazy.js';
import { applyOrderOfWork } from './first-step.js';
import type { ResolvedOptions } from './options.js';
import { missingFactDetails, questionsOf } from './questions.js';
import type { CaseEvaluation } from './result.js';
import type { RuleListName, RuleLists, RuleRunner, SyncRuleRunner } from './runners.js';
import { decideOutcome, settle, withResultFacts } from './subject.js';
import type { ActionRole } from './vocabulary.js';

/** One run of a rule list for one subject, as the steps ask for it. */
export interface RunRequest {
  readonly list: RuleListName;
  readonly facts: FactSnapshot;
  readonly inForce: readonly boolean[];
}

/** The steps of one evaluation: they yield batches of runs, receive their truths, and return the result. */
export type EvaluationSteps = Generator<readonly RunRequest[], CaseEvaluation, readonly (readonly Truth[])[]>;

/** What the steps need from the evaluator: everything compiled once. */
export interface EvaluationContext {
  readonly book: RuleBook;
  readonly lists: RuleLists;
  readonly ruleSets: CaseEvaluation['meta']['ruleSets'];
  readonly misusePatterns: readonly MisusePattern[];
  /** INTERPOL's member countries (default: the bundled list). */
  readonly membership?: MembershipList;
  /** The treaty lists (default: the bundled ones). */
  readonly treaties?: TreatyLists;
  /** Which rules of each list are in force on a date. */
  readonly inForce: (asOf: string) => InForceMask;
  /** The roles of action codes in the order of work (`ACTION_ROLES` and the evaluator's own). */
  readonly actionRoles: Readonly<Record<string, ActionRole>>;
}

/** What the rules came to for a case: its facts, and each subject settled (the notices with their outcomes). */
export interface Settlement {
  readonly derived: ReturnType<typeof deriveFacts>;
  /** Which rules of each list were in force on the date judged at. */
  readonly mask: InForceMask;
  readonly caseSubject: ReturnType<typeof settle>;
  /** Per notice, in input order. */
  readonly notices: readonly SettledNotice[];
}

/** The steps up to the settlement: they yield batches of runs and return what the rules came to. */
export type SettlementSteps = Generator<readonly RunRequest[], Settlement, readonly (readonly Truth[])[]>;

/**
 * The steps of the evaluation of a valid case up to the settlement of its rules: derive the
 * facts, run the first pass, settle it and decide the outcomes, run the second pass. The
 * evaluation assembles its result from the settlement (`evaluationSteps`); the analysis reads
 * the settlement of its witnesses directly.
 *
 * @example
 * ```ts
 * import { parseCase } from '../case/validate.js';
 * import { inForceMask } from './assemble.js';
 * import { loadRuleBook } from './evaluator.js';
 * import { createCompiledRunner, ruleLists } from './runners.js';
 *
 * const { book, misusePatterns } = loadRuleBook();
 * const lists = ruleLists(book);
 * const context = { book, lists, ruleSets: [], misusePatterns, inForce: (asOf: string) => inForceMask(lists, asOf) };
 * const parsed = parseCase({ schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] });
 * const runner = createCompiledRunner(lists);
 * const steps = settlementSteps(context, parsed.success ? parsed.case : (undefined as never), '2026-01-15');
 * let step = steps.next();
 * while (!step.done) step = steps.next(step.value.map((request) => runner.run(request.list, request.facts, request.inForce)));
 * step.value.notices[0]?.decision.outcome; // 'not_applicable'
 * ```
 */
export function* settlementSteps(context: EvaluationContext, value: Case, asOf: string): SettlementSteps {
  const { book, lists } = context;
  const derived = deriveFacts(value, asOf, {
    misusePatterns: context.misusePatterns,
    customFacts: book.customFacts,
    ...(context.membership === undefined ? {} : { membership: context.membership }),
    ...(context.treaties === undefined ? {} : { treaties: context.treaties }),
  });
  const mask = context.inForce(asOf);

  // First pass: case rules, and the notice rules that read only derived facts.
  const [caseTruths, ...firstTruths] = yield [
    { list: 'case', facts: derived.caseFacts, inForce: mask.case },
    ...derived.notices.map((notice): RunRequest => ({ list: 'notice1', facts: notice.facts, inForce: mask.notice1 })),
  ];
  const firstPasses = derived.notices.map((notice, i) => settle(book, lists.notice1, mask.notice1, firstTruths[i]!, notice.facts, notice.notice.id));
  const decisions = firstPasses.map((pass) => decideOutcome(pass));
  // Second pass: notice rules that read what the first pass decided.
  const secondFacts = firstPasses.map((pass, i) => withResultFacts(pass, decisions[i]!, book));
  const secondTruths = yield secondFacts.map((facts): RunRequest => ({ list: 'notice2', facts, inForce: mask.notice2 }));
  return {
    derived,
    mask,
    caseSubject: settle(book, lists.case, mask.case, caseTruths!, derived.caseFacts, undefined),
    notices: derived.notices.map((notice, i) => ({
      passes: [firstPasses[i]!, settle(book, lists.notice2, mask.notice2, secondTruths[i]!, secondFacts[i]!, notice.notice.id)],
      decision: decisions[i]!,
    })),
  };
}

/**
 * The steps of the evaluation of a valid case (`value`, as validated: what is evaluated is what
 * `meta.inputHash` stamps): the settlement, then the result assembled from it.
 *
 * @example
 * ```ts
 * import { parseCase } from '../case/validate.js';
 * import { inForceMask } from './assemble.js';
 * import { loadRuleBook } from './evaluator.js';
 * import { createCompiledRunner, ruleLists } from './runners.js';
 * import { ACTION_ROLES } from './vocabulary.js';
 *
 * const { book, misusePatterns } = loadRuleBook();
 * const lists = ruleLists(book);
 * const context = { book, lists, ruleSets: [], misusePatterns, inForce: (asOf: string) => inForceMask(lists, asOf), actionRoles: ACTION_ROLES };
 * const parsed = parseCase({ schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] });
 * const options = { asOf: '2026-01-15', locale: 'en', trace: 'none', engine: 'compiled', questions: true } as const;
 * const steps = evaluationSteps(context, parsed.success ? parsed.case : (undefined as never), options);
 * // The first step asks for the first pass: the case rules, then each notice's.
 * (steps.next().value as RunRequest[]).map((request) => request.list); // ['case', 'notice1']
 * ```
 */
export function* evaluationSteps(context: EvaluationContext, value: Case, options: ResolvedOptions): EvaluationSteps {
  const { asOf, locale, trace } = options;
  const { book, lists } = context;
  const { derived, mask, caseSubject, notices: settled } = yield* settlementSteps(context, value, asOf);
  const assembled = assemble({
    book,
    derived,
    locale,
    trace,
    misusePatterns: context.misusePatterns,
    meta: {
      library: { name: LIBRARY_NAME, version: LIBRARY_VERSION },
      // Copies: the stamps and the replaced rules are the evaluator's, and a caller may change its
      // result. Both are lists of flat records of strings: a spread of each copies them, at a
      // fraction of the cost of `structuredClone`.
      ruleSets: context.ruleSets.map((stamp) => ({ ...stamp })),
      asOf,
      inputHash: '',
      locale,
      replacedRules: book.replaced.map((replaced) => ({ ...replaced })),
      ...(value.caseId === undefined ? {} : { caseId: value.caseId }),
    },
    mask,
    caseSubject,
    notices: settled,
  });
  const ordered = applyOrderOfWork(assembled, derived, book, context.actionRoles);
  const questions = options.questions
    ? questionsOf({
        book,
        lists,
        mask,
        derived,
        caseSubject,
        notices: settled.map(({ passes: [first, second], decision }) => ({ first, decision, second })),
        roles: context.actionRoles,
        locale,
      })
    : undefined;
  const { meta, protection, firstStep, notices, actions, missingFacts, citations, misusePatterns, warnings } = ordered;
  // What most callers never read is made when first read (or serialised, or cloned), from the
  // state of this evaluation, which nothing changes after this point: the stamp of the input, the
  // details of the missing facts and the trace. Each is a member at its place in the key order
  // (`defineLazy`), so the JSON is byte for byte what it was when they were eager. The questions
  // are made at once: made late, they cost more when the whole result is serialised (measured in
  // `npm run bench`, docs/performance.md).
  const result: CaseEvaluation = {
    meta: defineLazy({ ...meta }, 'inputHash', () => contentHash(value)),
    protection,
    ...(firstStep === undefined ? {} : { firstStep }),
    notices,
    actions,
    ...(questions === undefined ? {} : { questions }),
    missingFacts,
    missingFactDetails: [],
    citations,
    misusePatterns,
    warnings,
    trace: [],
  };
  defineLazy(result, 'missingFactDetails', () => missingFactDetails({ derived, locale }));
  if (trace !== 'none') defineLazy(result, 'trace', () => traceOf(trace, book, caseSubject, settled, locale));
  return result;
}

/**
 * Drives the steps with a synchronous runner.
 *
 * @example
 * ```ts
 * import { parseCase } from '../case/validate.js';
 * import { inForceMask } from './assemble.js';
 * import { loadRuleBook } from './evaluator.js';
 * import { createCompiledRunner, ruleLists } from './runners.js';
 * import { ACTION_ROLES } from './vocabulary.js';
 *
 * const { book, misusePatterns } = loadRuleBook();
 * const lists = ruleLists(book);
 * const context = { book, lists, ruleSets: [], misusePatterns, inForce: (asOf: string) => inForceMask(lists, asOf), actionRoles: ACTION_ROLES };
 * const parsed = parseCase({ schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] });
 * const options = { asOf: '2026-01-15', locale: 'en', trace: 'none', engine: 'compiled', questions: true } as const;
 * const evaluation = runStepsSync(evaluationSteps(context, parsed.success ? parsed.case : (undefined as never), options), createCompiledRunner(lists));
 * evaluation.notices[0]?.outcome; // 'not_applicable'
 * ```
 */
export function runStepsSync(steps: EvaluationSteps, runner: SyncRuleRunner): CaseEvaluation {
  let step = steps.next();
  while (!step.done) step = steps.next(step.value.map((request) => runner.run(request.list, request.facts, request.inForce)));
  return step.value;
}

/**
 * Drives the steps with any runner; the runs of one batch go concurrently.
 *
 * @example
 * ```ts
 * import { parseCase } from '../case/validate.js';
 * import { inForceMask } from './assemble.js';
 * import { loadRuleBook } from './evaluator.js';
 * import { createCompiledRunner, ruleLists } from './runners.js';
 * import { ACTION_ROLES } from './vocabulary.js';
 *
 * const { book, misusePatterns } = loadRuleBook();
 * const lists = ruleLists(book);
 * const context = { book, lists, ruleSets: [], misusePatterns, inForce: (asOf: string) => inForceMask(lists, asOf), actionRoles: ACTION_ROLES };
 * const parsed = parseCase({ schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] });
 * const options = { asOf: '2026-01-15', locale: 'en', trace: 'none', engine: 'compiled', questions: true } as const;
 * import { createJreRunner } from './jre-runner.js';
 *
 * const evaluation = await runStepsAsync(evaluationSteps(context, parsed.success ? parsed.case : (undefined as never), options), createJreRunner(lists, book.operators));
 * evaluation.notices[0]?.outcome; // 'not_applicable'
 * ```
 */
export async function runStepsAsync(steps: EvaluationSteps, runner: RuleRunner): Promise<CaseEvaluation> {
  let step = steps.next();
  while (!step.done) step = steps.next(await Promise.all(step.value.map((request) => runner.run(request.list, request.facts, request.inForce))));
  return step.value;
}
