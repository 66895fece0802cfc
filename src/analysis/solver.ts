/**
 * A search for fact assignments that make a formula true — the proof engine of the analysis.
 *
 * A **formula** is built from comparisons of facts (`atom`), `and`, `or`, `not`, constants and
 * `result` (a comparison of a result fact, true when one formula holds and false when another
 * does). It is evaluated in three-valued (Kleene) logic over a **partial assignment**: a fact
 * not assigned is unknown, so a comparison on it is undetermined.
 *
 * **Variables.** Each fact is split into the few classes of values the formula can tell apart:
 * an enum fact into each value a comparison names and "any other value"; a date or number fact
 * into the points the comparisons name and the intervals between them; a list fact into one
 * yes/no variable per item a comparison names. Every value of a class satisfies exactly the same
 * comparisons (for the built-in operators), so searching the classes searches every value: the
 * work depends on the comparisons, not on the size of the domains. A comparison with a custom
 * operator is its own yes/no variable (it may tell any two values apart), unless its fact has a
 * small finite domain, which is then split value by value.
 *
 * **Search.** Depth first over the variables the formula still depends on, with the formula
 * evaluated at each step: a branch where it is false is cut. A solution is a partial assignment
 * under which the formula is true — so it is true whatever the other facts are, known or not.
 * Constraints ("invariants": what every case's facts satisfy) cut a branch where one is false,
 * and a solution is kept only if the constraints can all be made true on top of it. When the
 * search ends without a solution, none exists (`exhausted`); when it stops at its budget,
 * nothing is claimed.
 *
 * Formulas are graphs (a rule's `fires` is shared by every formula that mentions it) and are
 * evaluated without recursion: nodes are numbered children first, and one pass over them
 * evaluates the whole formula.
 *
 * @module
 */
import type { FactValue } from '../facts/catalogue.js';
import type { ConditionValue } from '../rules/operators.js';
import { FALSE, TRUE, UNDETERMINED, type Truth } from '../rules/conditions.js';
import { addCalendarDays, type CalendarDate } from '../support/dates.js';
import { compareStrings } from '../support/issues.js';
import { SatSolver } from './sat.js';

/** A comparison of one fact, in a formula. */
export interface FormulaAtom {
  readonly kind: 'atom';
  /** The fact compared (`$asOf` is the date a case is judged at). */
  readonly fact: string;
  /** The operator's name. */
  readonly operator: string;
  /** Whether the operator is one of the built-in ten (whose tests classes are made for). */
  readonly builtIn: boolean;
  readonly value: ConditionValue;
  readonly test: (factValue: FactValue, value: ConditionValue) => boolean;
  /**
   * Two-valued, for invariants: false when the fact is unknown (a rule's comparison is then
   * undetermined).
   */
  readonly knownOnly?: boolean;
}

/** Whether a fact is unknown (two-valued: for invariants). */
export interface FormulaUnknown {
  readonly kind: 'unknown';
  readonly fact: string;
}

/**
 * Whether one date fact is before another (two-valued: for invariants; the facts' being known
 * is for the invariant to say). The dates of both are split at the same points.
 */
export interface FormulaBefore {
  readonly kind: 'before';
  readonly left: string;
  readonly right: string;
}

/** A formula over facts. */
export type Formula =
  | { readonly kind: 'const'; readonly truth: Truth }
  | { readonly kind: 'and' | 'or'; readonly children: readonly Formula[] }
  | { readonly kind: 'not'; readonly child: Formula }
  | FormulaAtom
  | FormulaUnknown
  | FormulaBefore
  | {
      readonly kind: 'result';
      /** When this holds, the comparison holds. */
      readonly whenTrue: Formula;
      /** When this holds, the comparison does not. */
      readonly whenFalse: Formula;
    };

/**
 * What a fact's values are, for splitting them into classes, and whether the fact can be
 * unknown in a case (with no values it could still have).
 */
export type FactDomain = { readonly unknown: boolean } & (
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | { readonly type: 'list'; readonly items: readonly string[] }
  | { readonly type: 'date' }
  | { readonly type: 'number' }
);

/** The values one variable's class stands for. */
export type ValueClass =
  /** Some values of an enum fact. */
  | { readonly kind: 'values'; readonly values: readonly string[] }
  /** Dates from `from` to `to`, both inclusive (an end left out is open). */
  | { readonly kind: 'dates'; readonly from?: CalendarDate; readonly to?: CalendarDate }
  /** Numbers between two bounds (an end left out is open). */
  | { readonly kind: 'numbers'; readonly above?: number; readonly below?: number; readonly equal?: number }
  /** Whether a list fact holds an item. */
  | { readonly kind: 'member'; readonly present: boolean }
  /** Whether a comparison with a custom operator holds. */
  | { readonly kind: 'custom'; readonly holds: boolean; readonly atom: FormulaAtom }
  /** Any known value (of a fact only asked whether it is known). */
  | { readonly kind: 'known' }
  /** The fact is unknown. */
  | { readonly kind: 'unknown' }
  /** How two date facts are ordered: `-1` before, `0` the same day, `1` after. */
  | { readonly kind: 'order'; readonly order: -1 | 0 | 1 };

/** One variable: a fact (or one item of a list fact, or one custom comparison) and its classes. */
export interface Variable {
  readonly fact: string;
  /** The item of a list fact this variable is about. */
  readonly item?: string;
  readonly classes: readonly ValueClass[];
  /** A value of each class, to evaluate comparisons with. */
  readonly representatives: readonly (FactValue | undefined)[];
}

