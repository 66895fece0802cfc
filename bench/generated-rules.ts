/**
 * A generated rule set, as a legal engineer's might look: notice and case rules over the fact
 * catalogue — outcomes, actions, presumptions, exceptions, named conditions shared by several
 * rules, periods in force, rules of the second pass that read the outcome or the actions —
 * every rule valid. Deterministic for a seed: the bench (`npm run bench`) and the analysis
 * tests analyse the same rule sets.
 */
import fc from 'fast-check';
import { FACT_CATALOGUE, OUTCOMES, type FactDefinition } from '../src/index.js';
import { addCalendarDays } from '../src/support/dates.js';

/** The citation every generated rule cites. */
export const GENERATED_CITATIONS = {
  'generated.memo': { instrument: 'Generated memo', provision: 'Paragraph 1', summary: 'A made-up source for generated rules.', verification: 'unverified' },
} as const;

const dates = Array.from({ length: 24 }, (_, i) => addCalendarDays('2014-01-01', i * 137));
const derived = FACT_CATALOGUE.filter((fact) => fact.source !== 'result');
const caseFacts = derived.filter((fact) => fact.scope === 'case');

/** A value of a fact's domain (a few countries and dates only, as rules name them). */
function valueArb(fact: FactDefinition): fc.Arbitrary<string | number> {
  if (fact.type === 'date') return fc.constantFrom(...dates);
  if (fact.type === 'number') return fc.constantFrom(0, 1, 2, 5);
  const values = fact.values ?? [];
  return fc.constantFrom(...(values.length > 30 ? ['TJ', 'RU', 'TR', 'BY', 'CN', 'VE', 'EG', 'DE'].filter((value) => values.includes(value)) : values));
}

/** One comparison, well typed. */
function atomArb(facts: readonly FactDefinition[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.constantFrom(...facts).chain((fact) => {
    const operators =
      fact.type === 'enum-list' ? ['contains', 'doesNotContain'] : fact.type === 'enum' ? ['equal', 'equal', 'notEqual', 'in', 'notIn'] : ['lessThan', 'greaterThanInclusive', 'equal'];
    return fc.constantFrom(...operators).chain((operator) =>
      (operator === 'in' || operator === 'notIn' ? fc.uniqueArray(valueArb(fact), { minLength: 1, maxLength: 3 }) : valueArb(fact)).map((value) => ({ fact: fact.name, operator, value })),
    );
  });
}

/** Conditions: a few comparisons, sometimes grouped or negated, sometimes through a named condition. */
function conditionsArb(facts: readonly FactDefinition[], names: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const atom = atomArb(facts);
  const part = fc.oneof(
    { weight: 6, arbitrary: atom },
    { weight: 1, arbitrary: fc.array(atom, { minLength: 1, maxLength: 3 }).map((any) => ({ any })) },
    { weight: 1, arbitrary: atom.map((inner) => ({ not: inner })) },
    ...(names.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...names).map((condition) => ({ condition })) }] : []),
  );
  return fc.array(part, { minLength: 1, maxLength: 4 }).map((all) => ({ all }));
}

/** The named conditions of the generated set (notice facts: only notice rules use them). */
const namedArb = fc.array(conditionsArb(derived, []), { minLength: 4, maxLength: 4 }).map((list) => Object.fromEntries(list.map((condition, i) => [`shared${i}`, condition])));

/** One rule, by its position (exceptions point at earlier rules of the same kind). */
function ruleArb(index: number, names: readonly string[]) {
  return fc
    .record({
      scope: fc.constantFrom('notice', 'notice', 'notice', 'notice', 'notice', 'case'),
      second: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      effect: fc.constantFrom('mandatory', 'mandatory', 'mandatory', 'presumption'),
      outcome: fc.option(fc.constantFrom(...OUTCOMES.filter((outcome) => outcome !== 'undetermined')), { nil: undefined, freq: 2 }),
      from: fc.option(fc.constantFrom(...dates), { nil: undefined, freq: 4 }),
      exception: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined, freq: 6 }),
      seed: fc.integer(),
    })
    .chain((shape) => {
      const facts = shape.scope === 'case' ? caseFacts : derived;
      const conditions = conditionsArb(facts, shape.scope === 'case' ? [] : names);
      const second = shape.scope === 'notice' && shape.second;
      const withResult = second
        ? fc.tuple(conditions, fc.oneof(fc.constantFrom(...OUTCOMES).map((value) => ({ fact: 'notice.outcome', operator: 'equal', value })), fc.constantFrom('human_review', 'request_deletion', 'file_ccf_request').map((value) => ({ fact: 'notice.actionCodes', operator: 'contains', value })))).map(([base, result]) => ({ all: [...(base.all as unknown[]), result] }))
        : conditions;
      return withResult.map((built) => ({ shape, conditions: built, second }));
    })
    .map(({ shape, conditions, second }) => {
      const outcome = shape.scope === 'notice' && !second ? shape.outcome : undefined;
      const rule: Record<string, unknown> = {
        id: `generated.r${index}`,
        title: `Generated rule ${index}`,
        citations: ['generated.memo'],
        scope: shape.scope,
        effect: outcome === undefined ? 'mandatory' : shape.effect,
        conditions,
      };
      if (outcome !== undefined) rule.outcome = outcome;
      else rule.action = index % 3 === 0 ? { code: 'generated_check', title: 'Check the generated rule', priority: 'normal', explanation: 'Check it.' } : { code: 'human_review', priority: 'low', explanation: 'Review it.' };
      if (shape.from !== undefined) rule.effective = { from: shape.from };
      return { rule, scope: shape.scope, second, exception: shape.exception };
    });
}

/**
 * A rule set of `count` generated rules (deterministic for `seed`).
 *
 * @example
 * ```ts
 * generatedRuleSet(200, 2017).rules.length; // 200
 * ```
 */
export function generatedRuleSet(count: number, seed: number) {
  const [named] = fc.sample(namedArb, { numRuns: 1, seed });
  const names = Object.keys(named!);
  const drawn = Array.from({ length: count }, (_, index) => fc.sample(ruleArb(index, names), { numRuns: 1, seed: seed * 1000 + index })[0]!);
  // An exception points at an earlier rule of the same scope and pass, when there is one.
  const rules = drawn.map(({ rule, scope, second, exception }, index) => {
    if (exception === undefined) return rule;
    const target = drawn.slice(Math.max(0, index - 10), index).reverse().find((other) => other.scope === scope && other.second === second);
    return target === undefined ? rule : { ...rule, exceptionTo: [target.rule.id as string] };
  });
  return { id: 'generated', version: '1.0.0', title: 'Generated rules', conditions: named!, rules };
}
