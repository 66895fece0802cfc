/**
 * `npm run bench`: the speed of an evaluation as ratios measured side by side — every figure is
 * a ratio of paths timed back to back in the same round (`bench/paired.ts`), the median over the
 * rounds with its spread (min–max) — against a hand-written baseline on the same generated cases;
 * linearity in notices, asylum events and rules; whether retained results slow later evaluations;
 * the cold import; the heap over 100,000 evaluations. Measures the build in dist/ (`npm run
 * bench` builds it first).
 *
 * `npm run bench -- --json` prints one JSON document instead of the tables (for a check to read);
 * BENCH_JSON_OUT=file writes it to a file as well as printing the tables.
 *
 * Environment: BENCH_CLOCK (`cpu`, the default: the process's CPU time; or `wall`), BENCH_CASES (default 200), BENCH_ROUNDS (default 11), BENCH_MIN_MS (ms a path is
 * timed for in each round, default 150), BENCH_COLD_BEFORE (another build's `dist/index.js`: its
 * cold import is measured alternately with this one's, and the ratio reported), HEAP_EVALUATIONS.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { caseSchema, createEvaluator, evaluateCase, evaluateCaseSync } from 'red-notice-rules';
import { caseArbOfSize } from '../test/arbitraries.js';
import { baselineOutcomes, type BaselineCase } from './baseline.js';
import { benchCases, type BenchCase } from './cases.js';
import { against, formatRatio, median, runPaired, type Measure, type RatioStats } from './paired.js';

const json = process.argv.includes('--json');
const log = json ? (..._: unknown[]) => {} : (...args: unknown[]) => console.log(...args);
const progress = (text: string) => process.stderr.write(text);
const caseCount = Number(process.env.BENCH_CASES ?? 200);
const rounds = Number(process.env.BENCH_ROUNDS ?? 11);
const minimumMs = Number(process.env.BENCH_MIN_MS ?? 150);
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

// ── The paths: each call evaluates every case once.
const every = (run: (item: BenchCase) => unknown) => () => {
  for (const item of cases) run(item);
};
const everyAsync = (run: (item: BenchCase) => Promise<unknown>) => async () => {
  for (const item of cases) await run(item);
};
const baseline = every(({ value, asOf }) => baselineOutcomes(value as unknown as BaselineCase, asOf));
const full = everyAsync(({ value, asOf }) => evaluateCase(value, { asOf, trace: 'full' }));
const paths = {
  full,
  fullSerialised: everyAsync(async ({ value, asOf }) => JSON.stringify(await evaluateCase(value, { asOf, trace: 'full' }))),
  fullNoQuestions: everyAsync(({ value, asOf }) => evaluateCase(value, { asOf, trace: 'full', questions: false })),
  fullSync: every(({ value, asOf }) => evaluateCaseSync(value, { asOf, trace: 'full' })),
  none: everyAsync(({ value, asOf }) => evaluateCase(value, { asOf, trace: 'none' })),
  noneNoQuestions: everyAsync(({ value, asOf }) => evaluateCase(value, { asOf, trace: 'none', questions: false })),
  jre: everyAsync(({ value, asOf }) => evaluateCase(value, { asOf, trace: 'full', engine: 'json-rules-engine' })),
  zod: every(({ value }) => caseSchema.safeParse(value)),
};
const labels: Record<string, string> = {
  full: 'evaluateCase, trace full (default options)',
  fullSerialised: 'evaluateCase, trace full, then JSON.stringify',
  fullNoQuestions: 'evaluateCase, trace full, questions: false',
  fullSync: 'evaluateCaseSync, trace full',
  none: 'evaluateCase, trace none',
  noneNoQuestions: 'evaluateCase, trace none, questions: false',
  jre: 'evaluateCase, json-rules-engine, trace full',
  zod: 'zod caseSchema.safeParse alone',
};
const speedMeasures: Measure[] = Object.entries(paths).map(([key, path]) => against(key, baseline, path));
speedMeasures.push(against('jreOverCompiled', full, paths.jre));

// ── Linearity: the cost of each added notice, asylum event or rule, at 100 (1,000 rules) against
// at 10 (100 rules). Cases of 100 notices (100 events) are generated, and their 10- and 1-notice
// (10- and 0-event) versions are their prefixes, so that the sizes differ in nothing else. The
// figure is (T(big) − T(base)) ÷ (big − base) over (T(small) − T(base)) ÷ (small − base): the
// marginal cost per unit; 1 is perfectly linear. For notices, the plain cost per notice
// (T(100) ÷ 100 over T(10) ÷ 10, fixed costs included) is reported as well.
const sized = (notices: number, events: number, count: number, seed: number) =>
  fc.sample(caseArbOfSize({ notices: { min: notices, max: notices }, asylum: { min: events, max: events, history: 'known' } }), { numRuns: count, seed });
const prefix = (value: Record<string, unknown>, key: 'notices' | 'asylum', length: number) => {
  const shorter: Record<string, unknown> = { ...value, [key]: (value[key] as unknown[]).slice(0, length) };
  if (key === 'asylum') return shorter;
  // References to the notices left out go too.
  const kept = new Set((shorter.notices as { id: string }[]).map((notice) => notice.id));
  type Reference = Record<string, unknown> & { basedOnNoticeId?: string; noticeIds?: string[] };
  if (Array.isArray(value.detention)) {
    shorter.detention = (value.detention as Reference[]).map(({ basedOnNoticeId, ...rest }) => (basedOnNoticeId === undefined || !kept.has(basedOnNoticeId) ? rest : { ...rest, basedOnNoticeId }));
  }
  if (Array.isArray(value.ccf)) {
    shorter.ccf = (value.ccf as Reference[]).map(({ noticeIds, ...rest }) => {
      const ids = noticeIds?.filter((id) => kept.has(id));
      return ids === undefined || ids.length === 0 ? rest : { ...rest, noticeIds: ids };
    });
  }
  return shorter;
};
const LINEAR_CASES = 8;
const asOfLinear = '2026-06-30';
const manyNotices = sized(100, 6, LINEAR_CASES, 14);
const manyEvents = sized(2, 100, LINEAR_CASES, 15);
const evaluateAll = (values: readonly unknown[], times = 1) => () => {
  for (let i = 0; i < times; i++) for (const value of values) evaluateCaseSync(value, { asOf: asOfLinear, trace: 'full' });
};
const marginal = (units: readonly [number, number, number]) => ([small, base, big]: readonly number[]) =>
  ((big! - base!) / (units[2] - units[0])) / ((small! - base!) / (units[1] - units[0]));
const noticeCases = [1, 10, 100].map((n) => manyNotices.map((value) => prefix(value, 'notices', n)));
const eventCases = [0, 10, 100].map((n) => manyEvents.map((value) => prefix(value, 'asylum', n)));
for (const value of [...noticeCases.flat(), ...eventCases.flat()]) evaluateCaseSync(value, { asOf: asOfLinear }); // valid, or the bench stops here
const noticePaths = noticeCases.map((values) => evaluateAll(values));
const eventPaths = eventCases.map((values) => evaluateAll(values));

// Added rules: factor rules comparing each notice's requesting country (some fire).
const addedRules = (count: number) => ({
  id: `added-${count}`,
  version: '1.0.0',
  title: `${count} added rules`,
  rules: Array.from({ length: count }, (_, index) => ({
    id: `added-${count}.rule-${index}`,
    title: `Added rule ${index}`,
    citations: ['const.art3'],
    scope: 'notice',
    effect: 'factor',
    factor: { id: `added-${index}`, action: 'challenge_article_3', label: `Added factor ${index}` },
    conditions: { all: [{ fact: 'notice.requestingCountry', operator: 'equal', value: ['TJ', 'RU', 'BY', 'TR', 'CN', 'IR', 'AZ', 'EG', 'SA', 'VE'][index % 10] }] },
  })),
});
const ruleCases = cases.slice(0, 50);
const rulePaths = [0, 100, 1000].map((count) => {
  const evaluator = createEvaluator(count === 0 ? {} : { ruleSets: [addedRules(count)] });
  return () => {
    for (const { value, asOf } of ruleCases) evaluator.evaluateSync(value, { asOf, trace: 'full' });
  };
});
const linearMeasures: Measure[] = [
  { name: 'notices', paths: [noticePaths[1]!, noticePaths[0]!, noticePaths[2]!], figure: marginal([1, 10, 100]) },
  { name: 'noticesPlain', paths: [noticePaths[1]!, noticePaths[2]!], figure: ([ten, hundred]) => hundred! / 100 / (ten! / 10) },
  { name: 'asylumEvents', paths: [eventPaths[1]!, eventPaths[0]!, eventPaths[2]!], figure: marginal([0, 10, 100]) },
  { name: 'rules', paths: [rulePaths[1]!, rulePaths[0]!, rulePaths[2]!], figure: marginal([0, 100, 1000]) },
];

progress(`bench: ${rounds} paired rounds of ${speedMeasures.length + linearMeasures.length} measures `);
const stats = await runPaired([...speedMeasures, ...linearMeasures], { rounds, minimumMs, warmupMs: 500, onRound: () => progress('.') });
progress('\n');

// ── Retained results: fresh processes, one that keeps 1,000 results (read in full) and one that
// does not, back to back in each round; the figure is the ratio of their evaluation times.
const retainedScript = fileURLToPath(new URL('./retained.js', import.meta.url));
const runRetained = (mode: string) => {
  const run = spawnSync(process.execPath, [retainedScript, mode], { encoding: 'utf8', env: process.env });
  if (run.status !== 0) throw new Error(`retained run failed: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { microsPerCase: number }).microsPerCase;
};
const retainedRounds = Number(process.env.BENCH_RETAINED_ROUNDS ?? Math.min(rounds, 9));
const retainedRatios: number[] = [];
const droppedMicros: number[] = [];
const retainedMicros: number[] = [];
progress(`retained results: ${retainedRounds} rounds of two processes `);
for (let round = 0; round < retainedRounds; round++) {
  const [first, second] = round % 2 === 0 ? ['drop', 'retain'] : ['retain', 'drop'];
  const a = runRetained(first!);
  const b = runRetained(second!);
  const [dropped, retained] = first === 'drop' ? [a, b] : [b, a];
  droppedMicros.push(dropped);
  retainedMicros.push(retained);
  retainedRatios.push(retained / dropped);
  progress('.');
}
progress('\n');
const retainedStats: RatioStats = {
  median: median(retainedRatios),
  min: Math.min(...retainedRatios),
  max: Math.max(...retainedRatios),
  q1: Number.NaN,
  q3: Number.NaN,
  rounds: retainedRatios,
  referenceMs: median(droppedMicros) / 1000,
  pathMs: median(retainedMicros) / 1000,
};

// ── Cold import of the ESM entry, in fresh processes (alternating with another build's, if given).
const entry = new URL('../../dist/index.js', import.meta.url).href;
const before = process.env.BENCH_COLD_BEFORE ? pathToFileURL(process.env.BENCH_COLD_BEFORE).href : undefined;
const coldImport = (url: string) => {
  const now = process.env.BENCH_CLOCK === 'wall' ? 'performance.now()' : '((u) => (u.user + u.system) / 1000)(process.cpuUsage())';
  const script = `const t0 = ${now}; const m = await import(${JSON.stringify(url)}); const t1 = ${now};
m.evaluateCaseSync({ schemaVersion: 1, notices: [{ id: 'a', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [] }, { asOf: '2025-01-01' });
console.log(JSON.stringify([t1 - t0, ${now} - t0]));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`cold import failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as [number, number];
};
const importTimes: number[] = [];
const firstResultTimes: number[] = [];
const beforeTimes: number[] = [];
const coldRatios: number[] = [];
progress('cold import ');
for (let i = 0; i < 11; i++) {
  const [imported, firstResult] = coldImport(entry);
  importTimes.push(imported);
  firstResultTimes.push(firstResult);
  if (before !== undefined) {
    const [other] = coldImport(before);
    beforeTimes.push(other);
    coldRatios.push(imported / other);
  }
  progress('.');
}
progress('\n');

// ── Heap in use over many evaluations, in a process with --expose-gc.
const heapRun = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(new URL('./heap.js', import.meta.url))], { encoding: 'utf8', env: process.env });
if (heapRun.status !== 0) throw new Error(`heap run failed: ${heapRun.stderr}`);
const heap = JSON.parse(heapRun.stdout) as { evaluations: number; samples: number[] };
const secondHalf = heap.samples.slice(Math.floor(heap.samples.length / 2));
const secondHalfRise = secondHalf.at(-1)! - secondHalf[0]!;

// ── Targets.
const figure = (name: string) => stats.get(name)!;
const targets = [
  { target: 'evaluateCase, trace full, validation included ≤ 15× baseline', stats: figure('full'), limit: 15, atMost: true },
  { target: 'evaluateCase, trace none ≤ 10× baseline', stats: figure('none'), limit: 10, atMost: true },
  { target: '≥ 25× faster than json-rules-engine', stats: figure('jreOverCompiled'), limit: 25, atMost: false },
  { target: 'per notice at 100 ≤ 1.2× at 10 (marginal)', stats: figure('notices'), limit: 1.2, atMost: true },
  { target: 'per asylum event at 100 ≤ 1.2× at 10 (marginal)', stats: figure('asylumEvents'), limit: 1.2, atMost: true },
  { target: 'per rule at 1,000 added ≤ 1.2× at 100 (marginal)', stats: figure('rules'), limit: 1.2, atMost: true },
  { target: 'after 1,000 retained results ≤ 1.2× without', stats: retainedStats, limit: 1.2, atMost: true },
  ...(before === undefined ? [] : [{ target: 'cold import ≤ 1.2× the other build', stats: { median: median(coldRatios), min: Math.min(...coldRatios), max: Math.max(...coldRatios) }, limit: 1.2, atMost: true }]),
].map(({ target, stats: { median: value, min, max }, limit, atMost }) => ({ target, median: value, min, max, limit, met: atMost ? value <= limit : value >= limit }));

const cpu = cpus();
const machine = `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`;
{
  const plain = (s: RatioStats) => ({ median: s.median, min: s.min, max: s.max, q1: s.q1, q3: s.q3, rounds: s.rounds, referenceMs: s.referenceMs, pathMs: s.pathMs });
  const document = JSON.stringify(
      {
        date: new Date().toISOString(),
        machine,
        clock: process.env.BENCH_CLOCK === 'wall' ? 'wall' : 'cpu',
        cases: cases.length,
        rounds,
        minimumMs,
        speed: Object.fromEntries([...stats].filter(([name]) => name in paths || name === 'jreOverCompiled').map(([name, s]) => [name, { ...plain(s), microsPerCase: (s.pathMs * 1000) / cases.length }])),
        baselineMicrosPerCase: (median([...stats.values()].slice(0, Object.keys(paths).length).map((s) => s.referenceMs)) * 1000) / cases.length,
        linearity: Object.fromEntries(linearMeasures.map(({ name }) => [name, plain(figure(name))])),
        retained: plain(retainedStats),
        coldImport: { medianMs: median(importTimes), firstResultMs: median(firstResultTimes), ...(before === undefined ? {} : { otherBuildMs: median(beforeTimes), ratios: coldRatios }) },
        heap: { evaluations: heap.evaluations, samples: heap.samples, secondHalfRise },
        targets,
      },
      null,
      2,
    );
  if (process.env.BENCH_JSON_OUT) writeFileSync(process.env.BENCH_JSON_OUT, `${document}\n`);
  if (json) {
    console.log(document);
    process.exit(0);
  }
}

log(`red-notice-rules bench — ${machine}; ${new Date().toISOString().slice(0, 10)}; clock: ${process.env.BENCH_CLOCK === 'wall' ? 'wall time' : 'CPU time of the process'}`);
log(
  `${cases.length} typical cases (2–3 notices, 5–8 asylum events; seed 2017), every case per call; ${rounds} paired rounds ` +
    `(reference, path, reference again, back to back; each timed ≥ ${minimumMs} ms); median ratio (min–max over the rounds); baseline checked against the library on every case\n`,
);
const table = (header: readonly string[], rows: readonly (readonly string[])[]) => {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  log(line(header));
  log(`|${widths.map((width, column) => (column === 0 ? ':' : '') + '-'.repeat(width + 1) + (column === 0 ? '' : ':')).join('|')}|`);
  for (const row of rows) log(line(row));
};
const micros = (ms: number) => ((ms * 1000) / cases.length).toFixed(1);
table(
  ['path', '× baseline (min–max)', 'µs/case', 'baseline µs/case'],
  Object.keys(paths).map((key) => {
    const s = figure(key);
    return [labels[key]!, formatRatio(s), micros(s.pathMs), micros(s.referenceMs)];
  }),
);
log(`\njson-rules-engine ÷ compiled (trace full), same rounds: ${formatRatio(figure('jreOverCompiled'))}`);
log('\nlinearity (cost of each added unit at the larger size ÷ at the smaller; 1.0 = linear):');
log(`  notices, 100 against 10 (cases of 1, 10, 100 notices):  ${formatRatio(figure('notices'), 2)}   plain per notice, fixed costs included: ${formatRatio(figure('noticesPlain'), 2)}`);
log(`  asylum events, 100 against 10 (cases of 0, 10, 100):    ${formatRatio(figure('asylumEvents'), 2)}`);
log(`  rules, 1,000 added against 100 (0, 100, 1,000 added):   ${formatRatio(figure('rules'), 2)}`);
log(
  `\nretained results: after 1,000 results kept (each serialised once), evaluations take ${formatRatio(retainedStats, 2)} the time of a process that kept none ` +
    `(${retainedRounds} pairs of fresh processes; ${median(retainedMicros).toFixed(1)} against ${median(droppedMicros).toFixed(1)} µs/case)`,
);
log(
  `\ncold import of dist/index.js: median ${median(importTimes).toFixed(1)} ms of ${importTimes.length} fresh processes (first result, rule sets compiled: ${median(firstResultTimes).toFixed(1)} ms)` +
    (before === undefined ? '' : `; the other build, alternately: ${median(beforeTimes).toFixed(1)} ms, ratio ${formatRatio({ median: median(coldRatios), min: Math.min(...coldRatios), max: Math.max(...coldRatios) }, 2)}`),
);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
log(
  `heap in use after GC over ${heap.evaluations.toLocaleString('en-US')} evaluations: ${mb(heap.samples[0]!)} MB → ${mb(heap.samples.at(-1)!)} MB ` +
    `(rise over the second half ${(secondHalfRise / 1024).toFixed(0)} KB)`,
);
log(`  every ${(heap.evaluations / (heap.samples.length - 1)).toLocaleString('en-US')} evaluations, MB: ${heap.samples.map(mb).join(' ')}`);
log('\ntargets (median of the rounds; min–max):');
for (const { target, median: value, min, max, met } of targets) log(`  ${target.padEnd(64)} ${formatRatio({ median: value, min, max }, 2).padStart(22)} — ${met ? 'met' : 'NOT met'}`);