/** A solution: the class of each variable the formula needed, by variable index. */
export interface Solution {
  readonly assignment: ReadonlyMap<number, number>;
  /** The whole model it was made from: the class of every variable the goals and constraints read (`classes[i]` of `variables[i]`). */
  readonly model?: { readonly variables: readonly number[]; readonly classes: Int32Array };
  /** Steps of the search so far. */
  readonly steps: number;
}

/** Variables of the last solution to exclude together from the next (indexes of `CompiledFormula.variables`). */
export type Exclusion = ReadonlySet<number>;

/** How a search ended. */
export interface SearchOutcome {
  /** `true` when the search covered every assignment (no further solution exists). */
  readonly exhausted: boolean;
  /** Steps taken (formula evaluations). */
  readonly steps: number;
}

/** @internal A node of the flat form: children point at lower indexes. */
type FlatNode =
  | { readonly kind: 'const'; readonly truth: Truth }
  | { readonly kind: 'and' | 'or'; readonly children: readonly number[] }
  | { readonly kind: 'not'; readonly child: number }
  | { readonly kind: 'test'; readonly variable: number; readonly truths: Uint8Array }
  | { readonly kind: 'result'; readonly whenTrue: number; readonly whenFalse: number };

/** The name of the pseudo-fact for the date a case is judged at. */
export const AS_OF = '$asOf';

/** @internal The largest finite domain split value by value for custom operators. */
const SMALL_DOMAIN = 40;

/**
 * Formulas (and the constraints that go with them) ready to search: their variables, their
 * nodes numbered children first, and their clauses for the SAT solver — built once, then asked
 * any number of questions (`solve`, with the formulas that must be true).
 */
export class CompiledFormula {
  readonly variables: Variable[] = [];
  /** @internal */
  readonly nodes: FlatNode[] = [];
  /** @internal The flat node of each formula node. */
  private readonly index = new Map<Formula, number>();
  /** @internal The SAT solver, and its variables: one per class of each variable, two per node (true, false). */
  private readonly sat = new SatSolver();
  private readonly classLiterals: number[][] = [];
  /** @internal The SAT variables of each variable's encoding that are not its classes (counters). */
  private readonly auxiliaries: number[][] = [];
  private trueLiteral: number[] = [];
  private falseLiteral: number[] = [];
  /** @internal Node literals made and not yet defined by clauses. */
  private readonly pending: Array<[number, boolean]> = [];
  /** @internal The literal of a node's truth (made, with its clauses, on first use). */
  private literalOf: (at: number, truth: boolean) => number = () => -1;
  /** @internal The literal that switches each constraint on (assumed true unless a question leaves it out). */
  private readonly constraintLiterals = new Map<Formula, number>();
  /** @internal The same, as a list (walked for every question without allocating). */
  private readonly constraintEntries: Array<readonly [Formula, number]> = [];

  constructor(roots: readonly Formula[], constraints: readonly Formula[], domainOf: (fact: string) => FactDomain | undefined) {
    const ordered = topologicalOrder([...roots, ...constraints]);
    this.buildVariables(ordered, domainOf);
    this.buildOrders(ordered);
    for (const node of ordered) {
      this.index.set(node, this.nodes.length);
      this.nodes.push(this.flatten(node, this.index));
    }
    this.encode();
    for (const constraint of constraints) {
      if (this.constraintLiterals.has(constraint)) continue;
      const on = 2 * this.sat.newVariable();
      this.constraintLiterals.set(constraint, on);
      this.constraintEntries.push([constraint, on]);
      this.sat.addClause([on ^ 1, this.literalOf(this.index.get(constraint)!, true)]);
    }
    this.define();
  }

  /** @internal Clauses: each variable takes exactly one class; the variables of a fact agree on whether it is known; each node's truth follows from its children's (two literals per node: true, false). */
  private encode(): void {
    const sat = this.sat;
    const literal = (variable: number, negated = false) => 2 * variable + (negated ? 1 : 0);
    for (const variable of this.variables) {
      const literals = variable.classes.map(() => literal(sat.newVariable()));
      this.classLiterals.push(literals);
      const auxiliaries: number[] = [];
      this.auxiliaries.push(auxiliaries);
      sat.addClause(literals);
      if (literals.length <= 5) {
        for (let i = 0; i < literals.length; i++) for (let j = i + 1; j < literals.length; j++) sat.addClause([literals[i]! ^ 1, literals[j]! ^ 1]);
      } else {
        // At most one, with a sequential counter.
        const counters = literals.slice(0, -1).map(() => literal(sat.newVariable()));
        for (const counter of counters) auxiliaries.push(counter >> 1);
        sat.addClause([literals[0]! ^ 1, counters[0]!]);
        for (let i = 1; i < literals.length - 1; i++) {
          sat.addClause([literals[i]! ^ 1, counters[i]!]);
          sat.addClause([counters[i - 1]! ^ 1, counters[i]!]);
          sat.addClause([literals[i]! ^ 1, counters[i - 1]! ^ 1]);
        }
        sat.addClause([literals[literals.length - 1]! ^ 1, counters[literals.length - 2]! ^ 1]);
      }
    }
    for (const members of this.variablesOfFact.values()) {
      const unknownOf = (variable: number) => {
        const at = this.variables[variable]!.classes.findIndex((valueClass) => valueClass.kind === 'unknown');
        return at < 0 ? undefined : this.classLiterals[variable]![at]!;
      };
      for (let i = 1; i < members.length; i++) {
        const a = unknownOf(members[i - 1]!);
        const b = unknownOf(members[i]!);
        if (a === undefined || b === undefined) continue;
        sat.addClause([a ^ 1, b]);
        sat.addClause([a, b ^ 1]);
      }
    }
    // Two date facts split at the same points: classes apart are ordered; the same interval leaves the order open.
    for (const { variable, left, right } of this.orders) this.encodeOrder(variable, left, right);
    // Each node has a literal for "it is true" and one for "it is false", made where needed; a
    // literal implies what makes the node so (one direction only: enough for goals assumed true).
    this.literalOf = (at: number, truth: boolean): number => {
      const literals = truth ? this.trueLiteral : this.falseLiteral;
      const known = literals[at];
      if (known !== undefined && known >= 0) return known;
      const made = literal(sat.newVariable());
      literals[at] = made;
      this.pending.push([at, truth]);
      return made;
    };
    this.trueLiteral = new Array<number>(this.nodes.length).fill(-1);
    this.falseLiteral = new Array<number>(this.nodes.length).fill(-1);
  }

