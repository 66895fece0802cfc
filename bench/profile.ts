/**
 * A profiling run: `node --cpu-prof bench/.out/profile.js` evaluates the bench's cases for a
 * few seconds (PROFILE_TRACE: full | fired | none, PROFILE_ENGINE: compiled | json-rules-engine,
 * PROFILE_QUESTIONS: true | false).
 */
import { evaluateCase, type EngineName, type TraceLevel } from '../src/index.js';
import { benchCases } from './cases.js';

const cases = benchCases(500);
const trace = (process.env.PROFILE_TRACE ?? 'full') as TraceLevel;
const engine = (process.env.PROFILE_ENGINE ?? 'compiled') as EngineName;
const questions = process.env.PROFILE_QUESTIONS !== 'false';
const until = performance.now() + Number(process.env.PROFILE_TIME ?? 5000);
let count = 0;
while (performance.now() < until) {
  for (const { value, asOf } of cases) await evaluateCase(value, { asOf, trace, engine, questions });
  count += cases.length;
}
console.log(`${count} evaluations, ${((Number(process.env.PROFILE_TIME ?? 5000) * 1000) / count).toFixed(1)} µs each`);
