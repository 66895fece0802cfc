/**
 * json-rules-engine as a rule runner, with the project's three-valued semantics and without
 * its hazards.
 *
 * **Three values from a two-valued engine.** Each rule is given to the engine twice. In the
 * `definite` copy, a comparison on an unknown fact counts as false where it is not negated and
 * as true under a `not` (and a fact whose possible values are known passes only if all of them
 * pass, or, under a `not`, if any does); in the `possible` copy, the other way round. The
 * definite copy fires exactly when the rule is true in three-valued (Kleene) logic; the
 * possible copy fails exactly when it is false; otherwise the rule is undetermined. The
 * comparisons themselves are json-rules-engine's own operators, wrapped only to catch the
 * unknown value.
 *
 * **Safety.** Paths are resolved by a small resolver that accepts only `$.name` segments read
 * as own properties (the schema admits nothing else), never by jsonpath-plus, whose filter
 * expressions can execute code. One `Engine` never serves two runs at once (json-rules-engine
 * drops results when it does): engines are kept in a pool, one per concurrent run, and reused
 * only once a run has finished. Rules not in force on the date are not given to the engine
 * (their truth is never read), so the pools are kept per set of rules in force.
 *
 * @module
 */
import { Engine, Operator, type RuleProperties } from 'json-rules-engine';
import type { FactSnapshot } from '../facts/snapshot.js';
import { FALSE, TRUE, UNDETERMINED, type CompiledNode, type Truth } from '../rules/conditions.js';
import { BUILT_IN_OPERATOR_NAMES, type OperatorDefinition } from '../rules/operators.js';
import type { CompiledRule } from '../rules/rule-book.js';
import type { RuleListName, RuleLists, RuleRunner } from './runners.js';

/** @internal JSON of a json-rules-engine condition. */
type JreCondition =
  | { all: JreCondition[] }
  | { any: JreCondition[] }
  | { not: JreCondition }
  | { condition: string }
  | { fact: string; path?: string; operator: string; value: unknown };

/** @internal The two bounds of three-valued evaluation. */
type Bound = 'definite' | 'possible';

/** @internal Name of the wrapped operator for `unknownIs` true/false. */
function wrappedName(operator: string, unknownIs: boolean): string {
  return `rnr${unknownIs ? 'True' : 'False'}${operator}`;
}

/**
 * @internal Named conditions as json-rules-engine shared conditions (`engine.setCondition`):
 * each compiled named condition once per polarity (how an unknown fact counts in it), under a
 * name of its own; rules refer to them with `{ condition: name }` as json-rules-engine does.
 */
class SharedConditions {
  private readonly names = new Map<CompiledNode, string>();
  /** The definitions, by name, in the order they were made (those referred to first). */
  readonly definitions = new Map<string, JreCondition>();

  /** The name of a named condition's node for one polarity, defined on first use. */
  nameOf(node: CompiledNode, unknownIs: boolean, convert: (node: CompiledNode) => JreCondition): string {
    let base = this.names.get(node);
    if (base === undefined) {
      base = `rnr${this.names.size}`;
      this.names.set(node, base);
    }
    const name = `${base}${unknownIs ? 'T' : 'F'}`;
    if (!this.definitions.has(name)) this.definitions.set(name, convert(node));
    return name;
  }
}

/**
 * @internal Rewrites a compiled condition tree for one bound: facts split into group and
 * `$.path`, operators replaced by their wrapped form according to polarity, and named
 * conditions referred to, not copied.
 */
function toJre(node: CompiledNode, bound: Bound, negated: boolean, shared: SharedConditions): JreCondition {
  switch (node.kind) {
    case 'all':
      return { all: node.children.map((child) => toJre(child, bound, negated, shared)) };
    case 'any':
      return { any: node.children.map((child) => toJre(child, bound, negated, shared)) };
    case 'not':
      return { not: toJre(node.child, bound, !negated, shared) };
    case 'condition': {
      // A root must be all, any, not or condition: the shared condition is wrapped in `all`.
      const unknownIs = bound === 'definite' ? negated : !negated;
      return { condition: shared.nameOf(node.node, unknownIs, (target) => ({ all: [toJre(target, bound, negated, shared)] })) };
    }
    case 'atom': {
      const { fact, operator, value } = node.comparison;
      const dot = fact.indexOf('.');
      // definite: unknown counts against the rule; possible: for it. Negation flips what "against" means.
      const unknownIs = bound === 'definite' ? negated : !negated;
      const jre: JreCondition = { fact: dot === -1 ? fact : fact.slice(0, dot), operator: wrappedName(operator.name, unknownIs), value };
      if (dot !== -1) jre.path = `$.${fact.slice(dot + 1)}`;
      return jre;
    }
  }
}

