/**
 * Conditions compiled once per evaluator, evaluated with three-valued (Kleene) logic:
 * a comparison on an unknown fact is `undetermined` — unless the fact's possible values are
 * known and the comparison holds for all of them (true) or for none (false); `all` is false if
 * any part is false, else undetermined if any part is, else true; `any` is true if any part is
 * true, else undetermined if any part is, else false; `not` swaps true and false.
 *
 * @module
 */
import { ownValue } from '../support/own.js';
import type { FactValue } from '../facts/catalogue.js';
import type { FactSnapshot } from '../facts/derive.js';
import type { ConditionValue, OperatorDefinition } from './operators.js';
import type { Condition, FactCondition, RootCondition } from './schema.js';

/** A three-valued truth: 0 false, 1 true, 2 undetermined. */
export type Truth = 0 | 1 | 2;
/** False. */
export const FALSE: Truth = 0;
/** True. */
export const TRUE: Truth = 1;
/** Undetermined (a fact it needs is unknown). */
export const UNDETERMINED: Truth = 2;

/** A comparison of one fact with a value, compiled once (shared by every rule that reaches it through a named condition). */
export interface Comparison {
  /** Canonical fact name (`fact` and `path` joined), e.g. `notice.status`. */
  readonly fact: string;
  /** Operator. */
  readonly operator: OperatorDefinition;
  /** Value compared with. */
  readonly value: ConditionValue;
}

/** One fact comparison of a compiled rule, where it sits in the rule (named conditions expanded). */
export interface CompiledAtom extends Comparison {
  /** Position among the rule's comparisons (pre-order). */
  readonly index: number;
  /** Where it sits in the rule's conditions, e.g. `all[2].any[0]` (through named conditions). */
  readonly path: string;
  /** Named conditions it was reached through, outermost first. */
  readonly via: readonly string[];
  /** Whether it sits under an odd number of `not`s. */
  readonly negated: boolean;
}

/**
 * A compiled condition: a tree whose `condition` nodes point at the compiled named condition,
 * which is compiled once per rule set and shared (a graph, never copied per reference).
 */
export type CompiledNode =
  | { readonly kind: 'all' | 'any'; readonly children: readonly CompiledNode[] }
  | { readonly kind: 'not'; readonly child: CompiledNode }
  | { readonly kind: 'atom'; readonly comparison: Comparison }
  | { readonly kind: 'condition'; readonly name: string; readonly node: CompiledNode };

/** A rule's compiled conditions. */
export interface CompiledConditions {
  readonly root: CompiledNode;
  /**
   * The rule's comparisons in pre-order, each with its place (named conditions expanded: one
   * entry per place a comparison is reached from, bounded by `RULE_SET_LIMITS.expandedComparisons`).
   * Listed on first use.
   */
  readonly atoms: readonly CompiledAtom[];
  /** Fast evaluation with short-circuits (a named condition is evaluated once per snapshot). */
  readonly evaluate: (facts: FactSnapshot) => Truth;
}

/**
 * The named conditions of one rule set, compiled once and shared by its rules
 * (`compileConditions`' `shared`).
 */
export type CompiledNamedConditions = Map<string, CompiledNode>;

/**
 * The canonical fact name of a comparison: `fact` and `path` without `$`, joined by a dot.
 *
 * @example
 * ```ts
 * canonicalFactName({ fact: 'notice', path: '$.status', operator: 'equal', value: 'active' }); // 'notice.status'
 * ```
 */
export function canonicalFactName(condition: Pick<FactCondition, 'fact' | 'path'>): string {
  return condition.path === undefined ? condition.fact : `${condition.fact}${condition.path.slice(1)}`;
}

