/**
 * Where the time of an evaluation goes, stage by stage (development aid:
 * `node bench/.out/stages.js`): the fastest of many passes over the bench's cases, µs per case.
 */
import { parseCase } from '../src/case/validate.js';
import { BUNDLED_MISUSE_PATTERNS } from '../src/bundled.js';
import { misusePatternFileSchema } from '../src/context/misuse-patterns.js';
import { createEvaluator } from '../src/evaluation/evaluator.js';
import { deriveFacts } from '../src/facts/derive.js';
import { contentHash } from '../src/support/hash.js';
import { resolveOptions } from '../src/evaluation/options.js';
import { benchCases } from './cases.js';

const cases = benchCases(500);
const patterns = misusePatternFileSchema.parse(BUNDLED_MISUSE_PATTERNS).patterns;
const evaluator = createEvaluator();
const parsed = cases.map(({ value }) => {
  const result = parseCase(value);
  if (!result.success) throw new Error('invalid bench case');
  return result.case;
});
const fastest = (run: () => void, passes = 20) => {
  let best = Infinity;
  for (let i = 0; i < passes; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return ((best * 1000) / cases.length).toFixed(1);
};
console.log({
  options: fastest(() => { for (const { asOf } of cases) resolveOptions({ asOf }, 'compiled'); }),
  parseCase: fastest(() => { for (const { value } of cases) parseCase(value); }),
  hash: fastest(() => { for (const { value } of cases) contentHash(value); }),
  derive: fastest(() => { cases.forEach(({ asOf }, i) => deriveFacts(parsed[i]!, asOf, { misusePatterns: patterns })); }),
  none: fastest(() => { for (const { value, asOf } of cases) evaluator.evaluateSync(value, { asOf, trace: 'none' }); }),
  full: fastest(() => { for (const { value, asOf } of cases) evaluator.evaluateSync(value, { asOf }); }),
});

// The steps of the pipeline, one by one, on the derived cases.
import { BUNDLED_CITATIONS, BUNDLED_RULE_SETS } from '../src/bundled.js';
import { BUILT_IN_OPERATORS } from '../src/rules/operators.js';
import { buildRuleBook } from '../src/rules/rule-book.js';
import { createCompiledRunner, ruleLists } from '../src/evaluation/runners.js';
import { inForceMask } from '../src/evaluation/assemble.js';
import { actionsOf, decideOutcome, missingFactsOf, settle, withResultFacts } from '../src/evaluation/subject.js';

const built = buildRuleBook(BUNDLED_RULE_SETS, new Map(Object.entries(BUNDLED_CITATIONS)), BUILT_IN_OPERATORS);
if (!built.success) throw new Error('rule book');
const book = built.book;
const lists = ruleLists(book);
const runner = createCompiledRunner(lists);
const derived = cases.map(({ asOf }, i) => deriveFacts(parsed[i]!, asOf, { misusePatterns: patterns }));
const masks = cases.map(({ asOf }) => inForceMask(lists, asOf));
const truths1 = derived.map((d, i) => d.notices.map((n) => runner.run('notice1', n.facts, masks[i]!.notice1)));
const passes1 = derived.map((d, i) => d.notices.map((n, j) => settle(book, lists.notice1, masks[i]!.notice1, truths1[i]![j]!, n.facts, n.notice.id)));
const decisions = passes1.map((ps) => ps.map((p) => decideOutcome(p)));
const facts2 = passes1.map((ps, i) => ps.map((p, j) => withResultFacts(p, decisions[i]![j]!)));
const passes2 = facts2.map((fs, i) => fs.map((f, j) => settle(book, lists.notice2, masks[i]!.notice2, runner.run('notice2', f, masks[i]!.notice2), f, derived[i]!.notices[j]!.notice.id)));
console.log({
  rules: { case: lists.case.length, notice1: lists.notice1.length, notice2: lists.notice2.length },
  mask: fastest(() => { for (const { asOf } of cases) inForceMask(lists, asOf); }),
  runCase: fastest(() => { derived.forEach((d, i) => runner.run('case', d.caseFacts, masks[i]!.case)); }),
  run1: fastest(() => { derived.forEach((d, i) => { for (const n of d.notices) runner.run('notice1', n.facts, masks[i]!.notice1); }); }),
  settle1: fastest(() => { derived.forEach((d, i) => d.notices.forEach((n, j) => settle(book, lists.notice1, masks[i]!.notice1, truths1[i]![j]!, n.facts, n.notice.id))); }),
  decide: fastest(() => { for (const ps of passes1) for (const p of ps) decideOutcome(p); }),
  withResultFacts: fastest(() => { passes1.forEach((ps, i) => ps.forEach((p, j) => withResultFacts(p, decisions[i]![j]!))); }),
  run2: fastest(() => { facts2.forEach((fs, i) => { for (const f of fs) runner.run('notice2', f, masks[i]!.notice2); }); }),
  missing: fastest(() => { passes1.forEach((ps, i) => ps.forEach((p, j) => { missingFactsOf(p); missingFactsOf(passes2[i]![j]!); })); }),
  actions: fastest(() => { passes1.forEach((ps, i) => ps.forEach((p, j) => actionsOf(book, [p, passes2[i]![j]!], 'en'))); }),
});
