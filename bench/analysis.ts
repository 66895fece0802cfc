/**
 * One analysis workload, in its own process (so that its peak memory is its own): prints one
 * JSON line with the wall time, the CPU time, the peak resident memory and the findings.
 * `npm run bench` runs each workload in turn (bench/bench.ts); by hand:
 * `node bench/.out/analysis.js generated-200`.
 */
import { analyzeRuleSets } from 'red-notice-rules/analysis';
import { chainRuleSet, doublingRuleSet, exceptionChain, manyValuesRuleSet } from '../test/support/pathological.js';
import { generatedRuleSet, GENERATED_CITATIONS } from './generated-rules.js';

/** The workloads: rule sets and the options to analyse them with. */
const WORKLOADS: Record<string, () => { ruleSets: unknown[]; options?: Parameters<typeof analyzeRuleSets>[1] }> = {
  'generated-200': () => ({ ruleSets: [generatedRuleSet(200, 2017)], options: { citations: GENERATED_CITATIONS } }),
  'many-values-53kb': () => ({ ruleSets: [manyValuesRuleSet()] }),
  'doubling-2^30': () => ({ ruleSets: [doublingRuleSet(30)] }),
  'chain-8000': () => ({ ruleSets: [chainRuleSet(8000)] }),
  'exception-chain-15000': () => ({ ruleSets: exceptionChain(15, 1000) }),
};

const name = process.argv[2] ?? 'generated-200';
const workload = WORKLOADS[name];
if (workload === undefined) throw new Error(`unknown workload ${name}; one of ${Object.keys(WORKLOADS).join(', ')}`);
const { ruleSets, options } = workload();
const bytes = JSON.stringify(ruleSets).length;
const cpuStart = process.cpuUsage();
const start = performance.now();
let result: string;
const findings: Record<string, number> = {};
try {
  const report = analyzeRuleSets(ruleSets, options);
  for (const finding of report.findings) findings[finding.code] = (findings[finding.code] ?? 0) + 1;
  result = 'analysed';
} catch (error) {
  // A rule set past the budget is refused as it loads (RuleSetError: rule_set_too_large).
  result = `refused: ${(error as { issues?: Array<{ code: string }> }).issues?.map((issue) => issue.code).filter((code, i, all) => all.indexOf(code) === i).join(', ') ?? String(error)}`;
}
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
console.log(JSON.stringify({ name, bytes, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024, result, findings }));
