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

/** One fact comparison of a compiled rule. */
export interface CompiledAtom {
  /** Position among the rule's comparisons (pre-order). */
  readonly index: number;
  /** Where it sits in the rule's conditions, e.g. `all[2].any[0]` (through named conditions). */
  readonly path: string;
  /** Canonical fact name (`fact` and `path` joined), e.g. `notice.status`. */
  readonly fact: string;
  /** Operator. */
  readonly operator: OperatorDefinition;
  /** Value compared with. */
  readonly value: ConditionValue;
  /** Named conditions it was reached through, outermost first. */
  readonly via: readonly string[];
  /** Whether it sits under an odd number of `not`s. */
  readonly negated: boolean;
}

/** A compiled condition tree; leaves point at atoms. */
export type CompiledNode =
  | { readonly kind: 'all' | 'any'; readonly children: readonly CompiledNode[] }
  | { readonly kind: 'not'; readonly child: CompiledNode }
  | { readonly kind: 'atom'; readonly atom: CompiledAtom };

/** A rule's compiled conditions. */
export interface CompiledConditions {
  readonly root: CompiledNode;
  readonly atoms: readonly CompiledAtom[];
  /** Fast evaluation with short-circuits. */
  readonly evaluate: (facts: FactSnapshot) => Truth;
}

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
 * Compiles a rule's conditions, inlining named conditions. The caller has checked that every
 * reference, fact and operator exists and that named conditions do not refer to themselves.
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
): CompiledConditions {
  const atoms: CompiledAtom[] = [];
  const build = (condition: Condition, path: string, via: readonly string[], negated: boolean): CompiledNode => {
    if ('all' in condition) {
      return { kind: 'all', children: condition.all.map((child, i) => build(child, join(path, `all[${i}]`), via, negated)) };
    }
    if ('any' in condition) {
      return { kind: 'any', children: condition.any.map((child, i) => build(child, join(path, `any[${i}]`), via, negated)) };
    }
    if ('not' in condition) return { kind: 'not', child: build(condition.not, join(path, 'not'), via, !negated) };
    if ('condition' in condition) {
      const target = ownValue(named, condition.condition);
      if (target === undefined) throw new Error(`Internal: unchecked condition reference`);
      return build(target, path, [...via, condition.condition], negated);
    }
    const operator = operators.get(condition.operator);
    if (operator === undefined) throw new Error(`Internal: unchecked operator`);
    const atom: CompiledAtom = {
      index: atoms.length,
      path,
      fact: canonicalFactName(condition),
      operator,
      value: condition.value,
      via,
      negated,
    };
    atoms.push(atom);
    return { kind: 'atom', atom };
  };
  const tree = build(root, '', [], false);
  return { root: tree, atoms, evaluate: toClosure(tree) };
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
export function evaluateAtom(atom: CompiledAtom, facts: FactSnapshot): Truth {
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

/** @internal Compiles a tree into a closure with short-circuits. */
function toClosure(node: CompiledNode): (facts: FactSnapshot) => Truth {
  switch (node.kind) {
    case 'atom': {
      const { fact, operator, value } = node.atom;
      const test = operator.test;
      return (facts) => {
        const actual = facts.values[fact];
        if (actual !== undefined) return test(actual, value) ? TRUE : FALSE;
        return overPossibleValues(test, value, facts.possible[fact]);
      };
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