  /**
   * @internal The order of two date facts split at the same points, in clauses linear in the
   * number of classes: for each side, "its class is the k-th or a later one" (`atLeast[k]`, made
   * true and false by the class chosen); the order literal `before` follows when the left class
   * is below some k and the right one at or above it (`after` the other way round), and `same`
   * when both are the same single day. A side unknown leaves the order open.
   */
  private encodeOrder(variable: number, left: number, right: number): void {
    const sat = this.sat;
    const [before, same, after] = this.classLiterals[variable]!;
    const leftClasses = this.variables[left]!.classes;
    const rightClasses = this.variables[right]!.classes;
    const dated = (classes: readonly ValueClass[]) => classes.flatMap((valueClass, i) => (valueClass.kind === 'dates' ? [i] : []));
    const leftDated = dated(leftClasses);
    const rightDated = dated(rightClasses);
    const count = leftDated.length;
    const lined = count === rightDated.length && leftDated.every((at, k) => at === k && rightDated[k] === k && JSON.stringify(leftClasses[k]) === JSON.stringify(rightClasses[k]));
    if (!lined) {
      // Not split alike (never expected): every pair of classes, as they are.
      leftDated.forEach((i) => rightDated.forEach((j) => {
        const both = [this.classLiterals[left]![i]! ^ 1, this.classLiterals[right]![j]! ^ 1];
        const fromTo = leftClasses[i] as Extract<ValueClass, { kind: 'dates' }>;
        if (i < j) sat.addClause([...both, before!]);
        else if (i > j) sat.addClause([...both, after!]);
        else if (fromTo.from !== undefined && fromTo.from === fromTo.to) sat.addClause([...both, same!]);
      }));
      return;
    }
    const unknownOf = (side: number) => {
      const at = this.variables[side]!.classes.findIndex((valueClass) => valueClass.kind === 'unknown');
      return at < 0 ? [] : [this.classLiterals[side]![at]!];
    };
    const open = [...unknownOf(left), ...unknownOf(right)];
    // atLeast[k] for k = 1 … count - 1 (k = 0 always holds).
    const atLeast = (side: number): number[] => {
      const literals = this.classLiterals[side]!;
      const at: number[] = [];
      for (let k = 1; k < count; k++) at[k] = 2 * sat.newVariable();
      for (let k = 2; k < count; k++) sat.addClause([at[k]! ^ 1, at[k - 1]!]);
      for (let i = 0; i < count; i++) {
        if (i >= 1) sat.addClause([literals[i]! ^ 1, at[i]!]);
        if (i + 1 < count) sat.addClause([literals[i]! ^ 1, at[i + 1]! ^ 1]);
      }
      return at;
    };
    const leftAtLeast = atLeast(left);
    const rightAtLeast = atLeast(right);
    for (let k = 1; k < count; k++) {
      sat.addClause([leftAtLeast[k]!, rightAtLeast[k]! ^ 1, before!, ...open]);
      sat.addClause([rightAtLeast[k]!, leftAtLeast[k]! ^ 1, after!, ...open]);
    }
    leftClasses.forEach((valueClass, i) => {
      if (valueClass.kind === 'dates' && valueClass.from !== undefined && valueClass.from === valueClass.to) sat.addClause([this.classLiterals[left]![i]! ^ 1, this.classLiterals[right]![i]! ^ 1, same!]);
    });
  }

  /** @internal Writes the clauses of the node literals made since the last call (each made literal once). */
  private define(): void {
    const sat = this.sat;
    const implies = (from: number, parts: readonly number[]) => sat.addClause([from ^ 1, ...parts]);
    while (this.pending.length > 0) {
      const [at, truth] = this.pending.pop()!;
      const self = (truth ? this.trueLiteral : this.falseLiteral)[at]!;
      const node = this.nodes[at]!;
      switch (node.kind) {
        case 'const':
          if (node.truth !== (truth ? TRUE : FALSE)) sat.addClause([self ^ 1]);
          break;
        case 'test': {
          const classes = this.classLiterals[node.variable]!;
          implies(self, classes.filter((_, c) => node.truths[c] === (truth ? TRUE : FALSE)));
          break;
        }
        case 'not':
          implies(self, [this.literalOf(node.child, !truth)]);
          break;
        case 'and':
        case 'or':
          if ((node.kind === 'and') === truth) for (const child of node.children) implies(self, [this.literalOf(child, truth)]);
          else implies(self, node.children.map((child) => this.literalOf(child, truth)));
          break;
        case 'result':
          // True: what makes it hold holds and what makes it fail fails; false: the other way round.
          implies(self, [this.literalOf(truth ? node.whenTrue : node.whenFalse, true)]);
          implies(self, [this.literalOf(truth ? node.whenFalse : node.whenTrue, false)]);
          break;
      }
    }
  }