/** @internal Resolved paths, compiled once: `$.a.b` → ['a', 'b']. */
const pathCache = new Map<string, readonly string[] | null>();
const SIMPLE_PATH = /^\$(?:\.[A-Za-z][A-Za-z0-9]*)+$/;

/**
 * The path resolver given to json-rules-engine: `$.a.b` only, own properties only; anything
 * else resolves to `undefined` (unknown) without being interpreted.
 *
 * @example
 * ```ts
 * resolveSimplePath({ a: { b: 1 } }, '$.a.b'); // 1
 * resolveSimplePath({ a: 1 }, '$..a[?(@.x)]'); // undefined
 * ```
 */
export function resolveSimplePath(value: object, path: string): unknown {
  let segments = pathCache.get(path);
  if (segments === undefined) {
    segments = SIMPLE_PATH.test(path) && !/\.(?:constructor|prototype)(?:\.|$)/.test(path) ? path.slice(2).split('.') : null;
    if (pathCache.size < 10_000) pathCache.set(path, segments);
  }
  if (segments === null) return undefined;
  let current: unknown = value;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** @internal json-rules-engine's own built-in operators, by name. */
interface NativeOperator {
  evaluate(factValue: unknown, jsonValue: unknown): boolean;
}
const nativeOperators: ReadonlyMap<string, NativeOperator> = (() => {
  const scratch = new Engine([], {}) as unknown as { operators: { get(name: string): NativeOperator | null } };
  return new Map(BUILT_IN_OPERATOR_NAMES.map((name) => [name, scratch.operators.get(name)!]));
})();

/** @internal The value given to json-rules-engine for an unknown fact whose possible values are known. */
class PossibleValues {
  constructor(readonly values: readonly unknown[]) {}
}

/** @internal Groups fact values by their first name segment, as json-rules-engine facts. */
function toJreFacts(facts: FactSnapshot): Record<string, Record<string, unknown>> {
  // Objects without a prototype: a group is whatever a fact name starts with (rule sets name their own).
  const groups: Record<string, Record<string, unknown>> = Object.create(null) as Record<string, Record<string, unknown>>;
  const put = (name: string, value: unknown) => {
    const dot = name.indexOf('.');
    const group = name.slice(0, dot);
    if (!Object.hasOwn(groups, group)) groups[group] = Object.create(null) as Record<string, unknown>;
    groups[group]![name.slice(dot + 1)] = value;
  };
  for (const group of ['asylum', 'protection', 'notice', 'case']) groups[group] = Object.create(null) as Record<string, unknown>;
  // Snapshots have every fact as a key; an undefined member is an unknown fact.
  for (const [name, possible] of Object.entries(facts.possible)) if (possible !== undefined) put(name, new PossibleValues(possible));
  for (const [name, value] of Object.entries(facts.values)) if (value !== undefined) put(name, value);
  return groups;
}

/**
 * @internal A wrapped operator: known values go to the operator itself; an unknown value
 * counts as `unknownIs`; possible values count if any (`unknownIs` true) or all (false) pass.
 */
function wrap(test: (a: unknown, b: unknown) => boolean, unknownIs: boolean): (a: unknown, b: unknown) => boolean {
  return (a, b) => {
    if (a === undefined) return unknownIs;
    if (a instanceof PossibleValues) return unknownIs ? a.values.some((value) => test(value, b)) : a.values.every((value) => test(value, b));
    return test(a, b);
  };
}

/**
 * The json-rules-engine runner for a book's rules.
 *
 * @example
 * ```ts
 * import { SnapshotBuilder } from '../facts/snapshot.js';
 * import { loadRuleBook } from './evaluator.js';
 * import { createCompiledRunner, ruleLists } from './runners.js';
 *
 * const { book } = loadRuleBook();
 * const lists = ruleLists(book);
 * const builder = new SnapshotBuilder();
 * builder.set('notice.kind', 'diffusion');
 * const facts = builder.build();
 * const inForce = lists.notice1.map(() => true);
 * // The reference engine decides as the compiled one does.
 * await createJreRunner(lists, book.operators).run('notice1', facts, inForce); // createCompiledRunner(lists).run('notice1', facts, inForce)
 * ```
 */
export function createJreRunner(lists: RuleLists, operators: ReadonlyMap<string, OperatorDefinition>): RuleRunner {
  const shared = new SharedConditions();
  const definitions: Record<RuleListName, RuleProperties[]> = {
    case: jreRules(lists.case, shared),
    notice1: jreRules(lists.notice1, shared),
    notice2: jreRules(lists.notice2, shared),
  };
  // Engines run only the rules in force, so there is a pool per list and set of rules in force
  // (a handful: the dates at which rules come into or go out of force split time into periods).
  const pools = new Map<string, Engine[]>();

  const createEngine = (list: RuleListName, inForce: readonly boolean[]): Engine => {
    const rules = definitions[list].filter((rule) => inForce[(rule.event.params as { rule: number }).rule]);
    const engine = new Engine(rules, { allowUndefinedFacts: true, pathResolver: resolveSimplePath });
    for (const [name, condition] of shared.definitions) engine.setCondition(name, condition as never);
    for (const operator of operators.values()) {
      const native = nativeOperators.get(operator.name);
      const test = native ? (a: unknown, b: unknown) => native.evaluate(a, b) : (a: unknown, b: unknown) => operator.test(a as never, b as never);
      for (const unknownIs of [true, false]) {
        engine.addOperator(new Operator(wrappedName(operator.name, unknownIs), wrap(test, unknownIs)));
      }
    }
    return engine;
  };

  return {
    async run(name, facts, inForce) {
      const list = lists[name];
      if (list.length === 0) return [];
      const key = `${name}:${inForce.map((value) => (value ? 1 : 0)).join('')}`;
      let pool = pools.get(key);
      if (pool === undefined) pools.set(key, (pool = []));
      const engine = pool.pop() ?? createEngine(name, inForce);
      try {
        const { events } = await engine.run(toJreFacts(facts));
        const definite = new Set<number>();
        const possible = new Set<number>();
        for (const event of events) {
          const params = event.params as { rule: number; bound: Bound };
          (params.bound === 'definite' ? definite : possible).add(params.rule);
        }
        return list.map((_, i): Truth => (definite.has(i) ? TRUE : possible.has(i) ? UNDETERMINED : FALSE));
      } finally {
        pool.push(engine);
      }
    },
  };
}

/**
 * @internal The two json-rules-engine rules (definite and possible) of each compiled rule.
 * Priorities follow json-rules-engine's idiom for exceptions: an exception runs before the
 * rule it is an exception to (priority 1 + the length of the longest exception chain above a
 * rule). The results do not depend on it — every rule is read — but it means that runs go
 * through several priority sets, which is exactly where a shared Engine loses results.
 */
function jreRules(list: readonly CompiledRule[], shared: SharedConditions): RuleProperties[] {
  const byId = new Map(list.map((rule) => [rule.id, rule]));
  const exceptionsTo = new Map<string, string[]>();
  for (const rule of list) {
    for (const target of rule.json.exceptionTo ?? []) exceptionsTo.set(target, [...(exceptionsTo.get(target) ?? []), rule.id]);
  }
  // The length of the longest exception chain above each rule, with an explicit stack (no recursion: chains may be long).
  const depth = new Map<string, number>();
  for (const rule of list) {
    if (depth.has(rule.id)) continue;
    const stack = [rule.id];
    while (stack.length > 0) {
      const id = stack[stack.length - 1]!;
      const above = (exceptionsTo.get(id) ?? []).filter((other) => byId.has(other));
      const pending = above.filter((other) => !depth.has(other));
      if (pending.length > 0) {
        stack.push(...pending);
        continue;
      }
      stack.pop();
      depth.set(id, above.length === 0 ? 0 : 1 + Math.max(...above.map((other) => depth.get(other)!)));
    }
  }
  let maxDepth = 0;
  for (const value of depth.values()) maxDepth = Math.max(maxDepth, value);
  return list.flatMap((rule, index) =>
    (['definite', 'possible'] as const).map((bound) => ({
      name: `${rule.id}#${bound}`,
      priority: 1 + maxDepth - depth.get(rule.id)!,
      conditions: toJre(rule.conditions.root, bound, false, shared),
      event: { type: 'rnr', params: { rule: index, bound } },
    })) as RuleProperties[],
  );
}
