/**
 * A small CDCL SAT solver (conflict-driven clause learning): two watched literals, first-UIP
 * learning with backjumping, activity-ordered decisions (VSIDS), phase saving, Luby restarts,
 * and solving under assumptions — so that one set of clauses answers many questions, each one
 * a list of literals assumed true, and what is learnt for one question serves the next.
 *
 * Literals are numbers: `2 × variable` is the variable, `2 × variable + 1` its negation.
 *
 * @module
 */

/** The answer to a question: satisfiable (with a model), not (proven), or not known within the budget. */
export type SatAnswer = 'sat' | 'unsat' | 'budget';

/** @internal Unassigned. */
const UNSET = -1;

/**
 * The solver. Clauses are added at any time between questions; `solve(assumptions, budget)`
 * answers one question, and `value(variable)` reads the model of the last satisfiable answer.
 *
 * @example
 * ```ts
 * const sat = new SatSolver();
 * const a = sat.newVariable();
 * const b = sat.newVariable();
 * sat.addClause([2 * a, 2 * b]); // a or b
 * sat.addClause([2 * a + 1]); // not a
 * sat.solve([], 100); // 'sat'
 * sat.value(b); // true
 * sat.solve([2 * b + 1], 100); // 'unsat'
 * ```
 */
export class SatSolver {
  private variables = 0;
  /**
   * @internal The clauses, their literals one after another in one array (a clause as an array
   * of its own took eight times the memory): clause `c` is `arena[start[c]]` … `arena[start[c] + size[c] - 1]`.
   */
  private arena = new Int32Array(4096);
  private arenaUsed = 0;
  private starts = new Int32Array(1024);
  private sizes = new Int32Array(1024);
  private clauseCount = 0;
  /**
   * @internal The watch lists, in typed arrays (an array per literal was most of a space's memory,
   * all of it promoted to V8's old generation and dropped with the space): a clause has two
   * watches, `2c` and `2c + 1`, each in the list of the literal whose falsity it watches;
   * `watchHead[l]` and `watchTail[l]` are the first and last watch of literal `l`'s list
   * (-1: empty), `watchNext[w]` the next watch after `w`. Lists keep their order of insertion.
   */
  private watchHead = new Int32Array(0);
  private watchTail = new Int32Array(0);
  private watchNext = new Int32Array(2048);
  private assigns = new Int8Array(0);
  private levels = new Int32Array(0);
  private reasons = new Int32Array(0);
  private activity = new Float64Array(0);
  private phase = new Uint8Array(0);
  private seen = new Uint8Array(0);
  /** @internal The literals of the clause being added (reused). */
  private kept = new Int32Array(16);
  private readonly trail: number[] = [];
  private readonly trailLimits: number[] = [];
  private head = 0;
  private increment = 1;
  private readonly order = new ActivityHeap();
  /** The solver is unsatisfiable whatever is assumed (an empty clause was derived). */
  private broken = false;
  /** Conflicts met, over every question. */
  conflicts = 0;
  /**
   * @internal Whether the activity heap lacks variables: questions with a scope decide its
   * variables in the order given and leave the heap alone (filling it and emptying it again for
   * every question cost more than the search); a question without one fills it first.
   */
  private heapStale = false;
  private scoped = false;

  /** A new variable (false first, unless a model said otherwise). */
  newVariable(): number {
    const variable = this.variables++;
    if (variable >= this.assigns.length) this.grow(Math.max(64, this.assigns.length * 2));
    this.assigns[variable] = UNSET;
    this.reasons[variable] = -1;
    this.watchHead[2 * variable] = this.watchHead[2 * variable + 1] = -1;
    this.watchTail[2 * variable] = this.watchTail[2 * variable + 1] = -1;
    this.order.insert(variable, this.activity);
    return variable;
  }

  /** @internal Grows the per-variable arrays. */
  private grow(size: number): void {
    const copy = <T extends Int8Array | Int32Array | Float64Array | Uint8Array>(array: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(array);
      return next;
    };
    this.assigns = copy(this.assigns, (n) => new Int8Array(n));
    this.levels = copy(this.levels, (n) => new Int32Array(n));
    this.reasons = copy(this.reasons, (n) => new Int32Array(n));
    this.activity = copy(this.activity, (n) => new Float64Array(n));
    this.phase = copy(this.phase, (n) => new Uint8Array(n));
    this.seen = copy(this.seen, (n) => new Uint8Array(n));
    this.watchHead = copy(this.watchHead, () => new Int32Array(2 * size));
    this.watchTail = copy(this.watchTail, () => new Int32Array(2 * size));
  }

