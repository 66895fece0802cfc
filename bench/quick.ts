/**
 * A quick, noise-resistant figure for development: the fastest of many passes over the bench's
 * cases, per path, in µs per case (`node bench/.out/quick.js`).
 */
import { caseSchema, evaluateCaseSync } from 'red-notice-rules';
import { baselineOutcomes, type BaselineCase } from './baseline.js';
import { benchCases } from './cases.js';

const cases = benchCases(500);
const fastest = (run: () => void, passes = Number(process.env.QUICK_PASSES ?? 30)) => {
  let best = Infinity;
  for (let i = 0; i < passes; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return (best * 1000) / cases.length;
};
const figures = {
  baseline: fastest(() => { for (const { value, asOf } of cases) baselineOutcomes(value as unknown as BaselineCase, asOf); }),
  full: fastest(() => { for (const { value, asOf } of cases) evaluateCaseSync(value, { asOf }); }),
  none: fastest(() => { for (const { value, asOf } of cases) evaluateCaseSync(value, { asOf, trace: 'none' }); }),
  zod: fastest(() => { for (const { value } of cases) caseSchema.safeParse(value); }),
};
console.log(Object.entries(figures).map(([name, micros]) => `${name} ${micros.toFixed(1)}`).join('  '), ` full/baseline ${(figures.full / figures.baseline).toFixed(1)}×`);
