/**
 * A rule book as formulas over facts, for the solver: a rule's conditions, the period it is in
 * force (a comparison of the date a case is judged at, `$asOf`), whether it fires once its
 * exceptions are settled, and what the first pass decides — the outcome of a notice and the
 * action codes it carries, which second-pass rules read.
 *
 * Two readings of the result facts (`notice.outcome`, `notice.actionCodes`):
 *
 * - `proof`: they are facts like any other, free within what the first pass can produce. An
 *   outcome is often undetermined in a case where facts are missing, which no assignment of
 *   known facts shows, so nothing narrower is sound for proofs.
 * - `witness`: a comparison of a result fact holds where the first-pass rules make it hold (an
 *   outcome rule fires and none with another outcome does), and fails where they make it fail.
 *   These are sufficient conditions: a solution gives a case where the second-pass rule reads
 *   what it needs, which the evaluation of the witness then confirms.
 *
 * @module
 */
import { BUILT_IN_OPERATORS } from '../rules/operators.js';
import { FALSE, TRUE, type CompiledNode, type Comparison } from '../rules/conditions.js';
import type { CompiledRule, RuleBook } from '../rules/rule-book.js';
import { OUTCOMES, type Outcome } from '../rules/vocabulary.js';
import type { RuleLists } from '../evaluation/runners.js';
import { AS_OF, type Formula, type FormulaAtom } from './solver.js';

/** How result facts are read (see the module's documentation). */
export type ResultReading = 'proof' | 'witness';

/** @internal The constants. */
const ALWAYS: Formula = { kind: 'const', truth: TRUE };
const NEVER: Formula = { kind: 'const', truth: FALSE };

/** `all` of some formulas (simplified: constants dropped or deciding). */
export function and(children: readonly Formula[]): Formula {
  const kept = children.filter((child) => child !== ALWAYS);
  if (kept.includes(NEVER)) return NEVER;
  if (kept.length === 0) return ALWAYS;
  return kept.length === 1 ? kept[0]! : { kind: 'and', children: kept };
}

/** `any` of some formulas (simplified). */
export function or(children: readonly Formula[]): Formula {
  const kept = children.filter((child) => child !== NEVER);
  if (kept.includes(ALWAYS)) return ALWAYS;
  if (kept.length === 0) return NEVER;
  return kept.length === 1 ? kept[0]! : { kind: 'or', children: kept };
}

/** The negation of a formula. */
export function not(child: Formula): Formula {
  if (child === ALWAYS) return NEVER;
  if (child === NEVER) return ALWAYS;
  if (child.kind === 'not') return child.child;
  return { kind: 'not', child };
}

/**
 * A comparison as a formula atom.
 *
 * @example
 * ```ts
 * import { BUILT_IN_OPERATORS } from '../rules/operators.js';
 *
 * comparisonAtom({ fact: 'notice.kind', operator: BUILT_IN_OPERATORS.get('equal')!, value: 'diffusion' }).builtIn; // true
 * ```
 */
export function comparisonAtom(comparison: Comparison): FormulaAtom {
  return {
    kind: 'atom',
    fact: comparison.fact,
    operator: comparison.operator.name,
    builtIn: BUILT_IN_OPERATORS.get(comparison.operator.name) === comparison.operator || BUILT_IN_OPERATORS.get(comparison.operator.name)?.test === comparison.operator.test,
    value: comparison.value,
    test: comparison.operator.test,
  };
}

/** @internal A built-in comparison of the date a case is judged at. */
function asOfAtom(operator: 'greaterThanInclusive' | 'lessThanInclusive', date: string): FormulaAtom {
  const definition = BUILT_IN_OPERATORS.get(operator)!;
  return { kind: 'atom', fact: AS_OF, operator, builtIn: true, value: date, test: definition.test };
}

/** The formulas of one rule book, built once each and shared. */
export class BookFormulas {
  private readonly atoms = new Map<Comparison, Formula>();
  private readonly nodes = new Map<CompiledNode, Formula>();
  private readonly firing = new Map<CompiledRule, Formula>();
  private readonly inForceOf = new Map<CompiledRule, Formula>();
  private readonly holding = new Map<CompiledRule, Formula>();
  private gapValue: Formula | undefined;
  private readonly decisions = new Map<Outcome, Formula>();
  private readonly listOf = new Map<CompiledRule, readonly CompiledRule[]>();
  private readonly outcomeRules: readonly CompiledRule[];

  constructor(
    readonly book: RuleBook,
    readonly lists: RuleLists,
    readonly reading: ResultReading,
  ) {
    for (const list of [lists.case, lists.notice1, lists.notice2]) for (const rule of list) this.listOf.set(rule, list);
    this.outcomeRules = lists.notice1.filter((rule) => rule.json.outcome !== undefined);
  }

