/**
 * Where the time of an evaluation goes, stage by stage — a development aid, built with the bench
 * (`node bench/.out/stages.js`): the fastest of many passes over the bench's cases, in µs per
 * case. It runs the library's source (bundled), not dist/.
 */
import { BUNDLED_CITATIONS, BUNDLED_MISUSE_PATTERNS, BUNDLED_RULE_SETS } from '../src/bundled.js';
import { parseCase } from '../src/case/validate.js';
import { misusePatternFileSchema } from '../src/context/misuse-patterns.js';
import { inForceMask } from '../src/evaluation/assemble.js';
import { createEvaluator } from '../src/evaluation/evaluator.js';
import { resolveOptions } from '../src/evaluation/options.js';
import { createCompiledRunner, ruleLists } from '../src/evaluation/runners.js';
import { actionsOf, decideOutcome, missingFactsOf, settle, withResultFacts } from '../src/evaluation/subject.js';
import { deriveFacts } from '../src/facts/derive.js';
import { BUILT_IN_OPERATORS } from '../src/rules/operators.js';
import { buildRuleBook } from '../src/rules/rule-book.js';
import { contentHash } from '../src/support/hash.js';
import { benchCases } from './cases.js';

const cases = benchCases(500);
const fastest = (run: () => void, passes = 20) => {
  let best = Infinity;
  for (let i = 0; i < passes; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return Number(((best * 1000) / cases.length).toFixed(1));
};

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

console.log({
  rules: { case: lists.case.length, notice1: lists.notice1.length, notice2: lists.notice2.length },
  'whole evaluation, trace full': fastest(() => { for (const { value, asOf } of cases) evaluator.evaluateSync(value, { asOf }); }),
  'whole evaluation, trace none': fastest(() => { for (const { value, asOf } of cases) evaluator.evaluateSync(value, { asOf, trace: 'none' }); }),
  options: fastest(() => { for (const { asOf } of cases) resolveOptions({ asOf }, 'compiled'); }),
  'parseCase (scan, zod, cross-field)': fastest(() => { for (const { value } of cases) parseCase(value); }),
  'inputHash (canonical JSON, SHA-256)': fastest(() => { for (const { value } of cases) contentHash(value); }),
  deriveFacts: fastest(() => { cases.forEach(({ asOf }, i) => deriveFacts(parsed[i]!, asOf, { misusePatterns: patterns })); }),
  'rules, first pass': fastest(() => { derived.forEach((d, i) => { for (const n of d.notices) runner.run('notice1', n.facts, masks[i]!.notice1); }); }),
  'settle, first pass': fastest(() => { derived.forEach((d, i) => d.notices.forEach((n, j) => settle(book, lists.notice1, masks[i]!.notice1, truths1[i]![j]!, n.facts, n.notice.id))); }),
  decideOutcome: fastest(() => { for (const ps of passes1) for (const p of ps) decideOutcome(p); }),
  withResultFacts: fastest(() => { passes1.forEach((ps, i) => ps.forEach((p, j) => withResultFacts(p, decisions[i]![j]!, book))); }),
  'rules, second pass': fastest(() => { facts2.forEach((fs, i) => { for (const f of fs) runner.run('notice2', f, masks[i]!.notice2); }); }),
  missingFacts: fastest(() => { passes1.forEach((ps, i) => ps.forEach((p, j) => { missingFactsOf(p); missingFactsOf(passes2[i]![j]!); })); }),
  actions: fastest(() => { passes1.forEach((ps, i) => ps.forEach((p, j) => actionsOf(book, [p, passes2[i]![j]!], 'en', cases[i]!.asOf))); }),
});
