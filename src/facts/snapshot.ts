/**
 * Fact snapshots: the values of the facts for one subject (the case or a notice), with what
 * is known of the unknown ones — the values they could still have, and the input paths that
 * would decide them.
 *
 * @module
 */
import { compareStrings } from '../support/issues.js';
import type { FactValue } from './catalogue.js';

/** Fact values by name, with the input paths that would decide each unknown fact. */
export interface FactSnapshot {
  /** Known values by fact name; a name that is absent is unknown. */
  readonly values: Readonly<Record<string, FactValue>>;
  /** For some unknown facts, the values they could still have (e.g. `pending` or `denied`). */
  readonly possible: Readonly<Record<string, readonly FactValue[]>>;
  /**
   * Input paths behind facts that are unknown — or that state that something is unknown, like
   * `asylum.historyKnown: 'no'`. Sorted.
   */
  readonly missing: Readonly<Record<string, readonly string[]>>;
}

/** Where derivations put facts. */
export interface FactSink {
  /** Sets a fact; an unknown one (`undefined`) may come with its missing paths and possible values. */
  set(name: string, value: FactValue | undefined, missing?: readonly string[], possible?: readonly FactValue[]): void;
}

/**
 * Builds a snapshot, optionally on top of another (a notice's on top of the case's). `build`
 * hands over the builder's objects: a builder builds once.
 *
 * @example
 * ```ts
 * const builder = new SnapshotBuilder();
 * builder.set('notice.kind', 'diffusion');
 * builder.build().values['notice.kind']; // 'diffusion'
 * ```
 */
export class SnapshotBuilder implements FactSink {
  private readonly values: Record<string, FactValue> = {};
  private readonly possible: Record<string, readonly FactValue[]> = {};
  private readonly missing: Record<string, readonly string[]> = {};
  private built = false;

  constructor(base?: FactSnapshot) {
    if (base) {
      Object.assign(this.values, base.values);
      Object.assign(this.possible, base.possible);
      Object.assign(this.missing, base.missing);
    }
  }

  set(name: string, value: FactValue | undefined, missing: readonly string[] = [], possible?: readonly FactValue[]): void {
    if (this.built) throw new Error('Internal: a fact set after its snapshot was built');
    if (value !== undefined) this.values[name] = value;
    else if (possible !== undefined && possible.length > 0) this.possible[name] = possible;
    if (missing.length === 1) this.missing[name] = [missing[0]!];
    else if (missing.length > 1) this.missing[name] = [...new Set(missing)].sort(compareStrings);
  }

  /** The snapshot of the facts set (once). */
  build(): FactSnapshot {
    this.built = true;
    return { values: this.values, possible: this.possible, missing: this.missing };
  }
}

/**
 * A three-valued boolean as a fact value.
 *
 * @example
 * ```ts
 * yesNo(true); // 'yes'
 * yesNo(undefined); // undefined (unknown)
 * ```
 */
export function yesNo(value: boolean | undefined): 'yes' | 'no' | undefined {
  return value === undefined ? undefined : value ? 'yes' : 'no';
}
