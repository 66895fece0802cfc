/**
 * Whether results kept alive slow later evaluations — in a process of its own (V8's decisions,
 * such as pretenuring allocation sites, are per process): evaluates 1,000 cases (`retain`: keeps
 * the 1,000 results, each read in full — trace included — as an application that lists them
 * would; `drop`: lets them go), then times evaluations of the bench's cases. Prints one JSON line:
 * `{ "mode", "microsPerCase" }`.
 */
import { evaluateCaseSync, type CaseEvaluation } from 'red-notice-rules';
import { benchCases } from './cases.js';
import { clock } from './paired.js';

const mode = process.argv[2] === 'retain' ? 'retain' : 'drop';
const kept: CaseEvaluation[] = [];
for (const { value, asOf } of benchCases(1_000, 99)) {
  const evaluation = evaluateCaseSync(value, { asOf, trace: 'full' });
  if (mode === 'retain') {
    JSON.stringify(evaluation); // every lazy member made
    kept.push(evaluation);
  }
}
const cases = benchCases(Number(process.env.BENCH_CASES ?? 200));
const timeMs = Number(process.env.RETAINED_TIME ?? 1000);
let evaluations = 0;
const start = clock();
while (clock() - start < timeMs) {
  for (const { value, asOf } of cases) evaluateCaseSync(value, { asOf, trace: 'full' });
  evaluations += cases.length;
}
const microsPerCase = ((clock() - start) * 1000) / evaluations;
console.log(JSON.stringify({ mode, microsPerCase, kept: kept.length }));