  /** @internal The variable of each comparison, and its truth in each class. */
  private readonly variableOf = new Map<FormulaAtom | FormulaUnknown | FormulaBefore, { variable: number; truths: Uint8Array }>();
  /** @internal The variables of each fact (they must agree on whether it is known). */
  readonly variablesOfFact = new Map<string, number[]>();

  /** @internal Splits each fact into classes by the comparisons made on it. */
  private buildVariables(nodes: readonly Formula[], domainOf: (fact: string) => FactDomain | undefined): void {
    const byFact = new Map<string, Array<FormulaAtom | FormulaUnknown>>();
    // Date facts compared with each other are split at the same points (the points of them all).
    const joined = new Map<string, string>();
    const rootOf = (fact: string): string => {
      let root = fact;
      while (joined.has(root) && joined.get(root) !== root) root = joined.get(root)!;
      return root;
    };
    const befores = nodes.filter((node): node is FormulaBefore => node.kind === 'before');
    for (const before of befores) {
      for (const fact of [before.left, before.right]) if (!joined.has(fact)) joined.set(fact, fact);
      const a = rootOf(before.left);
      const b = rootOf(before.right);
      if (a !== b) joined.set(b, a);
      for (const fact of [before.left, before.right]) if (!byFact.has(fact)) byFact.set(fact, []);
    }
    for (const node of nodes) {
      if (node.kind !== 'atom' && node.kind !== 'unknown') continue;
      const list = byFact.get(node.fact) ?? [];
      list.push(node);
      byFact.set(node.fact, list);
    }
    const sharedPoints = new Map<string, FormulaAtom[]>();
    for (const [fact, list] of byFact) {
      if (!joined.has(fact)) continue;
      const root = rootOf(fact);
      sharedPoints.set(root, [...(sharedPoints.get(root) ?? []), ...list.filter((node): node is FormulaAtom => node.kind === 'atom' && node.builtIn)]);
    }
    for (const fact of [...byFact.keys()].sort(compareStrings)) {
      const all = byFact.get(fact)!;
      const atoms = all.filter((node): node is FormulaAtom => node.kind === 'atom');
      const unknowns = all.filter((node): node is FormulaUnknown => node.kind === 'unknown');
      const domain = fact === AS_OF ? ({ type: 'date', unknown: false } as const) : domainOf(fact);
      const canBeUnknown = domain?.unknown ?? true;
      // The truth of a comparison when its fact is unknown: undetermined (a rule's), false (an invariant's).
      const whenUnknown = (node: FormulaAtom | FormulaUnknown): Truth => (node.kind === 'unknown' ? TRUE : node.knownOnly === true ? FALSE : UNDETERMINED);
      const variableFor = (classes: ValueClass[], representatives: Array<FactValue | undefined>, item?: string) =>
        this.addVariable({
          fact,
          ...(item === undefined ? {} : { item }),
          classes: canBeUnknown ? [...classes, { kind: 'unknown' }] : classes,
          representatives: canBeUnknown ? [...representatives, undefined] : representatives,
        });
      const bind = (node: FormulaAtom | FormulaUnknown, variable: number, known: readonly Truth[]) => {
        this.variableOf.set(node, { variable, truths: Uint8Array.from(canBeUnknown ? [...known, whenUnknown(node)] : known) });
      };
      const opaque = (atom: FormulaAtom) => bind(atom, variableFor([{ kind: 'custom', holds: false, atom }, { kind: 'custom', holds: true, atom }], [undefined, undefined]), [FALSE, TRUE]);
      const split = (classes: ValueClass[], splitAtoms: readonly FormulaAtom[]) => {
        const representatives = classes.map(representativeOf);
        const variable = variableFor(classes, representatives);
        for (const atom of splitAtoms) bind(atom, variable, representatives.map((value) => (value !== undefined && atom.test(value, atom.value) ? TRUE : FALSE)));
        for (const node of unknowns) bind(node, variable, classes.map(() => FALSE));
      };
      if (domain === undefined) {
        atoms.forEach(opaque);
        if (unknowns.length > 0) split([{ kind: 'known' }], []);
        continue;
      }
      switch (domain.type) {
        case 'list': {
          const byItem = new Map<string, number>();
          for (const atom of atoms) {
            const item = atom.builtIn && (atom.operator === 'contains' || atom.operator === 'doesNotContain') && typeof atom.value === 'string' ? atom.value : undefined;
            if (item === undefined) {
              opaque(atom);
              continue;
            }
            // An item outside the fact's domain is never in the list.
            const possible = domain.items.includes(item);
            const values: FactValue[] = possible ? [[], [item]] : [[]];
            let variable = byItem.get(item);
            if (variable === undefined) {
              variable = variableFor(possible ? [{ kind: 'member', present: false }, { kind: 'member', present: true }] : [{ kind: 'member', present: false }], values, item);
              byItem.set(item, variable);
            }
            bind(atom, variable, values.map((value) => (atom.test(value, atom.value) ? TRUE : FALSE)));
          }
          if (unknowns.length > 0) {
            const [first] = byItem.values();
            const variable = first ?? variableFor([{ kind: 'known' }], [[]]);
            const known = this.variables[variable]!.classes.filter((valueClass) => valueClass.kind !== 'unknown').map((): Truth => FALSE);
            for (const node of unknowns) bind(node, variable, known);
          }
          break;
        }
        case 'enum': {
          const custom = atoms.some((atom) => !atom.builtIn);
          if (custom && domain.values.length > SMALL_DOMAIN) atoms.filter((atom) => !atom.builtIn).forEach(opaque);
          const splitAtoms = atoms.filter((atom) => atom.builtIn || domain.values.length <= SMALL_DOMAIN);
          if (splitAtoms.length === 0 && unknowns.length === 0) break;
          const named = new Set<string>();
          if (custom && domain.values.length <= SMALL_DOMAIN) for (const value of domain.values) named.add(value);
          for (const atom of splitAtoms) for (const value of valuesOf(atom.value)) if (typeof value === 'string' && domain.values.includes(value)) named.add(value);
          const classes: ValueClass[] = domain.values.filter((value) => named.has(value)).map((value) => ({ kind: 'values', values: [value] }));
          const others = domain.values.filter((value) => !named.has(value));
          if (others.length > 0) classes.push({ kind: 'values', values: others });
          split(classes, splitAtoms);
          break;
        }
        case 'date':
        case 'number': {
          atoms.filter((atom) => !atom.builtIn).forEach(opaque);
          const builtIn = atoms.filter((atom) => atom.builtIn);
          const ordered = domain.type === 'date' && joined.has(fact);
          if (builtIn.length === 0 && unknowns.length === 0 && !ordered) break;
          split(domain.type === 'date' ? dateClasses(ordered ? sharedPoints.get(rootOf(fact))! : builtIn) : numberClasses(builtIn), builtIn);
          if (ordered) this.dateVariable.set(fact, this.variables.length - 1);
          break;
        }
      }
    }
  }

