/**
 * `npm run bench`: the speed of an evaluation against a hand-written baseline, on the same
 * generated cases, in one run; then the cold import of the package, its heap over 100,000
 * evaluations, and the analysis of 200 generated rules and of rule sets built to exhaust it
 * (time and peak memory, each in its own process: bench/analysis.ts). Measures the build in dist/ (run `npm run build` first; `npm run bench` does).
 *
 * Environment: BENCH_CASES (default 500), BENCH_TIME (ms per path, default 3000, shared by the
 * rounds), BENCH_ROUNDS (default 3), HEAP_EVALUATIONS (default 100000).
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { caseSchema, evaluateCase, evaluateCaseSync } from 'red-notice-rules';
import { baselineOutcomes, type BaselineCase } from './baseline.js';
import { benchCases } from './cases.js';

const caseCount = Number(process.env.BENCH_CASES ?? 500);
const time = Number(process.env.BENCH_TIME ?? 3000);
const cases = benchCases(caseCount);

// ── The baseline must give the library's outcomes on every case, or the comparison means nothing.
let disagreements = 0;
for (const [index, { value, asOf }] of cases.entries()) {
  const expected = baselineOutcomes(value as unknown as BaselineCase, asOf);
  const evaluation = evaluateCaseSync(value, { asOf, trace: 'none' });
  const byId = new Map(evaluation.notices.map((notice) => [notice.noticeId, notice.outcome]));
  const actual = (value as unknown as BaselineCase).notices.map((notice) => byId.get(notice.id));
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    if (disagreements++ < 3) console.error(`case ${index} (asOf ${asOf}): baseline ${JSON.stringify(expected)}, library ${JSON.stringify(actual)}\n${JSON.stringify(value)}`);
  }
}
if (disagreements > 0) {
  console.error(`\nThe baseline disagrees with the library on ${disagreements} of ${cases.length} cases: no figures.`);
  process.exit(1);
}

// ── Every path runs over all the cases in each iteration. The machine's speed drifts (a shared
// virtual machine), so all the paths run in several rounds, one after the other, and each keeps
// its best median: no path is measured only in a slow spell.
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const paths = {
  baseline: 'hand-written baseline (outcome table only)',
  full: 'evaluateCase, compiled, trace full',
  fullNoQuestions: 'evaluateCase, compiled, trace full, questions: false',
  fullSync: 'evaluateCaseSync, compiled, trace full',
  none: 'evaluateCase, compiled, trace none',
  noneNoQuestions: 'evaluateCase, compiled, trace none, questions: false',
  jre: 'evaluateCase, json-rules-engine, trace full',
  zod: 'zod caseSchema.safeParse alone',
} as const;
const perCase = new Map<string, number>();
for (let round = 0; round < rounds; round++) {
  const bench = new Bench({ time: time / rounds, warmupTime: Math.min(1000, time / 3), iterations: 5 });
  bench
    .add(paths.baseline, () => {
      for (const { value, asOf } of cases) baselineOutcomes(value as unknown as BaselineCase, asOf);
    })
    .add(paths.full, async () => {
      for (const { value, asOf } of cases) await evaluateCase(value, { asOf, trace: 'full' });
    })
    .add(paths.fullNoQuestions, async () => {
      for (const { value, asOf } of cases) await evaluateCase(value, { asOf, trace: 'full', questions: false });
    })
    .add(paths.fullSync, () => {
      for (const { value, asOf } of cases) evaluateCaseSync(value, { asOf, trace: 'full' });
    })
    .add(paths.none, async () => {
      for (const { value, asOf } of cases) await evaluateCase(value, { asOf, trace: 'none' });
    })
    .add(paths.noneNoQuestions, async () => {
      for (const { value, asOf } of cases) await evaluateCase(value, { asOf, trace: 'none', questions: false });
    })
    .add(paths.jre, async () => {
      for (const { value, asOf } of cases) await evaluateCase(value, { asOf, trace: 'full', engine: 'json-rules-engine' });
    })
    .add(paths.zod, () => {
      for (const { value } of cases) caseSchema.safeParse(value);
    });
  await bench.run();
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
    const micros = (result.latency.p50 * 1000) / cases.length;
    perCase.set(task.name, Math.min(perCase.get(task.name) ?? Infinity, micros));
  }
}
const baselineMicros = perCase.get(paths.baseline)!;
const rows = [...perCase].map(([name, micros]) => [
  name,
  micros.toFixed(2),
  Math.round(1e6 / micros).toLocaleString('en-US'),
  `${(micros / baselineMicros).toFixed(1)}×`,
]);

// ── Cold import of the ESM entry, in fresh processes.
const entry = new URL('../../dist/index.js', import.meta.url).href;
const importTimes: number[] = [];
const firstResultTimes: number[] = [];
for (let i = 0; i < 11; i++) {
  const script = `const t0 = performance.now(); const m = await import(${JSON.stringify(entry)}); const t1 = performance.now();
m.evaluateCaseSync({ schemaVersion: 1, notices: [{ id: 'a', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] }, { asOf: '2025-01-01' });
console.log(JSON.stringify([t1 - t0, performance.now() - t0]));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`cold import failed: ${run.stderr}`);
  const [imported, firstResult] = JSON.parse(run.stdout) as [number, number];
  importTimes.push(imported);
  firstResultTimes.push(firstResult);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// ── Heap in use over many evaluations, in a process with --expose-gc.
const heapRun = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(new URL('./heap.js', import.meta.url))], { encoding: 'utf8', env: process.env });
if (heapRun.status !== 0) throw new Error(`heap run failed: ${heapRun.stderr}`);
const heap = JSON.parse(heapRun.stdout) as { evaluations: number; samples: number[] };
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
const firstHeap = heap.samples[0]!;
const lastHeap = heap.samples.at(-1)!;
const secondHalf = heap.samples.slice(Math.floor(heap.samples.length / 2));

// ── The analysis, each workload in a fresh process: wall time, CPU time, peak resident memory.
interface AnalysisRun {
  readonly name: string;
  readonly bytes: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly maxRssMB: number;
  readonly result: string;
  readonly findings: Record<string, number>;
}
const analysisRuns: AnalysisRun[] = [];
for (const workload of ['generated-200', 'many-values-53kb', 'doubling-2^30', 'chain-8000', 'exception-chain-15000']) {
  const run = spawnSync(process.execPath, [fileURLToPath(new URL('./analysis.js', import.meta.url)), workload], { encoding: 'utf8', env: process.env });
  if (run.status !== 0) throw new Error(`analysis run ${workload} failed: ${run.stderr}`);
  analysisRuns.push(JSON.parse(run.stdout) as AnalysisRun);
}

// ── Report.
const cpu = cpus();
console.log(`red-notice-rules bench — Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);
console.log(
  `${cases.length} typical cases (2–3 notices, 5–8 asylum events; seed 2017), all ${cases.length} per iteration; ` +
    `the best of ${rounds} rounds' median iterations; baseline checked against the library on every case\n`,
);
const header = ['path', 'µs/case', 'cases/s', '× baseline'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((width, column) => (column === 0 ? ':' : '') + '-'.repeat(width + 1) + (column === 0 ? '' : ':')).join('|')}|`);
for (const row of rows) console.log(line(row));

const full = perCase.get(paths.full)!;
const withoutQuestions = perCase.get(paths.fullNoQuestions)!;
const jre = perCase.get(paths.jre)!;
const coldImport = median(importTimes);
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
console.log(`\ncold import of dist/index.js: median ${coldImport.toFixed(1)} ms of ${importTimes.length} fresh processes (first result, rule sets compiled: ${median(firstResultTimes).toFixed(1)} ms)`);
console.log(
  `heap in use after GC over ${heap.evaluations.toLocaleString('en-US')} evaluations: ${mb(firstHeap)} MB → ${mb(lastHeap)} MB ` +
    `(growth ${((lastHeap - firstHeap) / 1024).toFixed(0)} KB; second half spread ${((Math.max(...secondHalf) - Math.min(...secondHalf)) / 1024).toFixed(0)} KB)`,
);
console.log(`  every ${(heap.evaluations / (heap.samples.length - 1)).toLocaleString('en-US')} evaluations, MB: ${heap.samples.map(mb).join(' ')}`);
console.log('\nanalyzeRuleSets (red-notice-rules/analysis, with the bundled rule sets), each in a fresh process:');
const analysisHeader = ['workload', 'KB', 'wall s', 'CPU s', 'peak RSS MB', 'result'];
const analysisRows = analysisRuns.map((run) => [
  run.name,
  (run.bytes / 1024).toFixed(0),
  (run.ms / 1000).toFixed(2),
  (run.cpuMs / 1000).toFixed(2),
  run.maxRssMB.toFixed(0),
  `${run.result}${Object.keys(run.findings).length === 0 ? '' : ` (${Object.entries(run.findings).map(([code, count]) => `${count} ${code}`).join(', ')})`}`,
]);
const analysisWidths = analysisHeader.map((title, column) => Math.max(title.length, ...analysisRows.map((row) => row[column]!.length)));
const analysisLine = (cells: readonly string[]) => `| ${cells.map((cell, column) => (column === 0 || column === 5 ? cell.padEnd(analysisWidths[column]!) : cell.padStart(analysisWidths[column]!))).join(' | ')} |`;
console.log(analysisLine(analysisHeader));
console.log(`|${analysisWidths.map((width, column) => (column === 0 || column === 5 ? ':' + '-'.repeat(width + 1) : '-'.repeat(width + 1) + ':')).join('|')}|`);
for (const row of analysisRows) console.log(analysisLine(row));
const generated = analysisRuns.find((run) => run.name === 'generated-200')!;

console.log('\ntargets:');
console.log(`  evaluateCase (trace full) ≤ 15× baseline: ${(full / baselineMicros).toFixed(1)}× — ${verdict(full / baselineMicros <= 15)}`);
console.log(`    (questions: false: ${(withoutQuestions / baselineMicros).toFixed(1)}×; the questions cost ${(full - withoutQuestions).toFixed(1)} µs a case, ${((full / withoutQuestions - 1) * 100).toFixed(0)}% more)`);
console.log(`  ≥ 25× faster than json-rules-engine:     ${(jre / full).toFixed(1)}× — ${verdict(jre / full >= 25)}`);
console.log(`  cold import < 60 ms:                     ${coldImport.toFixed(1)} ms — ${verdict(coldImport < 60)}`);
// "No growth": what a leak would show — the heap still rising through the second half — stays
// within 1 MB (a leak of even 10 bytes per evaluation would add 500 KB there).
const secondHalfRise = secondHalf.at(-1)! - secondHalf[0]!;
console.log(`  no heap growth over 100k evaluations:    ${(secondHalfRise / 1024).toFixed(0)} KB over the second half — ${verdict(secondHalfRise < 1024 * 1024)}`);
console.log(`  200 generated rules analysed in ≤ 5 s:   ${(generated.ms / 1000).toFixed(2)} s — ${verdict(generated.ms <= 5000)}`);
console.log(`  … and in ≤ 200 MB (peak RSS):            ${generated.maxRssMB.toFixed(0)} MB — ${verdict(generated.maxRssMB <= 200)}`);
