/**
 * Where the time of an evaluation goes, stage by stage — a development aid, built with the bench
 * (`node bench/.out/stages.js`; `--json` prints one JSON document). Every stage is timed as the
 * bench times a path: against the hand-written baseline, back to back in the same paired rounds
 * (`bench/paired.ts`), over the same cases; the figure is the median ratio with its spread. It
 * runs the library's source (bundled), not dist/.
 *
 * The row "validation and derivation" is the floor of any evaluation that validates its input
 * and derives its facts as this library does: nothing after them (rules, actions, citations,
 * questions, trace) can make an evaluation cost less than it.
 *
 * Environment: BENCH_CASES (default 200), BENCH_ROUNDS (default 11), BENCH_MIN_MS (default 100),
 * BENCH_CLOCK (`cpu`, the default, or `wall`).
 */
import { BUNDLED_CITATIONS, BUNDLED_MISUSE_PATTERNS, BUNDLED_RULE_SETS } from '../src/bundled.js';
import { caseSchema } from '../src/case/schema.js';
import { parseCase } from '../src/case/validate.js';
import { misusePatternFileSchema } from '../src/context/misuse-patterns.js';
import { inForceMask } from '../src/evaluation/assemble.js';
import { createEvaluator } from '../src/evaluation/evaluator.js';
import { createCompiledRunner, ruleLists } from '../src/evaluation/runners.js';
import { actionsOf, decideOutcome, missingFactsOf, settle, withResultFacts } from '../src/evaluation/subject.js';
import { deriveFacts } from '../src/facts/derive.js';
import { BUILT_IN_OPERATORS } from '../src/rules/operators.js';
import { buildRuleBook } from '../src/rules/rule-book.js';
import { contentHash } from '../src/support/hash.js';
import { baselineOutcomes, type BaselineCase } from './baseline.js';
import { benchCases } from './cases.js';
import { against, formatRatio, runPaired, type Path } from './paired.js';

const json = process.argv.includes('--json');
const cases = benchCases(Number(process.env.BENCH_CASES ?? 200));
const rounds = Number(process.env.BENCH_ROUNDS ?? 11);
const minimumMs = Number(process.env.BENCH_MIN_MS ?? 100);

const patterns = misusePatternFileSchema.parse(BUNDLED_MISUSE_PATTERNS).patterns;
const built = buildRuleBook(BUNDLED_RULE_SETS, new Map(Object.entries(BUNDLED_CITATIONS)), BUILT_IN_OPERATORS);
if (!built.success) throw new Error('The bundled rule sets do not load');
const { book } = built;
const lists = ruleLists(book);
const runner = createCompiledRunner(lists);
const evaluator = createEvaluator();

// Every stage's input, computed once.
const parsed = cases.map(({ value }) => {
  const result = parseCase(value);
  if (!result.success) throw new Error('A bench case is not valid');
  return result.case;
});
const derived = cases.map(({ asOf }, i) => deriveFacts(parsed[i]!, asOf, { misusePatterns: patterns }));
const masks = cases.map(({ asOf }) => inForceMask(lists, asOf));
const truths1 = derived.map((d, i) => d.notices.map((n) => runner.run('notice1', n.facts, masks[i]!.notice1)));
const passes1 = derived.map((d, i) => d.notices.map((n, j) => settle(book, lists.notice1, masks[i]!.notice1, truths1[i]![j]!, n.facts, n.notice.id)));
const decisions = passes1.map((ps) => ps.map((p) => decideOutcome(p)));
const facts2 = passes1.map((ps, i) => ps.map((p, j) => withResultFacts(p, decisions[i]![j]!, book)));
const passes2 = facts2.map((fs, i) => fs.map((f, j) => settle(book, lists.notice2, masks[i]!.notice2, runner.run('notice2', f, masks[i]!.notice2), f, derived[i]!.notices[j]!.notice.id)));