  /** @internal The variable of each date fact that is compared with another. */
  private readonly dateVariable = new Map<string, number>();
  /** @internal The order variable of each pair of date facts compared, and the facts' variables. */
  private readonly orders: Array<{ variable: number; left: number; right: number }> = [];

  /** @internal An order variable for each pair of date facts compared (`before` nodes). */
  private buildOrders(nodes: readonly Formula[]): void {
    const made = new Map<string, number>();
    for (const node of nodes) {
      if (node.kind !== 'before') continue;
      const key = `${node.left}\u0000${node.right}`;
      let variable = made.get(key);
      if (variable === undefined) {
        variable = this.addVariable({ fact: `${node.left} ? ${node.right}`, classes: [{ kind: 'order', order: -1 }, { kind: 'order', order: 0 }, { kind: 'order', order: 1 }], representatives: [undefined, undefined, undefined] });
        made.set(key, variable);
        this.orders.push({ variable, left: this.dateVariable.get(node.left)!, right: this.dateVariable.get(node.right)! });
      }
      this.variableOf.set(node, { variable, truths: Uint8Array.of(TRUE, FALSE, FALSE) });
    }
  }

  /** @internal Adds a variable; returns its index. */
  private addVariable(variable: Variable): number {
    this.variables.push(variable);
    const index = this.variables.length - 1;
    const ofFact = this.variablesOfFact.get(variable.fact) ?? [];
    ofFact.push(index);
    this.variablesOfFact.set(variable.fact, ofFact);
    return index;
  }

  /** @internal The flat form of a node, its children already numbered. */
  private flatten(node: Formula, index: ReadonlyMap<Formula, number>): FlatNode {
    switch (node.kind) {
      case 'const':
        return node;
      case 'and':
      case 'or':
        return { kind: node.kind, children: node.children.map((child) => index.get(child)!) };
      case 'not':
        return { kind: 'not', child: index.get(node.child)! };
      case 'result':
        return { kind: 'result', whenTrue: index.get(node.whenTrue)!, whenFalse: index.get(node.whenFalse)! };
      case 'atom':
      case 'unknown':
      case 'before': {
        const found = this.variableOf.get(node);
        // Every comparison has a variable (an opaque one at worst): an undetermined constant would make a proof claim too much.
        if (found === undefined) throw new Error('Internal: a comparison without a variable');
        return { kind: 'test', variable: found.variable, truths: found.truths };
      }
    }
  }

  /** The truth of every node under an assignment (`-1`: not assigned). */
  evaluate(assignment: Int32Array): Uint8Array {
    const truths = new Uint8Array(this.nodes.length);
    for (let at = 0; at < this.nodes.length; at++) truths[at] = this.truthOf(at, truths, assignment);
    return truths;
  }

  /** @internal The truth of one node from its children's (or its variable's class). */
  private truthOf(at: number, truths: Uint8Array, assignment: Int32Array): Truth {
    const node = this.nodes[at]!;
    switch (node.kind) {
      case 'const':
        return node.truth;
      case 'test': {
        const chosen = assignment[node.variable]!;
        return chosen < 0 ? UNDETERMINED : (node.truths[chosen]! as Truth);
      }
      case 'not': {
        const truth = truths[node.child]!;
        return truth === UNDETERMINED ? UNDETERMINED : truth === TRUE ? FALSE : TRUE;
      }
      case 'and': {
        let result: Truth = TRUE;
        for (const child of node.children) {
          const truth = truths[child]!;
          if (truth === FALSE) return FALSE;
          if (truth === UNDETERMINED) result = UNDETERMINED;
        }
        return result;
      }
      case 'or': {
        let result: Truth = FALSE;
        for (const child of node.children) {
          const truth = truths[child]!;
          if (truth === TRUE) return TRUE;
          if (truth === UNDETERMINED) result = UNDETERMINED;
        }
        return result;
      }
      case 'result': {
        const holds = truths[node.whenTrue] === TRUE;
        const fails = truths[node.whenFalse] === TRUE;
        return holds && !fails ? TRUE : fails && !holds ? FALSE : UNDETERMINED;
      }
    }
  }

