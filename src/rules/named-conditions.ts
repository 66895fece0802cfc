/**
 * The named conditions of a rule set as a graph: which refer to which, in what order they can
 * be compiled (each after those it refers to), the cycles, and what each comes to once its
 * references are expanded — how many comparisons, how deep, which facts. Everything here is
 * computed without recursion through references (a chain of thousands of named conditions is a
 * loop, not a call stack), and the sizes are computed, never built: `c0 → [c1, c1] → … → c29`
 * expands to 2^30 comparisons, which is counted in thirty steps and then refused
 * (`rule_set_too_large`, `RULE_SET_LIMITS.expandedComparisons`).
 *
 * @module
 */
import { ownValue } from '../support/own.js';
import type { Condition, RootCondition } from './schema.js';

/** What a condition comes to once its references to named conditions are expanded. */
export interface ConditionFootprint {
  /** Number of comparisons (fact conditions), counting each expanded copy. */
  readonly comparisons: number;
  /** Nesting depth: 1 for a comparison, one more per `all`, `any`, `not` or reference. */
  readonly depth: number;
  /** The fact names it reads (canonical: `fact` and `path` joined). */
  readonly facts: ReadonlySet<string>;
}

/** The graph of a rule set's named conditions. */
export interface NamedConditionGraph {
  /** The names outside any cycle, each after the names it refers to. */
  readonly order: readonly string[];
  /** Each cycle found once, as the names along it (`a → b → a` is `['a', 'b', 'a']`), from the first name in sorted order. */
  readonly cycles: readonly (readonly string[])[];
  /** The footprint of each named condition outside a cycle (references to unknown names count for nothing). */
  readonly footprints: ReadonlyMap<string, ConditionFootprint>;
}

/** @internal Graphs computed once per `conditions` object of a rule set. */
const graphs = new WeakMap<object, NamedConditionGraph>();

/**
 * The graph of named conditions: compile order, cycles and footprints, without recursion
 * through references. Computed once per object.
 *
 * @example
 * ```ts
 * const graph = namedConditionGraph({
 *   twice: { all: [{ condition: 'leaf' }, { condition: 'leaf' }] },
 *   leaf: { all: [{ fact: 'notice.kind', operator: 'equal', value: 'diffusion' }] },
 * });
 * graph.order; // ['leaf', 'twice']
 * graph.footprints.get('twice')?.comparisons; // 2
 * graph.footprints.get('twice')?.depth; // 4
 * namedConditionGraph({ a: { condition: 'b' }, b: { all: [{ condition: 'a' }] } }).cycles; // [['a', 'b', 'a']]
 * ```
 */
export function namedConditionGraph(named: Readonly<Record<string, RootCondition>>): NamedConditionGraph {
  const known = graphs.get(named);
  if (known !== undefined) return known;
  const names = Object.keys(named).sort();
  const references = new Map(names.map((name) => [name, [...new Set(referencesIn(named[name]!))].filter((target) => ownValue(named, target) !== undefined)]));
  // Depth-first search with an explicit stack: each name once; a reference to a name on the stack closes a cycle.
  const state = new Map<string, 'visiting' | 'done'>();
  const order: string[] = [];
  const cycles: string[][] = [];
  const inCycle = new Set<string>();
  for (const start of names) {
    if (state.has(start)) continue;
    const stack: Array<{ name: string; next: number }> = [{ name: start, next: 0 }];
    state.set(start, 'visiting');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const targets = references.get(top.name)!;
      if (top.next < targets.length) {
        const target = targets[top.next++]!;
        const mark = state.get(target);
        if (mark === undefined) {
          state.set(target, 'visiting');
          stack.push({ name: target, next: 0 });
        } else if (mark === 'visiting') {
          const from = stack.findIndex((entry) => entry.name === target);
          const cycle = [...stack.slice(from).map((entry) => entry.name), target];
          cycles.push(cycle);
          for (const name of cycle) inCycle.add(name);
        }
        continue;
      }
      stack.pop();
      state.set(top.name, 'done');
      order.push(top.name);
    }
  }
  // A name that reaches a cycle cannot be expanded either.
  const expandable = order.filter((name) => !inCycle.has(name));
  const blocked = new Set(inCycle);
  for (const name of order) if (references.get(name)!.some((target) => blocked.has(target))) blocked.add(name);
  const footprints = new Map<string, ConditionFootprint>();
  for (const name of expandable) {
    if (blocked.has(name)) continue;
    footprints.set(name, footprintOf(named[name]!, footprints));
  }
  const graph: NamedConditionGraph = { order: expandable.filter((name) => !blocked.has(name)), cycles, footprints };
  graphs.set(named, graph);
  return graph;
}

/**
 * The footprint of a condition, given the footprints of the named conditions it may refer to
 * (a reference to a name without one counts for nothing). Walks the condition's own JSON only.
 *
 * @example
 * ```ts
 * const graph = namedConditionGraph({ feared: { all: [{ fact: 'notice.fromFearedCountry', operator: 'equal', value: 'yes' }] } });
 * const footprint = footprintOf({ any: [{ condition: 'feared' }, { fact: 'notice.kind', operator: 'equal', value: 'diffusion' }] }, graph.footprints);
 * footprint.comparisons; // 2
 * [...footprint.facts]; // ['notice.fromFearedCountry', 'notice.kind']
 * ```
 */
export function footprintOf(condition: Condition, named: ReadonlyMap<string, ConditionFootprint>): ConditionFootprint {
  if ('all' in condition || 'any' in condition) {
    const children = 'all' in condition ? condition.all : condition.any;
    let comparisons = 0;
    let depth = 0;
    const facts = new Set<string>();
    for (const child of children) {
      const footprint = footprintOf(child, named);
      comparisons += footprint.comparisons;
      depth = Math.max(depth, footprint.depth);
      for (const fact of footprint.facts) facts.add(fact);
    }
    return { comparisons, depth: depth + 1, facts };
  }
  if ('not' in condition) {
    const footprint = footprintOf(condition.not, named);
    return { ...footprint, depth: footprint.depth + 1 };
  }
  if ('condition' in condition) {
    const footprint = named.get(condition.condition);
    return footprint === undefined ? { comparisons: 0, depth: 1, facts: new Set() } : { ...footprint, depth: footprint.depth + 1 };
  }
  return { comparisons: 1, depth: 1, facts: new Set([condition.path === undefined ? condition.fact : `${condition.fact}${condition.path.slice(1)}`]) };
}

/**
 * The names of the named conditions a condition refers to directly (not through them).
 *
 * @example
 * ```ts
 * referencesIn({ all: [{ condition: 'a' }, { not: { condition: 'b' } }] }); // ['a', 'b']
 * ```
 */
export function referencesIn(condition: Condition): string[] {
  const found: string[] = [];
  const pending: Condition[] = [condition];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if ('all' in current) for (let i = current.all.length - 1; i >= 0; i--) pending.push(current.all[i]!);
    else if ('any' in current) for (let i = current.any.length - 1; i >= 0; i--) pending.push(current.any[i]!);
    else if ('not' in current) pending.push(current.not);
    else if ('condition' in current) found.push(current.condition);
  }
  return found;
}
