/**
 * Paired measurement: every figure of the bench is a ratio of two paths timed back to back, in
 * the same round, so that the machine's drift (a shared virtual machine whose speed moves by
 * 30–50 % from one minute to the next) hits both alike. A round times the reference, the path,
 * then the reference again, and divides the path by the mean of the two references; the
 * figure is the median of the rounds' ratios, with their spread. No path keeps a best round of
 * its own.
 */

/** A path: one call does one unit of work (for instance, every case once). */
export type Path = () => unknown;  // may return a promise: it is awaited

/** What a comparison gives over its rounds. */
export interface RatioStats {
  /** Median ratio over the rounds. */
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** First and third quartiles. */
  readonly q1: number;
  readonly q3: number;
  /** The ratio of each round, in order. */
  readonly rounds: readonly number[];
  /** Median time of one unit of the reference and of the path, in ms (absolute: read with care). */
  readonly referenceMs: number;
  readonly pathMs: number;
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** A quantile (linear interpolation between the closest ranks). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

/** Statistics of per-round ratios. */
export function ratioStats(ratios: readonly number[], referenceMs: readonly number[], pathMs: readonly number[]): RatioStats {
  return {
    median: median(ratios),
    min: Math.min(...ratios),
    max: Math.max(...ratios),
    q1: quantile(ratios, 0.25),
    q3: quantile(ratios, 0.75),
    rounds: ratios,
    referenceMs: median(referenceMs),
    pathMs: median(pathMs),
  };
}

/** Times `repeat` calls of a path; ms per call. */
async function timeOf(path: Path, repeat: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < repeat; i++) await path();
  return (performance.now() - start) / repeat;
}

/** How many calls of a path take at least `minimumMs` (at least one). */
export async function repeatsFor(path: Path, minimumMs: number): Promise<number> {
  const once = await timeOf(path, 1);
  return Math.max(1, Math.ceil(minimumMs / Math.max(once, 0.001)));
}

/** One comparison: a path against its reference, with the work each call does. */
export interface Comparison {
  readonly name: string;
  readonly reference: Path;
  readonly path: Path;
}

/**
 * Runs comparisons in `rounds` rounds; in each round, each comparison times its reference, its
 * path and its reference again, back to back (each at least `minimumMs`: short paths are
 * repeated), and records path ÷ mean of the references. The comparisons' order rotates from
 * round to round. Warms every path up first.
 */
export async function runPaired(
  comparisons: readonly Comparison[],
  options: { rounds: number; minimumMs: number; warmupMs: number; onRound?: (round: number) => void },
): Promise<Map<string, RatioStats>> {
  const repeats = new Map<Path, number>();
  for (const { reference, path } of comparisons) {
    for (const each of [reference, path]) {
      if (repeats.has(each)) continue;
      const until = performance.now() + options.warmupMs;
      do await each();
      while (performance.now() < until);
      repeats.set(each, await repeatsFor(each, options.minimumMs));
    }
  }
  const ratios = new Map<string, number[]>(comparisons.map(({ name }) => [name, []]));
  const referenceTimes = new Map<string, number[]>(comparisons.map(({ name }) => [name, []]));
  const pathTimes = new Map<string, number[]>(comparisons.map(({ name }) => [name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < comparisons.length; k++) {
      const { name, reference, path } = comparisons[(k + round) % comparisons.length]!;
      const before = await timeOf(reference, repeats.get(reference)!);
      const during = await timeOf(path, repeats.get(path)!);
      const after = await timeOf(reference, repeats.get(reference)!);
      const referenceMs = (before + after) / 2;
      ratios.get(name)!.push(during / referenceMs);
      referenceTimes.get(name)!.push(referenceMs);
      pathTimes.get(name)!.push(during);
    }
    options.onRound?.(round);
  }
  return new Map(comparisons.map(({ name }) => [name, ratioStats(ratios.get(name)!, referenceTimes.get(name)!, pathTimes.get(name)!)]));
}

/** A ratio with its spread, for a table: `12.3× (11.8–13.1)`. */
export function formatRatio(stats: Pick<RatioStats, 'median' | 'min' | 'max'>, digits = 1): string {
  return `${stats.median.toFixed(digits)}× (${stats.min.toFixed(digits)}–${stats.max.toFixed(digits)})`;
}