  /** The flat node of a formula node compiled here. */
  nodeOf(formula: Formula): number | undefined {
    return this.index.get(formula);
  }

  /**
   * Adds a formula made of nodes compiled here (`and`, `or`, `not` of them): new combinations
   * of what the space knows. A comparison the space has no variable for is a programmer error.
   */
  add(formula: Formula): void {
    for (const node of topologicalOrder([formula])) {
      if (this.index.has(node)) continue;
      if (node.kind === 'atom' || node.kind === 'unknown') throw new Error('Internal: a comparison added after compilation');
      this.index.set(node, this.nodes.length);
      this.nodes.push(this.flatten(node, this.index));
      this.trueLiteral.push(-1);
      this.falseLiteral.push(-1);
    }
  }

  /** The truths of formulas compiled here under a solution's whole model (before it was made small). */
  truthsUnder(solution: Solution, formulas: readonly Formula[]): Truth[] {
    const roots = formulas.map((formula) => this.index.get(formula));
    if (solution.model === undefined || roots.some((at) => at === undefined)) return formulas.map(() => UNDETERMINED);
    const { variables, classes } = solution.model;
    const model = this.assignmentBuffer();
    variables.forEach((variable, i) => (model[variable] = classes[i]!));
    const truths = this.buffer();
    for (const node of this.coneOf(roots as number[])) truths[node] = this.truthOf(node, truths, model);
    for (const variable of variables) model[variable] = -1;
    return roots.map((at) => truths[at!]! as Truth);
  }

  /** @internal A buffer of node truths, reused. */
  private truthBuffer = new Uint8Array(0);
  private buffer(): Uint8Array {
    if (this.truthBuffer.length < this.nodes.length) this.truthBuffer = new Uint8Array(Math.max(this.nodes.length, 2 * this.truthBuffer.length));
    return this.truthBuffer;
  }

  /**
   * Searches for assignments under which every goal is true (and every constraint), within
   * `budget` conflicts of the SAT solver. Each solution is made as small as it can be: the
   * variables it keeps are needed for the goals to be true under three-valued logic, so the
   * goals hold whatever the other facts are, known or not. Solutions come one by one, each
   * excluded from the next; the return value says whether the search ended with a proof that
   * no further solution exists (`exhausted`). The caller may say, when it asks for the next
   * solution, which variables of the last one to exclude together (those no case could be
   * built for): the next solution then differs on one of those. A search so narrowed that ends
   * `exhausted` proves nothing (it left out solutions), so the answer to a question is read
   * from its first solution only.
   */
  /** @internal What one question needs: its roots, its literal, its assumptions, the cone of its goals and the variables it decides. */
  private question(goals: readonly Formula[], without: ReadonlySet<Formula>, only: ReadonlySet<Formula> | undefined) {
    const roots = goals.map((goal) => {
      const at = this.index.get(goal);
      if (at === undefined) throw new Error('Internal: a goal that was not compiled');
      return at;
    });
    // The constraints this question asks for: all of them, or `only` those, less `without`.
    const active: Array<readonly [Formula, number]> = [];
    for (let i = 0; i < this.constraintEntries.length; i++) {
      const entry = this.constraintEntries[i]!;
      if (!without.has(entry[0]) && (only === undefined || only.has(entry[0]))) active.push(entry);
    }
    // A literal of this question's own: the clauses that exclude its solutions bind it only.
    const question = 2 * this.sat.newVariable();
    const goalLiterals = roots.map((root) => this.literalOf(root, true));
    this.define();
    const assumptions = [question, ...active.map(([, on]) => on), ...goalLiterals];
    // Only what the goals and the constraints asked for are decided (the rest can always be completed).
    const goalCone = this.coneOf(roots);
    const cone = goalCone.length === 0 ? [] : goalCone;
    const coneVariables: number[] = [];
    const nodeLiterals: number[] = [question >> 1];
    const scopeVariables: number[] = [];
    for (const [, on] of active) nodeLiterals.push(on >> 1);
    const stamp = ++this.stamp;
    for (const at of this.coneOf([...roots, ...active.map(([constraint]) => this.index.get(constraint)!)])) {
      const t = this.trueLiteral[at]!;
      const f = this.falseLiteral[at]!;
      if (t >= 0) nodeLiterals.push(t >> 1);
      if (f >= 0) nodeLiterals.push(f >> 1);
      const node = this.nodes[at]!;
      if (node.kind !== 'test' || this.variableStamp[node.variable] === stamp) continue;
      this.variableStamp[node.variable] = stamp;
      scopeVariables.push(node.variable);
    }
    // Decided in this order: the classes of each variable (in the order the variables were made),
    // then the nodes' literals.
    scopeVariables.sort((a, b) => a - b);
    const scopeList: number[] = [];
    for (const variable of scopeVariables) {
      for (const classLiteral of this.classLiterals[variable]!) scopeList.push(classLiteral >> 1);
      for (const auxiliary of this.auxiliaries[variable]!) scopeList.push(auxiliary);
    }
    for (const literal of nodeLiterals) scopeList.push(literal);
    const goalStamp = ++this.stamp;
    for (const at of cone) {
      const node = this.nodes[at]!;
      if (node.kind === 'test' && this.variableStamp[node.variable] !== goalStamp) {
        this.variableStamp[node.variable] = goalStamp;
        coneVariables.push(node.variable);
      }
    }
    coneVariables.sort((a, b) => a - b);
    return { roots, question, assumptions, cone, coneVariables, scopeList, scopeVariables };
  }