  /** The value of a literal: 1 true, 0 false, -1 unassigned. */
  private valueOf(literal: number): number {
    const value = this.assigns[literal >> 1]!;
    return value === UNSET ? UNSET : value ^ (literal & 1);
  }

  /** The value of a variable in the model of the last satisfiable answer. */
  value(variable: number): boolean {
    return this.assigns[variable] === 1;
  }

  /** Adds a clause (at level 0, between questions). */
  addClause(literals: readonly number[]): void {
    if (this.broken) return;
    this.cancelUntil(0);
    // The literals kept, in a buffer reused by every clause (an array per clause was the
    // analysis's largest source of short-lived garbage that V8 promoted to the old generation).
    if (this.kept.length < literals.length) this.kept = new Int32Array(Math.max(literals.length, this.kept.length * 2));
    const kept = this.kept;
    let count = 0;
    for (const literal of literals) {
      const value = this.valueOf(literal);
      if (value === 1 || indexOf(kept, count, literal ^ 1) !== -1) return; // already true, or a tautology
      if (value === 0 || indexOf(kept, count, literal) !== -1) continue;
      kept[count++] = literal;
    }
    if (count === 0) {
      this.broken = true;
      return;
    }
    if (count === 1) {
      this.enqueue(kept[0]!, -1);
      if (this.propagate() !== -1) this.broken = true;
      return;
    }
    this.attach(kept, count);
  }

  /** @internal Stores a clause and watches its first two literals; returns its index. */
  private attach(literals: ArrayLike<number>, length = literals.length): number {
    const index = this.clauseCount++;
    if (index >= this.starts.length) {
      const starts = new Int32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
      const sizes = new Int32Array(this.sizes.length * 2);
      sizes.set(this.sizes);
      this.sizes = sizes;
    }
    if (2 * index + 1 >= this.watchNext.length) {
      const watchNext = new Int32Array(this.watchNext.length * 2);
      watchNext.set(this.watchNext);
      this.watchNext = watchNext;
    }
    if (this.arenaUsed + length > this.arena.length) {
      const arena = new Int32Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      arena.set(this.arena);
      this.arena = arena;
    }
    this.starts[index] = this.arenaUsed;
    this.sizes[index] = length;
    for (let k = 0; k < length; k++) this.arena[this.arenaUsed + k] = literals[k]!;
    this.arenaUsed += length;
    this.watch(2 * index, literals[0]! ^ 1);
    this.watch(2 * index + 1, literals[1]! ^ 1);
    return index;
  }

  /** @internal Assigns a literal true, with the clause that implied it. */
  private enqueue(literal: number, reason: number): void {
    const variable = literal >> 1;
    this.assigns[variable] = (literal & 1) ^ 1;
    this.levels[variable] = this.trailLimits.length;
    this.reasons[variable] = reason;
    this.trail.push(literal);
  }

  /** @internal Appends a watch to the list of a literal. */
  private watch(watch: number, literal: number): void {
    this.watchNext[watch] = -1;
    const tail = this.watchTail[literal]!;
    if (tail === -1) this.watchHead[literal] = watch;
    else this.watchNext[tail] = watch;
    this.watchTail[literal] = watch;
  }

  /** @internal Unit propagation; returns the index of a conflicting clause, or -1. */
  private propagate(): number {
    const arena = this.arena;
    const watchNext = this.watchNext;
    while (this.head < this.trail.length) {
      const falsified = this.trail[this.head++]! ^ 1;
      // Clauses watching `falsified` (registered under its negation, the literal just made true).
      const listOf = falsified ^ 1;
      let previous = -1;
      let watch = this.watchHead[listOf]!;
      while (watch !== -1) {
        const following = watchNext[watch]!;
        const index = watch >> 1;
        const at = this.starts[index]!;
        const end = at + this.sizes[index]!;
        if (arena[at] === falsified) {
          arena[at] = arena[at + 1]!;
          arena[at + 1] = falsified;
        }
        const first = arena[at]!;
        if (this.valueOf(first) === 1) {
          previous = watch;
          watch = following;
          continue;
        }
        let moved = false;
        for (let k = at + 2; k < end; k++) {
          if (this.valueOf(arena[k]!) !== 0) {
            arena[at + 1] = arena[k]!;
            arena[k] = falsified;
            // Out of this list (the order of the others kept), onto the end of the new literal's.
            if (previous === -1) this.watchHead[listOf] = following;
            else watchNext[previous] = following;
            if (following === -1) this.watchTail[listOf] = previous;
            this.watch(watch, arena[at + 1]! ^ 1);
            moved = true;
            break;
          }
        }
        if (moved) {
          watch = following;
          continue;
        }
        if (this.valueOf(first) === 0) {
          this.head = this.trail.length;
          return index;
        }
        this.enqueue(first, index);
        previous = watch;
        watch = following;
      }
    }
    return -1;
  }