  /** The formula of a compiled condition (shared nodes give shared formulas). */
  condition(node: CompiledNode): Formula {
    const known = this.nodes.get(node);
    if (known !== undefined) return known;
    let formula: Formula;
    switch (node.kind) {
      case 'all':
        formula = and(node.children.map((child) => this.condition(child)));
        break;
      case 'any':
        formula = or(node.children.map((child) => this.condition(child)));
        break;
      case 'not':
        formula = not(this.condition(node.child));
        break;
      case 'condition':
        formula = this.condition(node.node);
        break;
      case 'atom':
        formula = this.comparison(node.comparison);
        break;
    }
    this.nodes.set(node, formula);
    return formula;
  }

  /**
   * A compiled condition with some comparisons replaced (`override` returns their formula, or
   * `undefined` to keep them); parts without such comparisons are the shared formulas.
   */
  conditionWith(node: CompiledNode, override: (comparison: Comparison) => Formula | undefined): Formula {
    const seen = new Map<CompiledNode, Formula>();
    const build = (current: CompiledNode): Formula => {
      const known = seen.get(current);
      if (known !== undefined) return known;
      let formula: Formula;
      switch (current.kind) {
        case 'atom':
          formula = override(current.comparison) ?? this.comparison(current.comparison);
          break;
        case 'condition':
          formula = build(current.node);
          break;
        case 'not':
          formula = not(build(current.child));
          break;
        default: {
          const children = current.children.map(build);
          const shared = this.condition(current);
          const same = shared.kind === current.kind.replace('all', 'and').replace('any', 'or') && 'children' in shared && shared.children.length === children.length && shared.children.every((child, i) => child === children[i]);
          formula = same ? shared : current.kind === 'all' ? and(children) : or(children);
        }
      }
      seen.set(current, formula);
      return formula;
    };
    return build(node);
  }

  /** A comparison: an atom, or (witness reading) what the first pass must decide for a result fact to compare so. */
  comparison(comparison: Comparison): Formula {
    let formula = this.atoms.get(comparison);
    if (formula === undefined) {
      formula = this.reading === 'witness' ? (this.resultComparison(comparison) ?? comparisonAtom(comparison)) : comparisonAtom(comparison);
      this.atoms.set(comparison, formula);
    }
    return formula;
  }

  /** When the rule is in force: its period, as comparisons of `$asOf`. */
  inForce(rule: CompiledRule): Formula {
    let formula = this.inForceOf.get(rule);
    if (formula === undefined) {
      formula = and([
        ...(rule.from === undefined ? [] : [asOfAtom('greaterThanInclusive', rule.from)]),
        ...(rule.to === undefined ? [] : [asOfAtom('lessThanInclusive', rule.to)]),
      ]);
      this.inForceOf.set(rule, formula);
    }
    return formula;
  }

  /** The rule's conditions hold and it is in force. */
  holds(rule: CompiledRule): Formula {
    let formula = this.holding.get(rule);
    if (formula === undefined) {
      formula = and([this.inForce(rule), this.condition(rule.conditions.root)]);
      this.holding.set(rule, formula);
    }
    return formula;
  }