  *solve(goals: readonly Formula[], budget: number, without: ReadonlySet<Formula> = new Set(), only?: ReadonlySet<Formula>): Generator<Solution, SearchOutcome, Exclusion | undefined> {
    // Made in a plain method: a generator's own loops run unoptimised, and allocate at each step.
    const { roots, question, assumptions, cone, coneVariables, scopeList, scopeVariables } = this.question(goals, without, only);
    const start = this.sat.conflicts;
    while (true) {
      const answer = this.sat.solve(assumptions, Math.max(1, budget - (this.sat.conflicts - start)), scopeList);
      const steps = this.sat.conflicts - start;
      if (answer === 'unsat') return { exhausted: true, steps };
      if (answer === 'budget') return { exhausted: false, steps };
      const { kept, model } = this.solutionOf(roots, cone, coneVariables, scopeVariables);
      const exclusion = yield { assignment: kept, steps, model };
      if (kept.size === 0) return { exhausted: true, steps };
      this.exclude(question, kept, exclusion);
    }
  }

  /** @internal A solution from the SAT solver's model: the whole model, kept small, and the assignment the goals need. */
  private solutionOf(roots: readonly number[], cone: readonly number[], coneVariables: readonly number[], scopeVariables: readonly number[]): { kept: Map<number, number>; model: NonNullable<Solution['model']> } {
    // The whole model, kept small (the class of each variable decided, in the order of `scopeVariables`).
    const classes = new Int32Array(scopeVariables.length);
    for (let i = 0; i < scopeVariables.length; i++) classes[i] = this.classOfModel(scopeVariables[i]!);
    // The assignment to make small: one buffer for every solution, left unassigned after use.
    const assignment = this.assignmentBuffer();
    for (const variable of coneVariables) assignment[variable] = this.classOfModel(variable);
    const kept = this.minimise(assignment, roots, cone, coneVariables);
    for (const variable of coneVariables) assignment[variable] = -1;
    return { kept, model: { variables: scopeVariables, classes } };
  }

  /** @internal Excludes a solution from the next ones of a question: they differ from it somewhere (or on one of the variables the caller named). */
  private exclude(question: number, kept: ReadonlyMap<number, number>, exclusion: Exclusion | undefined): void {
    const excluded = exclusion === undefined ? [] : [...kept].filter(([variable]) => exclusion.has(variable));
    this.sat.addClause([question ^ 1, ...(excluded.length > 0 ? excluded : [...kept]).map(([variable, chosen]) => this.classLiterals[variable]![chosen]! ^ 1)]);
  }

  /** @internal The class the SAT solver's model gives a variable (`-1`: none). */
  private classOfModel(variable: number): number {
    const literals = this.classLiterals[variable]!;
    for (let c = 0; c < literals.length; c++) if (this.sat.value(literals[c]! >> 1)) return c;
    return -1;
  }

  /** @internal An assignment of every variable, all unassigned (`-1`), reused: its users leave it so. */
  private assignmentScratch = new Int32Array(0);
  private assignmentBuffer(): Int32Array {
    if (this.assignmentScratch.length < this.variables.length) this.assignmentScratch = new Int32Array(this.variables.length).fill(-1);
    return this.assignmentScratch;
  }

  /** @internal Marks, to walk nodes and variables without allocating sets. */
  private stamp = 0;
  private nodeStamp = new Uint32Array(0);
  private variableStamp = new Uint32Array(0);

  /** @internal The nodes a set of roots depends on, children first. */
  private coneOf(roots: readonly number[]): number[] {
    if (this.nodeStamp.length < this.nodes.length) this.nodeStamp = new Uint32Array(this.nodes.length);
    if (this.variableStamp.length < this.variables.length) this.variableStamp = new Uint32Array(this.variables.length);
    const stamp = ++this.stamp;
    const pending = [...roots];
    const cone: number[] = [];
    while (pending.length > 0) {
      const at = pending.pop()!;
      if (this.nodeStamp[at] === stamp) continue;
      this.nodeStamp[at] = stamp;
      cone.push(at);
      const node = this.nodes[at]!;
      switch (node.kind) {
        case 'and':
        case 'or':
          for (const child of node.children) pending.push(child);
          break;
        case 'not':
          pending.push(node.child);
          break;
        case 'result':
          pending.push(node.whenTrue, node.whenFalse);
          break;
        default:
          break;
      }
    }
    return cone.sort((a, b) => a - b);
  }

  /**
   * @internal The variables of a model the goals need: first those that justify the goals'
   * truth (every child of a true `and`, one true child of an `or`, and so on down), then each of
   * those dropped in turn, kept only if without it some goal is no longer true (three-valued: a
   * dropped variable is unknown; dropping one never turns a truth into its opposite).
   */
  private minimise(assignment: Int32Array, roots: readonly number[], cone: readonly number[], variables: readonly number[]): Map<number, number> {
    const truths = this.buffer();
    const holds = () => {
      for (const at of cone) truths[at] = this.truthOf(at, truths, assignment);
      return roots.every((root) => truths[root] === TRUE);
    };
    holds();
    const justified = this.justify(roots, truths);
    const full = variables.map((variable) => assignment[variable]!);
    for (const variable of variables) if (!justified.has(variable)) assignment[variable] = -1;
    // A justification always suffices; should it not, every variable is tried.
    const candidates = holds() ? variables.filter((variable) => justified.has(variable)) : (variables.forEach((variable, i) => (assignment[variable] = full[i]!)), variables);
    for (let i = candidates.length - 1; i >= 0; i--) {
      const variable = candidates[i]!;
      const chosen = assignment[variable]!;
      assignment[variable] = -1;
      if (!holds()) assignment[variable] = chosen;
    }
    const kept = new Map<number, number>();
    for (const variable of variables) if (assignment[variable]! >= 0) kept.set(variable, assignment[variable]!);
    return kept;
  }