/**
 * Compiles a rule's conditions. A named condition is compiled once — into `shared`, which the
 * rules of one rule set pass to each other — and every reference to it points at that one
 * compiled node. The caller has checked that every reference, fact and operator exists, that
 * named conditions do not refer to themselves, and that the rule set is within
 * `RULE_SET_LIMITS` once references are expanded (`validateRuleSet` does all of it).
 *
 * @example
 * ```ts
 * import { BUILT_IN_OPERATORS } from './operators.js';
 * import { SnapshotBuilder } from '../facts/snapshot.js';
 *
 * const compiled = compileConditions({ all: [{ condition: 'fromFeared' }, { fact: 'notice.kind', operator: 'equal', value: 'diffusion' }] }, { fromFeared: { all: [{ fact: 'notice.fromFearedCountry', operator: 'equal', value: 'yes' }] } }, BUILT_IN_OPERATORS);
 * compiled.atoms.map((atom) => [atom.path, atom.fact, atom.via]); // [['all[0].all[0]', 'notice.fromFearedCountry', ['fromFeared']], ['all[1]', 'notice.kind', []]]
 * const builder = new SnapshotBuilder();
 * builder.set('notice.kind', 'diffusion');
 * compiled.evaluate(builder.build()); // UNDETERMINED
 * ```
 */
export function compileConditions(
  root: RootCondition,
  named: Readonly<Record<string, RootCondition>>,
  operators: ReadonlyMap<string, OperatorDefinition>,
  shared: CompiledNamedConditions = new Map(),
): CompiledConditions {
  const build = (condition: Condition): CompiledNode => {
    if ('all' in condition) return { kind: 'all', children: condition.all.map(build) };
    if ('any' in condition) return { kind: 'any', children: condition.any.map(build) };
    if ('not' in condition) return { kind: 'not', child: build(condition.not) };
    if ('condition' in condition) {
      let node = shared.get(condition.condition);
      if (node === undefined) {
        const target = ownValue(named, condition.condition);
        if (target === undefined) throw new Error('Internal: unchecked condition reference');
        node = build(target);
        shared.set(condition.condition, node);
      }
      return { kind: 'condition', name: condition.condition, node };
    }
    const operator = operators.get(condition.operator);
    if (operator === undefined) throw new Error('Internal: unchecked operator');
    return { kind: 'atom', comparison: { fact: canonicalFactName(condition), operator, value: condition.value } };
  };
  const tree = build(root);
  let atoms: readonly CompiledAtom[] | undefined;
  return {
    root: tree,
    get atoms() {
      return (atoms ??= expandAtoms(tree));
    },
    evaluate: toClosure(tree),
  };
}

/**
 * @internal The comparisons of a compiled tree in pre-order, each with its path, the named
 * conditions it is reached through and its polarity (an explicit stack: no recursion).
 */
function expandAtoms(root: CompiledNode): CompiledAtom[] {
  const atoms: CompiledAtom[] = [];
  const pending: Array<{ node: CompiledNode; path: string; via: readonly string[]; negated: boolean }> = [{ node: root, path: '', via: [], negated: false }];
  while (pending.length > 0) {
    const { node, path, via, negated } = pending.pop()!;
    switch (node.kind) {
      case 'all':
      case 'any':
        for (let i = node.children.length - 1; i >= 0; i--) pending.push({ node: node.children[i]!, path: join(path, `${node.kind}[${i}]`), via, negated });
        break;
      case 'not':
        pending.push({ node: node.child, path: join(path, 'not'), via, negated: !negated });
        break;
      case 'condition':
        pending.push({ node: node.node, path, via: [...via, node.name], negated });
        break;
      case 'atom':
        atoms.push({ ...node.comparison, index: atoms.length, path, via, negated });
        break;
    }
  }
  return atoms;
}

/** @internal Joins trace path segments. */
function join(path: string, segment: string): string {
  return path === '' ? segment : `${path}.${segment}`;
}

