/**
 * Heap growth over many evaluations, in its own process (`node --expose-gc`): the heap in use
 * after a forced collection, every 10,000 evaluations. Prints one JSON line.
 */
import { evaluateCaseSync } from 'red-notice-rules';
import { benchCases } from './cases.js';

const total = Number(process.env.HEAP_EVALUATIONS ?? 100_000);
const every = 10_000;
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('Run with node --expose-gc');

const cases = benchCases(1_000);
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
// Warm up (compiles the rule sets, fills caches), then measure.
for (const { value, asOf } of cases) evaluateCaseSync(value, { asOf });
const samples: number[] = [heapAfterGc()];
for (let i = 1; i <= total; i++) {
  const { value, asOf } = cases[i % cases.length]!;
  evaluateCaseSync(value, { asOf, trace: 'full' });
  if (i % every === 0) samples.push(heapAfterGc());
}
console.log(JSON.stringify({ evaluations: total, samples }));
