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
  /** Median time of one call of the first path and of the last, in ms (absolute: read with care). */
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

/**
 * The clock, in ms: the CPU time of the process (`BENCH_CLOCK=cpu`, the default: on a shared
 * machine with more runnable jobs than cores, wall time mostly measures the wait for a core; the
 * CPU time counts every thread of the process, the collector's and the compiler's included) or
 * wall time (`BENCH_CLOCK=wall`).
 */
export const clock: () => number =
  process.env.BENCH_CLOCK === 'wall'
    ? () => performance.now()
    : () => {
        const { user, system } = process.cpuUsage();
        return (user + system) / 1000;
      };

/** Times `repeat` calls of a path; ms per call. */
async function timeOf(path: Path, repeat: number): Promise<number> {
  const start = clock();
  for (let i = 0; i < repeat; i++) await path();
  return (clock() - start) / repeat;
}

/** How many calls of a path take at least `minimumMs` (at least one). */
export async function repeatsFor(path: Path, minimumMs: number): Promise<number> {
  const once = await timeOf(path, 1);
  return Math.max(1, Math.ceil(minimumMs / Math.max(once, 0.001)));
}

/**
 * One measure: paths timed back to back in each round (the first is timed again after the others,
 * and its time is the mean of the two), and the figure a round gives from their times (ms per
 * call, in the order of `paths`).
 */
export interface Measure {
  readonly name: string;
  readonly paths: readonly Path[];
  readonly figure: (ms: readonly number[]) => number;
}

/** A path against its reference: path ÷ reference. */
export function against(name: string, reference: Path, path: Path): Measure {
  return { name, paths: [reference, path], figure: ([referenceMs, pathMs]) => pathMs! / referenceMs! };
}

/**
 * Runs measures in `rounds` rounds; in each round, each measure times its paths back to back
 * (each at least `minimumMs`: short paths are repeated), then its first path again, and records
 * its figure. The measures' order rotates from round to round. Warms every path up first.
 */
export async function runPaired(
  measures: readonly Measure[],
  options: { rounds: number; minimumMs: number; warmupMs: number; onRound?: (round: number) => void },
): Promise<Map<string, RatioStats>> {
  const repeats = new Map<Path, number>();
  for (const { paths } of measures) {
    for (const each of paths) {
      if (repeats.has(each)) continue;
      const until = clock() + options.warmupMs;
      do await each();
      while (clock() < until);
      repeats.set(each, await repeatsFor(each, options.minimumMs));
    }
  }
  const figures = new Map<string, number[]>(measures.map(({ name }) => [name, []]));
  const referenceTimes = new Map<string, number[]>(measures.map(({ name }) => [name, []]));
  const pathTimes = new Map<string, number[]>(measures.map(({ name }) => [name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < measures.length; k++) {
      const { name, paths, figure } = measures[(k + round) % measures.length]!;
      const ms: number[] = [];
      for (const each of paths) ms.push(await timeOf(each, repeats.get(each)!));
      ms[0] = (ms[0]! + (await timeOf(paths[0]!, repeats.get(paths[0]!)!))) / 2;
      figures.get(name)!.push(figure(ms));
      referenceTimes.get(name)!.push(ms[0]!);
      pathTimes.get(name)!.push(ms.at(-1)!);
    }
    options.onRound?.(round);
  }
  return new Map(measures.map(({ name }) => [name, ratioStats(figures.get(name)!, referenceTimes.get(name)!, pathTimes.get(name)!)]));
}

/** A ratio with its spread, for a table: `12.3× (11.8–13.1)`. */
export function formatRatio(stats: Pick<RatioStats, 'median' | 'min' | 'max'>, digits = 1): string {
  return `${stats.median.toFixed(digits)}× (${stats.min.toFixed(digits)}–${stats.max.toFixed(digits)})`;
}
