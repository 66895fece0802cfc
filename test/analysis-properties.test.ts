/**
 * Properties of the analysis over generated rule sets and generated cases: what it proves holds
 * for every case tried, what it shows it shows, and the fact space it reasons over is the one
 * the derivation makes.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generatedRuleSet, GENERATED_CITATIONS } from '../bench/generated-rules.js';
import { analyzeRuleSets, type Finding } from '../src/analysis/index.js';
import { FACT_GROUPS, GROUP_NAMES } from '../src/analysis/realise.js';
import { INVARIANTS, NEVER_UNKNOWN, dataInvariants, unknownInvariantFacts, type Invariant, type InvariantCondition } from '../src/analysis/fact-space.js';
import { WitnessEvaluator } from '../src/analysis/witness.js';
import { loadRuleBook } from '../src/evaluation/evaluator.js';
import type { FactSnapshot } from '../src/facts/snapshot.js';
import { BUILT_IN_OPERATORS, createEvaluator, FACT_CATALOGUE, type Case } from '../src/index.js';
import { FALSE, TRUE } from '../src/rules/conditions.js';
import { caseAndDateArb } from './arbitraries.js';

const SEEDS = [1, 2, 3, 4] as const;
const RULES = 60;
const CASES_PER_SEED = 2_000;

/** Generated valid cases and the dates to judge them at (the same for a seed). */
const casesFor = (seed: number) => fc.sample(caseAndDateArb, { numRuns: CASES_PER_SEED, seed }) as unknown as Array<[Case, string]>;

describe('over generated rule sets', () => {
  test.each(SEEDS)('seed %i: no generated case makes a rule proven unreachable true while in force', (seed) => {
    const set = generatedRuleSet(RULES, seed);
    const findings = analyzeRuleSets([set], { citations: GENERATED_CITATIONS }).findings;
    const unreachable = new Set(findings.flatMap((finding) => (finding.code === 'unreachable' ? [finding.ruleId] : [])));
    // The generated sets plant contradictions enough for the property to bite.
    expect(unreachable.size).toBeGreaterThan(0);
    const { book, misusePatterns } = loadRuleBook({ ruleSets: [set], citations: GENERATED_CITATIONS });
    const evaluator = new WitnessEvaluator(book, misusePatterns);
    for (const [value, asOf] of casesFor(seed)) evaluator.run(value, asOf);
    expect(evaluator.invalid).toBe(0);
    expect(evaluator.cases).toBe(CASES_PER_SEED);
    const reached = [...evaluator.reached].filter((rule) => rule.ruleSet === 'generated').map((rule) => rule.id);
    // The cases reach many generated rules (so they do reach into the rule set), and none proven unreachable.
    expect(reached.length).toBeGreaterThan(RULES / 3);
    expect(reached.filter((id) => unreachable.has(id))).toEqual([]);
  }, 120_000);

  /** The witnessed findings of the analysis of a generated set, with both engines evaluating each witness (json-rules-engine one in ten). */
  async function checkWitnesses(set: ReturnType<typeof generatedRuleSet>, includeDefaults: boolean): Promise<Record<string, number>> {
    const options = { citations: GENERATED_CITATIONS, includeDefaults };
    const findings = analyzeRuleSets([set], options).findings;
    const witnessed = findings.filter((finding): finding is Extract<Finding, { witness: unknown }> => 'witness' in finding);
    const engines = { compiled: createEvaluator({ ...options, ruleSets: [set], engine: 'compiled' }), jre: createEvaluator({ ...options, ruleSets: [set], engine: 'json-rules-engine' }) };
    const counts: Record<string, number> = {};
    for (const finding of witnessed) {
      counts[finding.code] = (counts[finding.code] ?? 0) + 1;
      if (finding.code === 'knock_on') {
        // The reader decides otherwise with the change than without it (the rule keeps its conditions, not its exceptionTo entry).
        const without = {
          ...set,
          rules: set.rules.map((rule) => {
            if (rule.id !== finding.changedBy.ruleId) return rule;
            const { exceptionTo, ...rest } = rule;
            const left = (exceptionTo as string[]).filter((id) => id !== finding.changedBy.target);
            return left.length === 0 ? rest : { ...rest, exceptionTo: left };
          }),
        };
        const truth = (ruleSets: unknown[]) => {
          const { book, misusePatterns } = loadRuleBook({ ...options, ruleSets });
          const evaluator = new WitnessEvaluator(book, misusePatterns);
          return evaluator.truthOf(evaluator.run(finding.witness.case, finding.witness.asOf)!, book.byId.get(finding.ruleId)!);
        };
        expect(finding.changedBy.via).toBe('exceptionTo');
        expect(truth([without])).toBe(finding.before === 'fires' ? TRUE : FALSE);
        expect(truth([set])).toBe(finding.before === 'fires' ? FALSE : TRUE);
        continue;
      }
      for (const engine of counts[finding.code]! % 10 === 1 ? (['compiled', 'jre'] as const) : (['compiled'] as const)) {
        const evaluation = await engines[engine].evaluate(finding.witness.case, { asOf: finding.witness.asOf });
        const notice = evaluation.notices.find((item) => item.noticeId === finding.witness.noticeId)!;
        if (finding.code === 'conflict') {
          expect(notice.resolution.code).toBe('conflicting_rules');
          expect(notice.resolution.rules).toEqual(expect.arrayContaining([...finding.rules]));
        } else {
          expect(notice.resolution.code).toBe('no_rule_applies');
        }
      }
    }
    return counts;
  }

  test.each(SEEDS)('seed %i, with the bundled rule sets: every witness reproduces its finding', async (seed) => {
    const counts = await checkWitnesses(generatedRuleSet(RULES, seed), true);
    expect(counts.conflict ?? 0).toBeGreaterThan(0);
  }, 300_000);

  test('rule sets of their own (no bundled rule sets): every witness of a gap, a conflict or a knock-on effect reproduces it', async () => {
    const totals: Record<string, number> = {};
    for (const seed of [5, 6, 7, 8]) {
      for (const [code, count] of Object.entries(await checkWitnesses(generatedRuleSet(30, seed), false))) totals[code] = (totals[code] ?? 0) + count;
    }
    expect(Object.keys(totals).sort()).toEqual(['conflict', 'gap', 'knock_on']);
  }, 300_000);
});