/** A path that runs `stage` once for every case (by its index). */
const every = (stage: (index: number) => unknown): Path => () => {
  for (let index = 0; index < cases.length; index++) stage(index);
};
const baseline = every((i) => baselineOutcomes(cases[i]!.value as unknown as BaselineCase, cases[i]!.asOf));
const stages: ReadonlyArray<readonly [string, Path]> = [
  ['zod caseSchema.safeParse alone', every((i) => caseSchema.safeParse(cases[i]!.value))],
  ['validation: parseCase (pre-scan, zod, cross-field rules)', every((i) => parseCase(cases[i]!.value))],
  ['fact derivation: deriveFacts', every((i) => deriveFacts(parsed[i]!, cases[i]!.asOf, { misusePatterns: patterns }))],
  [
    'validation and derivation (the floor)',
    every((i) => {
      const result = parseCase(cases[i]!.value);
      if (result.success) deriveFacts(result.case, cases[i]!.asOf, { misusePatterns: patterns });
    }),
  ],
  ['meta.inputHash (RFC 8785 JSON, SHA-256; made when read)', every((i) => contentHash(cases[i]!.value))],
  [
    'rules, both passes (compiled)',
    every((i) => {
      for (const n of derived[i]!.notices) runner.run('notice1', n.facts, masks[i]!.notice1);
      for (const f of facts2[i]!) runner.run('notice2', f, masks[i]!.notice2);
    }),
  ],
  [
    'settling, outcome, facts for the second pass',
    every((i) =>
      derived[i]!.notices.forEach((n, j) => {
        const first = settle(book, lists.notice1, masks[i]!.notice1, truths1[i]![j]!, n.facts, n.notice.id);
        withResultFacts(first, decideOutcome(first), book);
      }),
    ),
  ],
  ['missing facts', every((i) => passes1[i]!.forEach((p, j) => (missingFactsOf(p), missingFactsOf(passes2[i]![j]!))))],
  ['actions (texts, deadlines, factors)', every((i) => passes1[i]!.forEach((p, j) => actionsOf(book, [p, passes2[i]![j]!], 'en', cases[i]!.asOf)))],
  ['whole evaluation: trace none, questions: false', every((i) => evaluator.evaluateSync(cases[i]!.value, { asOf: cases[i]!.asOf, trace: 'none', questions: false }))],
  ['whole evaluation: trace none', every((i) => evaluator.evaluateSync(cases[i]!.value, { asOf: cases[i]!.asOf, trace: 'none' }))],
  ['whole evaluation: trace full (not read)', every((i) => evaluator.evaluateSync(cases[i]!.value, { asOf: cases[i]!.asOf }))],
  ['whole evaluation: trace full, then JSON.stringify', every((i) => JSON.stringify(evaluator.evaluateSync(cases[i]!.value, { asOf: cases[i]!.asOf })))],
];

process.stderr.write(`stages: ${rounds} paired rounds of ${stages.length} stages `);
const stats = await runPaired(
  stages.map(([name, path]) => against(name, baseline, path)),
  { rounds, minimumMs, warmupMs: 300, onRound: () => process.stderr.write('.') },
);
process.stderr.write('\n');

const micros = (ms: number) => (ms * 1000) / cases.length;
const rows = stages.map(([name]) => {
  const s = stats.get(name)!;
  return { stage: name, median: s.median, min: s.min, max: s.max, microsPerCase: micros(s.pathMs), baselineMicrosPerCase: micros(s.referenceMs) };
});
if (json) {
  console.log(JSON.stringify({ date: new Date().toISOString(), clock: process.env.BENCH_CLOCK === 'wall' ? 'wall' : 'cpu', cases: cases.length, rounds, rules: { case: lists.case.length, notice1: lists.notice1.length, notice2: lists.notice2.length }, stages: rows }, null, 2));
} else {
  console.log(`Stages of an evaluation, × the hand-written baseline in the same rounds (${cases.length} bench cases, ${rounds} paired rounds, median (min–max)); rules in force: ${lists.notice1.length} + ${lists.notice2.length} per notice, ${lists.case.length} per case\n`);
  const width = Math.max(...rows.map((row) => row.stage.length));
  for (const row of rows) console.log(`${row.stage.padEnd(width)}  ${formatRatio(row).padStart(22)}  ${row.microsPerCase.toFixed(1).padStart(8)} µs/case`);
}