  /**
   * The rule fires: in force, its conditions hold, and no exception fires. True exactly when
   * the evaluation finds it fired with no exception overriding it or left in doubt; false
   * exactly when it is false, not in force or overridden. Built without recursion through
   * exception chains.
   */
  fires(rule: CompiledRule): Formula {
    const known = this.firing.get(rule);
    if (known !== undefined) return known;
    const list = this.listOf.get(rule) ?? [];
    const inList = new Set(list);
    const exceptionsOf = (target: CompiledRule) => (this.book.exceptionsTo.get(target.id) ?? []).filter((exception) => inList.has(exception));
    const stack: CompiledRule[] = [rule];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (this.firing.has(top)) {
        stack.pop();
        continue;
      }
      const pending = exceptionsOf(top).filter((exception) => !this.firing.has(exception));
      if (pending.length > 0) {
        stack.push(...pending);
        continue;
      }
      stack.pop();
      this.firing.set(top, and([this.holds(top), ...exceptionsOf(top).map((exception) => not(this.firing.get(exception)!))]));
    }
    return this.firing.get(rule)!;
  }

  /**
   * The first pass decides `outcome` for the notice (a sufficient condition): a mandatory rule
   * with this outcome fires and none with another does; or no mandatory one fires and a
   * presumption decides so; for `undetermined`, also two rules disagree or none fires.
   */
  decides(outcome: Outcome): Formula {
    let formula = this.decisions.get(outcome);
    if (formula === undefined) {
      const mandatory = this.outcomeRules.filter((rule) => rule.json.effect === 'mandatory');
      const presumptions = this.outcomeRules.filter((rule) => rule.json.effect === 'presumption');
      const layer = (rules: readonly CompiledRule[], value: Outcome) =>
        and([or(rules.filter((rule) => rule.json.outcome === value).map((rule) => this.fires(rule))), ...rules.filter((rule) => rule.json.outcome !== value).map((rule) => not(this.fires(rule)))]);
      const noMandatory = and(mandatory.map((rule) => not(this.fires(rule))));
      const options = [layer(mandatory, outcome), and([noMandatory, layer(presumptions, outcome)])];
      if (outcome === 'undetermined') {
        options.push(this.gap(), this.conflict(mandatory), and([noMandatory, this.conflict(presumptions)]));
      }
      formula = or(options);
      this.decisions.set(outcome, formula);
    }
    return formula;
  }

  /** No outcome rule fires: the evaluation finds no rule that applies (a gap). */
  gap(): Formula {
    this.gapValue ??= and(this.outcomeRules.map((rule) => not(this.fires(rule))));
    return this.gapValue;
  }

  /** Two of these rules with different outcomes fire. */
  private conflict(rules: readonly CompiledRule[]): Formula {
    const byOutcome = OUTCOMES.map((outcome) => or(rules.filter((rule) => rule.json.outcome === outcome).map((rule) => this.fires(rule))));
    const pairs: Formula[] = [];
    for (let i = 0; i < byOutcome.length; i++) for (let j = i + 1; j < byOutcome.length; j++) pairs.push(and([byOutcome[i]!, byOutcome[j]!]));
    return or(pairs);
  }

  /** Rules of the first pass that give an action code (by their action, or as a factor). */
  producers(code: string): CompiledRule[] {
    return this.lists.notice1.filter((rule) => rule.json.action?.code === code || rule.json.factor?.action === code);
  }

  /** @internal A comparison of a result fact, read through the first pass; `undefined` for other facts. */
  private resultComparison(comparison: Comparison): Formula | undefined {
    const { fact, operator, value } = comparison;
    if (fact === 'notice.outcome') {
      const holding = OUTCOMES.filter((outcome) => operator.test(outcome, value));
      return {
        kind: 'result',
        whenTrue: or(holding.map((outcome) => this.decides(outcome))),
        whenFalse: or(OUTCOMES.filter((outcome) => !holding.includes(outcome)).map((outcome) => this.decides(outcome))),
      };
    }
    if (fact === 'notice.actionCodes' && typeof value === 'string' && (operator.name === 'contains' || operator.name === 'doesNotContain') && BUILT_IN_OPERATORS.get(operator.name)?.test === operator.test) {
      const present = or(this.producers(value).map((rule) => this.fires(rule)));
      const absent = and(this.producers(value).map((rule) => not(this.fires(rule))));
      return operator.name === 'contains' ? { kind: 'result', whenTrue: present, whenFalse: absent } : { kind: 'result', whenTrue: absent, whenFalse: present };
    }
    return undefined;
  }
}

/**
 * The outcomes the first pass of a book can give a notice: those of its outcome rules, and
 * `undetermined` (facts missing, rules that disagree, no rule).
 *
 * @example
 * ```ts
 * import { loadRuleBook } from '../evaluation/evaluator.js';
 * import { ruleLists } from '../evaluation/runners.js';
 *
 * possibleOutcomes(ruleLists(loadRuleBook().book)).includes('delete'); // true
 * ```
 */
export function possibleOutcomes(lists: RuleLists): Outcome[] {
  const found = new Set<Outcome>(['undetermined']);
  for (const rule of lists.notice1) if (rule.json.outcome !== undefined) found.add(rule.json.outcome);
  return OUTCOMES.filter((outcome) => found.has(outcome));
}

/**
 * The action codes the first pass of a book can give a notice (what `notice.actionCodes` may hold).
 *
 * @example
 * ```ts
 * import { loadRuleBook } from '../evaluation/evaluator.js';
 * import { ruleLists } from '../evaluation/runners.js';
 *
 * possibleActionCodes(ruleLists(loadRuleBook().book)).includes('request_deletion'); // true
 * ```
 */
export function possibleActionCodes(lists: RuleLists): string[] {
  const found = new Set<string>();
  for (const rule of lists.notice1) {
    if (rule.json.action) found.add(rule.json.action.code);
    if (rule.json.factor) found.add(rule.json.factor.action);
  }
  return [...found].sort();
}