// ---- the fact space --------------------------------------------------------------------------

/** Whether an invariant's condition holds for facts given as values (`undefined`: unknown). */
function holds(condition: InvariantCondition, value: (fact: string) => unknown, asOf: string): boolean {
  if ('all' in condition) return condition.all.every((item) => holds(item, value, asOf));
  if ('any' in condition) return condition.any.some((item) => holds(item, value, asOf));
  if ('not' in condition) return !holds(condition.not, value, asOf);
  if ('unknown' in condition) return value(condition.unknown) === undefined;
  if ('before' in condition) {
    const [left, right] = condition.before.map((fact) => (fact === '$asOf' ? asOf : value(fact))) as [string | undefined, string | undefined];
    return left !== undefined && right !== undefined && left < right;
  }
  const actual = value(condition.fact);
  return actual !== undefined && BUILT_IN_OPERATORS.get(condition.operator)!.test(actual as never, condition.value as never);
}

/**
 * The invariants a snapshot breaks for every completion: an unknown fact that has possible
 * values may stand for one of them (the proofs read it either way); empty when some completion
 * satisfies them all.
 */
function brokenInvariants(snapshot: FactSnapshot, invariants: readonly Invariant[], asOf: string): string[] {
  const open = Object.keys(snapshot.possible).filter((fact) => snapshot.values[fact] === undefined && (snapshot.possible[fact]?.length ?? 0) > 0);
  let best: string[] | undefined;
  const choose = (index: number, chosen: Map<string, unknown>): boolean => {
    if (index === open.length) {
      const value = (fact: string) => (chosen.has(fact) ? chosen.get(fact) : snapshot.values[fact]);
      const broken = invariants.filter((invariant) => !holds(invariant.condition, value, asOf)).map((invariant) => invariant.id);
      if (best === undefined || broken.length < best.length) best = broken;
      return broken.length === 0;
    }
    const fact = open[index]!;
    for (const option of [undefined, ...snapshot.possible[fact]!]) {
      chosen.set(fact, option);
      if (choose(index + 1, chosen)) return true;
    }
    chosen.delete(fact);
    return false;
  };
  return choose(0, new Map()) ? [] : best!;
}

describe('the fact space the proofs reason over', () => {
  const { book, misusePatterns } = loadRuleBook({});
  const invariants = [...INVARIANTS, ...dataInvariants(misusePatterns.flatMap((pattern) => pattern.countries))];

  test('every invariant of the derivation holds for the facts of thousands of generated cases (for some completion of what is unknown)', () => {
    const evaluator = new WitnessEvaluator(book, misusePatterns);
    let snapshots = 0;
    const failures: string[] = [];
    for (const seed of SEEDS) {
      for (const [value, asOf] of casesFor(seed + 100)) {
        const run = evaluator.run(value, asOf)!;
        for (const [i, notice] of run.settlement.notices.entries()) {
          const broken = brokenInvariants(notice.passes[0].facts, invariants, asOf);
          snapshots++;
          if (broken.length > 0 && failures.length < 5) failures.push(`${broken.join(', ')} — notice ${i} of ${JSON.stringify(value)} at ${asOf}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(snapshots).toBeGreaterThan(SEEDS.length * CASES_PER_SEED);
  }, 120_000);

  test('the facts it takes as never unknown are known in every generated case', () => {
    const evaluator = new WitnessEvaluator(book, misusePatterns);
    const derived = [...NEVER_UNKNOWN].filter((fact) => FACT_CATALOGUE.find((entry) => entry.name === fact)?.source !== 'result');
    const unknownSeen = new Set<string>();
    for (const [value, asOf] of casesFor(7)) {
      const run = evaluator.run(value, asOf)!;
      for (const notice of run.settlement.notices) for (const fact of derived) if (notice.passes[0].facts.values[fact] === undefined) unknownSeen.add(fact);
      for (const fact of ['notice.outcome', 'notice.actionCodes']) for (const notice of run.settlement.notices) if (notice.passes[1].facts.values[fact] === undefined) unknownSeen.add(fact);
    }
    expect([...unknownSeen]).toEqual([]);
  }, 60_000);

  test('every fact of the catalogue the derivation gives has a constructor (one group each): a new fact without one fails here', () => {
    const listed = GROUP_NAMES.flatMap((group) => FACT_GROUPS[group]);
    const derived = FACT_CATALOGUE.filter((fact) => fact.source !== 'result').map((fact) => fact.name);
    expect([...listed].sort()).toEqual([...derived].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  test('the invariants name facts of the catalogue only', () => {
    expect(unknownInvariantFacts().filter((fact) => fact !== '$asOf')).toEqual([]);
  });
});