/**
 * Evaluates one comparison: on an unknown fact, true or false only when it holds for all or
 * none of the fact's possible values, else `undetermined`.
 *
 * @example
 * ```ts
 * import { BUILT_IN_OPERATORS } from './operators.js';
 * import { SnapshotBuilder } from '../facts/snapshot.js';
 *
 * const [atom] = compileConditions({ all: [{ fact: 'protection.status', operator: 'in', value: ['pending', 'denied'] }] }, {}, BUILT_IN_OPERATORS).atoms;
 * const builder = new SnapshotBuilder();
 * // Unknown, but it can only be pending or denied: the comparison holds whichever it is.
 * builder.set('protection.status', undefined, ['asylum[1].final'], ['pending', 'denied']);
 * evaluateAtom(atom!, builder.build()); // TRUE
 * ```
 */
export function evaluateAtom(atom: Comparison, facts: FactSnapshot): Truth {
  const actual = facts.values[atom.fact];
  if (actual !== undefined) return atom.operator.test(actual, atom.value) ? TRUE : FALSE;
  return overPossibleValues(atom.operator.test, atom.value, facts.possible[atom.fact]);
}

/**
 * The truth of a comparison over the possible values of an unknown fact: true if it holds for
 * all, false if for none, undetermined if for some, or if nothing is known of the values.
 *
 * @example
 * ```ts
 * overPossibleValues((a, b) => a === b, 'granted', ['pending', 'denied']); // 0
 * ```
 */
export function overPossibleValues(
  test: (factValue: FactValue, value: ConditionValue) => boolean,
  value: ConditionValue,
  possible: readonly FactValue[] | undefined,
): Truth {
  if (possible === undefined || possible.length === 0) return UNDETERMINED;
  let holds = 0;
  for (const candidate of possible) if (test(candidate, value)) holds++;
  return holds === possible.length ? TRUE : holds === 0 ? FALSE : UNDETERMINED;
}

/** @internal The closures of named conditions, one per compiled node (shared by the rules that refer to it). */
const namedClosures = new WeakMap<CompiledNode, (facts: FactSnapshot) => Truth>();

/**
 * @internal Compiles a tree into a closure with short-circuits. A named condition's closure is
 * made once and remembers its truth for the last snapshot it saw, so that a condition reached
 * through many references is evaluated once per snapshot (snapshots are never changed once built).
 */
function toClosure(node: CompiledNode): (facts: FactSnapshot) => Truth {
  switch (node.kind) {
    case 'atom': {
      const { fact, operator, value } = node.comparison;
      const test = operator.test;
      return (facts) => {
        const actual = facts.values[fact];
        if (actual !== undefined) return test(actual, value) ? TRUE : FALSE;
        return overPossibleValues(test, value, facts.possible[fact]);
      };
    }
    case 'condition': {
      let closure = namedClosures.get(node.node);
      if (closure === undefined) {
        const inner = toClosure(node.node);
        let lastFacts: FactSnapshot | undefined;
        let lastTruth: Truth = UNDETERMINED;
        closure = (facts) => {
          if (facts !== lastFacts) {
            lastTruth = inner(facts);
            lastFacts = facts;
          }
          return lastTruth;
        };
        namedClosures.set(node.node, closure);
      }
      return closure;
    }
    case 'not': {
      const child = toClosure(node.child);
      return (facts) => {
        const truth = child(facts);
        return truth === UNDETERMINED ? UNDETERMINED : truth === TRUE ? FALSE : TRUE;
      };
    }
    case 'all': {
      const children = node.children.map(toClosure);
      return (facts) => {
        let result: Truth = TRUE;
        for (const child of children) {
          const truth = child(facts);
          if (truth === FALSE) return FALSE;
          if (truth === UNDETERMINED) result = UNDETERMINED;
        }
        return result;
      };
    }
    case 'any': {
      const children = node.children.map(toClosure);
      return (facts) => {
        let result: Truth = FALSE;
        for (const child of children) {
          const truth = child(facts);
          if (truth === TRUE) return TRUE;
          if (truth === UNDETERMINED) result = UNDETERMINED;
        }
        return result;
      };
    }
  }
}