  /** @internal The variables that justify the truths of some nodes (each true or false under the model), walked without recursion. */
  private justify(roots: readonly number[], truths: Uint8Array): Set<number> {
    const marked = new Set<number>();
    const visited = new Set<number>();
    const pending = [...roots];
    // One child with the truth wanted: one already justified, or a comparison already needed, or the first.
    const pick = (children: readonly number[], truth: number): number => {
      let first = -1;
      for (const child of children) {
        if (truths[child] !== truth) continue;
        if (visited.has(child)) return child;
        const node = this.nodes[child]!;
        if (node.kind === 'test' && marked.has(node.variable)) return child;
        if (first < 0) first = child;
      }
      return first;
    };
    while (pending.length > 0) {
      const at = pending.pop()!;
      if (visited.has(at)) continue;
      visited.add(at);
      const node = this.nodes[at]!;
      const truth = truths[at]!;
      switch (node.kind) {
        case 'test':
          marked.add(node.variable);
          break;
        case 'not':
          pending.push(node.child);
          break;
        case 'and':
          if (truth === TRUE) pending.push(...node.children);
          else pending.push(pick(node.children, FALSE));
          break;
        case 'or':
          if (truth === FALSE) pending.push(...node.children);
          else pending.push(pick(node.children, TRUE));
          break;
        case 'result':
          pending.push(truth === TRUE ? node.whenTrue : node.whenFalse);
          break;
        case 'const':
          break;
      }
    }
    return marked;
  }
}

/** @internal The children of a formula node. */
function formulaChildren(node: Formula): readonly Formula[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.children;
    case 'not':
      return [node.child];
    case 'result':
      return [node.whenTrue, node.whenFalse];
    default:
      return [];
  }
}

/**
 * @internal The nodes reachable from some roots, each after its children, in the order they
 * are first reached (depth first, left to right) — without recursion.
 */
function topologicalOrder(roots: readonly Formula[]): Formula[] {
  const order: Formula[] = [];
  const placed = new Set<Formula>();
  const entered = new Set<Formula>();
  for (const root of roots) {
    if (placed.has(root)) continue;
    const stack: Array<{ node: Formula; next: number }> = [{ node: root, next: 0 }];
    entered.add(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const children = formulaChildren(top.node);
      if (top.next < children.length) {
        const child = children[top.next++]!;
        if (!entered.has(child)) {
          entered.add(child);
          stack.push({ node: child, next: 0 });
        }
        continue;
      }
      stack.pop();
      placed.add(top.node);
      order.push(top.node);
    }
  }
  return order;
}

/** @internal The values a comparison names. */
function valuesOf(value: ConditionValue): readonly (string | number | boolean)[] {
  return Array.isArray(value) ? value : [value as string | number | boolean];
}

/** @internal Classes of a date fact: the dates the comparisons name, and the intervals between them. */
function dateClasses(atoms: readonly FormulaAtom[]): ValueClass[] {
  const points = [...new Set(atoms.flatMap((atom) => valuesOf(atom.value)).filter((value): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)))].sort(compareStrings);
  if (points.length === 0) return [{ kind: 'dates' }];
  const classes: ValueClass[] = [{ kind: 'dates', to: addCalendarDays(points[0]!, -1) }];
  points.forEach((point, i) => {
    classes.push({ kind: 'dates', from: point, to: point });
    const next = points[i + 1];
    const from = addCalendarDays(point, 1);
    if (next === undefined) classes.push({ kind: 'dates', from });
    else if (from < next) classes.push({ kind: 'dates', from, to: addCalendarDays(next, -1) });
  });
  return classes;
}

/** @internal Classes of a number fact: the numbers the comparisons name, and the intervals between them. */
function numberClasses(atoms: readonly FormulaAtom[]): ValueClass[] {
  const points = [...new Set(atoms.flatMap((atom) => valuesOf(atom.value)).filter((value): value is number => typeof value === 'number' && Number.isFinite(value)))].sort((a, b) => a - b);
  if (points.length === 0) return [{ kind: 'numbers' }];
  const classes: ValueClass[] = [{ kind: 'numbers', below: points[0]! }];
  points.forEach((point, i) => {
    classes.push({ kind: 'numbers', equal: point });
    const next = points[i + 1];
    classes.push(next === undefined ? { kind: 'numbers', above: point } : { kind: 'numbers', above: point, below: next });
  });
  return classes;
}

/** @internal A value of a class, to evaluate comparisons with. */
function representativeOf(valueClass: ValueClass): FactValue | undefined {
  switch (valueClass.kind) {
    case 'values':
      return valueClass.values[0];
    case 'dates':
      return valueClass.from ?? (valueClass.to === undefined ? '2026-01-01' : valueClass.to);
    case 'numbers':
      if (valueClass.equal !== undefined) return valueClass.equal;
      if (valueClass.above !== undefined && valueClass.below !== undefined) return (valueClass.above + valueClass.below) / 2;
      if (valueClass.above !== undefined) return valueClass.above + 1;
      return valueClass.below === undefined ? 0 : valueClass.below - 1;
    default:
      return undefined;
  }
}
