/**
 * Fact snapshots: the values of the facts for one subject (the case or a notice), with what
 * is known of the unknown ones — the values they could still have, and the input paths that
 * would decide them.
 *
 * @module
 */
import { compareStrings } from '../support/issues.js';
import { FACT_CATALOGUE, type FactName, type FactValue, type FactValueOf } from './catalogue.js';

/**
 * Fact values by name, with the input paths that would decide each unknown fact. Every fact of
 * the catalogue is a key of `values`, `possible` and `missing` (see `SnapshotBuilder`): read
 * them by name; an `undefined` member is the same as an absent one.
 */
export interface FactSnapshot {
  /** Known values by fact name; a name whose value is `undefined` (or absent) is unknown. */
  readonly values: Readonly<Record<string, FactValue | undefined>>;
  /** For some unknown facts, the values they could still have (e.g. `pending` or `denied`). */
  readonly possible: Readonly<Record<string, readonly FactValue[] | undefined>>;
  /**
   * Input paths behind facts that are unknown — or that state that something is unknown, like
   * `asylum.historyKnown: 'no'`. Sorted.
   */
  readonly missing: Readonly<Record<string, readonly string[] | undefined>>;
}

/**
 * Where derivations put facts. The name must be a fact of the catalogue and the value one it can
 * take (its vocabulary's, a date, a number): both are checked by the compiler.
 */
export interface FactSink {
  /** Sets a fact; an unknown one (`undefined`) may come with its missing paths and possible values. */
  set<N extends FactName>(name: N, value: FactValueOf<N> | undefined, missing?: readonly string[], possible?: readonly FactValueOf<N>[]): void;
}

/**
 * Builds a snapshot, optionally on top of another (a notice's on top of the case's). `build`
 * hands over the builder's objects: a builder builds once.
 *
 * Snapshots are copied for every notice and pass, so they are kept cheap to copy: each object
 * starts from a template that has every fact of the catalogue as a key (with `undefined`), so
 * that setting a fact overwrites a member instead of adding one and the object keeps one fixed
 * shape, which the engine copies in a single step (an object grown member by member would turn
 * into a slow dictionary, costing a hundred times more to copy). A built snapshot is never
 * changed, so a builder shares its base's records of possible values and of missing paths until
 * it writes to one (a notice's snapshot mostly adds no possible value to the case's).
 *
 * @example
 * ```ts
 * const builder = new SnapshotBuilder();
 * builder.set('notice.kind', 'diffusion');
 * builder.build().values['notice.kind']; // 'diffusion'
 * ```
 */
export class SnapshotBuilder implements FactSink {
  private readonly values: Record<string, FactValue | undefined>;
  /** The base's own record until a possible value is set (copied then): most notices set none. */
  private possible: Record<string, readonly FactValue[] | undefined>;
  private possibleCopied = false;
  /** The base's own record until a missing path is set (copied then). */
  private missing: Record<string, readonly string[] | undefined>;
  private missingCopied = false;
  private built = false;

  constructor(base: FactSnapshot = emptySnapshot()) {
    this.values = { ...base.values };
    // Snapshots are never changed once built, so a snapshot may share its base's records of
    // possible values and missing paths where it adds nothing to them.
    this.possible = base.possible as Record<string, readonly FactValue[] | undefined>;
    this.missing = base.missing as Record<string, readonly string[] | undefined>;
  }

  set<N extends FactName>(name: N, value: FactValueOf<N> | undefined, missing: readonly string[] = NO_PATHS, possible?: readonly FactValueOf<N>[]): void {
    if (this.built) throw new Error('Internal: a fact set after its snapshot was built');
    if (value !== undefined) this.values[name] = value;
    else if (possible !== undefined && possible.length > 0) this.ownPossible()[name] = possible;
    if (missing.length === 1) this.ownMissing()[name] = [missing[0]!];
    else if (missing.length > 1) this.ownMissing()[name] = [...new Set(missing)].sort(compareStrings);
  }

  /**
   * Sets a fact of a rule set's own (not in the catalogue: its type was checked where it was
   * read); unknown when `value` is `undefined`, with the input path that would decide it.
   */
  setCustom(name: string, value: FactValue | undefined, missing: readonly string[] = NO_PATHS): void {
    if (this.built) throw new Error('Internal: a fact set after its snapshot was built');
    this.values[name] = value;
    this.ownPossible()[name] = undefined;
    this.ownMissing()[name] = missing.length === 0 ? undefined : [...missing];
  }

  /** The record of possible values, this builder's own (copied from the base's on first write). */
  private ownPossible(): Record<string, readonly FactValue[] | undefined> {
    if (!this.possibleCopied) {
      this.possible = { ...this.possible };
      this.possibleCopied = true;
    }
    return this.possible;
  }

  /** The record of missing paths, this builder's own (copied from the base's on first write). */
  private ownMissing(): Record<string, readonly string[] | undefined> {
    if (!this.missingCopied) {
      this.missing = { ...this.missing };
      this.missingCopied = true;
    }
    return this.missing;
  }

  /** The snapshot of the facts set (once). */
  build(): FactSnapshot {
    this.built = true;
    return { values: this.values, possible: this.possible, missing: this.missing };
  }
}

/** @internal No missing paths: the default of `set`, shared (never changed, never handed out: `set` copies what it keeps). */
const NO_PATHS: readonly string[] = Object.freeze([]);

/** @internal The empty snapshot: every fact of the catalogue, unknown. Made on first use. */
let emptyTemplate: FactSnapshot | undefined;

/** @internal The empty snapshot (never changed: builders copy it). */
function emptySnapshot(): FactSnapshot {
  if (emptyTemplate === undefined) {
    const names = FACT_CATALOGUE.map((fact) => [fact.name, undefined] as const);
    emptyTemplate = {
      values: Object.fromEntries(names),
      possible: Object.fromEntries(names),
      missing: Object.fromEntries(names),
    };
  }
  return emptyTemplate;
}

/**
 * A three-valued boolean as a fact value.
 *
 * @example
 * ```ts
 * yesNo(true); // 'yes'
 * yesNo(false); // 'no'
 * // Unknown stays unknown:
 * yesNo(undefined); // undefined
 * ```
 */
export function yesNo(value: boolean | undefined): 'yes' | 'no' | undefined {
  return value === undefined ? undefined : value ? 'yes' : 'no';
}