  /** @internal Undoes assignments above a level (their phases are kept). */
  private cancelUntil(level: number): void {
    if (this.trailLimits.length <= level) return;
    const limit = this.trailLimits[level]!;
    for (let i = this.trail.length - 1; i >= limit; i--) {
      const variable = this.trail[i]! >> 1;
      this.phase[variable] = this.assigns[variable]!;
      this.assigns[variable] = UNSET;
      this.reasons[variable] = -1;
      if (this.scoped) this.heapStale = true;
      else this.order.insert(variable, this.activity);
    }
    this.trail.length = limit;
    this.trailLimits.length = level;
    this.head = limit;
  }

  /** @internal First-UIP analysis of a conflict: the learnt clause (asserting literal first) and the level to go back to. */
  private analyze(conflict: number): { learnt: number[]; level: number } {
    const learnt: number[] = [0];
    let pending = 0;
    let literal = -1;
    let index = this.trail.length - 1;
    const arena = this.arena;
    let clause = conflict;
    const touched: number[] = [];
    while (true) {
      const at = this.starts[clause]!;
      const size = this.sizes[clause]!;
      for (let k = literal === -1 ? 0 : 1; k < size; k++) {
        const other = arena[at + k]!;
        const variable = other >> 1;
        if (this.seen[variable] || this.levels[variable] === 0) continue;
        this.seen[variable] = 1;
        touched.push(variable);
        this.bump(variable);
        if (this.levels[variable] === this.trailLimits.length) pending++;
        else learnt.push(other);
      }
      while (!this.seen[this.trail[index]! >> 1]) index--;
      literal = this.trail[index--]!;
      this.seen[literal >> 1] = 0;
      pending--;
      if (pending === 0) break;
      const reason = this.reasons[literal >> 1]!;
      clause = reason;
      // The reason clause has the implied literal first.
      const start = this.starts[reason]!;
      if (arena[start] !== literal) {
        let k = start + 1;
        while (arena[k] !== literal) k++;
        arena[k] = arena[start]!;
        arena[start] = literal;
      }
    }
    learnt[0] = literal ^ 1;
    for (const variable of touched) this.seen[variable] = 0;
    let level = 0;
    let at = 1;
    for (let k = 1; k < learnt.length; k++) {
      const variableLevel = this.levels[learnt[k]! >> 1]!;
      if (variableLevel > level) {
        level = variableLevel;
        at = k;
      }
    }
    if (learnt.length > 1) [learnt[1], learnt[at]] = [learnt[at]!, learnt[1]!];
    this.increment /= 0.95;
    return { learnt, level };
  }

  /** @internal Raises a variable's activity. */
  private bump(variable: number): void {
    this.activity[variable]! += this.increment;
    if (this.activity[variable]! > 1e100) {
      for (let v = 0; v < this.variables; v++) this.activity[v]! *= 1e-100;
      this.increment *= 1e-100;
    }
    this.order.update(variable, this.activity);
  }

