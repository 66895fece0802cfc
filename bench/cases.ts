/**
 * The benchmark's cases: typical cases (2–3 notices, 5–8 asylum events) from the property
 * tests' generators, with a date to judge each at — the same list, from a fixed seed, in
 * every run.
 */
import fc from 'fast-check';
import { asOfArb, typicalCaseArb } from '../test/arbitraries.js';

/** One case and its date. */
export interface BenchCase {
  readonly value: Record<string, unknown>;
  readonly asOf: string;
}

/**
 * `count` typical cases, the same ones for the same `count` and `seed`.
 */
export function benchCases(count: number, seed = 2017): BenchCase[] {
  return fc.sample(fc.tuple(typicalCaseArb, asOfArb), { numRuns: count, seed }).map(([value, asOf]) => ({ value, asOf }));
}