  /**
   * Answers one question: is there a model in which every assumed literal is true? Stops after
   * `budget` conflicts with `budget`. With a `scope`, only its variables are decided, in the
   * order given: the answer is `sat` once they are all assigned without conflict (the caller
   * knows that the other variables can then be given values that satisfy every clause).
   * Without one, every variable is, the most active first.
   */
  solve(assumptions: readonly number[], budget: number, scope?: ArrayLike<number>): SatAnswer {
    if (this.broken) return 'unsat';
    this.cancelUntil(0);
    this.scoped = scope !== undefined;
    if (scope === undefined && this.heapStale) {
      for (let variable = 0; variable < this.variables; variable++) if (this.assigns[variable] === UNSET) this.order.insert(variable, this.activity);
      this.heapStale = false;
    }
    // The next variable of the scope that may be unassigned (back to the start after a backjump).
    let cursor = 0;
    if (this.propagate() !== -1) {
      this.broken = true;
      return 'unsat';
    }
    let conflictsHere = 0;
    let restart = 0;
    let untilRestart = 100 * luby(restart);
    while (true) {
      const conflict = this.propagate();
      if (conflict !== -1) {
        this.conflicts++;
        conflictsHere++;
        if (this.trailLimits.length === 0) {
          this.broken = true;
          return 'unsat';
        }
        const { learnt, level } = this.analyze(conflict);
        this.cancelUntil(level);
        cursor = 0;
        if (learnt.length === 1) {
          this.enqueue(learnt[0]!, -1);
        } else {
          const index = this.attach(learnt);
          this.enqueue(learnt[0]!, index);
        }
        if (conflictsHere >= budget) {
          this.cancelUntil(0);
          return 'budget';
        }
        if (--untilRestart <= 0) {
          untilRestart = 100 * luby(++restart);
          this.cancelUntil(0);
          cursor = 0;
        }
        continue;
      }
      // Decide: the assumptions first, in order; then the most active variable.
      const level = this.trailLimits.length;
      if (level < assumptions.length) {
        const assumed = assumptions[level]!;
        const value = this.valueOf(assumed);
        if (value === 0) {
          this.cancelUntil(0);
          return 'unsat';
        }
        this.trailLimits.push(this.trail.length);
        if (value === UNSET) this.enqueue(assumed, -1);
        continue;
      }
      let variable = -1;
      if (scope !== undefined) {
        while (cursor < scope.length && this.assigns[scope[cursor]!] !== UNSET) cursor++;
        if (cursor < scope.length) variable = scope[cursor]!;
      } else {
        while (this.order.size > 0) {
          const candidate = this.order.pop(this.activity);
          if (this.assigns[candidate] === UNSET) {
            variable = candidate;
            break;
          }
        }
      }
      if (variable === -1) return 'sat';
      this.trailLimits.push(this.trail.length);
      this.enqueue(2 * variable + (this.phase[variable] === 1 ? 0 : 1), -1);
    }
  }
}

/** @internal The Luby sequence (1, 1, 2, 1, 1, 2, 4, …), for restarts. */
function luby(index: number): number {
  let size = 1;
  let sequence = 0;
  while (size < index + 1) {
    sequence++;
    size = 2 * size + 1;
  }
  let x = index;
  while (size - 1 !== x) {
    size = (size - 1) >> 1;
    sequence--;
    x %= size;
  }
  return 2 ** sequence;
}

/** @internal A max-heap of variables by activity (ties: the lower variable first, for determinism). */
class ActivityHeap {
  private readonly items: number[] = [];
  private positions = new Int32Array(0);

  get size(): number {
    return this.items.length;
  }

  private above(a: number, b: number, activity: Float64Array): boolean {
    return activity[a]! > activity[b]! || (activity[a] === activity[b] && a < b);
  }

  insert(variable: number, activity: Float64Array): void {
    if (variable >= this.positions.length) {
      const next = new Int32Array(Math.max(64, this.positions.length * 2, variable + 1)).fill(-1);
      next.set(this.positions);
      this.positions = next;
    }
    if (this.positions[variable]! >= 0) return;
    this.items.push(variable);
    this.positions[variable] = this.items.length - 1;
    this.up(this.items.length - 1, activity);
  }

  update(variable: number, activity: Float64Array): void {
    const at = variable < this.positions.length ? this.positions[variable]! : -1;
    if (at >= 0) this.up(at, activity);
  }

  pop(activity: Float64Array): number {
    const top = this.items[0]!;
    const last = this.items.pop()!;
    this.positions[top] = -1;
    if (this.items.length > 0) {
      this.items[0] = last;
      this.positions[last] = 0;
      this.down(0, activity);
    }
    return top;
  }

  private up(at: number, activity: Float64Array): void {
    const item = this.items[at]!;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.above(item, this.items[parent]!, activity)) break;
      this.items[at] = this.items[parent]!;
      this.positions[this.items[at]!] = at;
      at = parent;
    }
    this.items[at] = item;
    this.positions[item] = at;
  }

  private down(at: number, activity: Float64Array): void {
    const item = this.items[at]!;
    while (true) {
      const left = 2 * at + 1;
      if (left >= this.items.length) break;
      const right = left + 1;
      const child = right < this.items.length && this.above(this.items[right]!, this.items[left]!, activity) ? right : left;
      if (!this.above(this.items[child]!, item, activity)) break;
      this.items[at] = this.items[child]!;
      this.positions[this.items[at]!] = at;
      at = child;
    }
    this.items[at] = item;
    this.positions[item] = at;
  }
}

/** @internal The position of a value among the first `count` items of a buffer, or -1. */
function indexOf(buffer: Int32Array, count: number, value: number): number {
  for (let k = 0; k < count; k++) if (buffer[k] === value) return k;
  return -1;
}
