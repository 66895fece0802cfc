/**
 * One analysis workload, in its own process (so that its peak memory is its own): prints one
 * JSON line with the wall time, the CPU time, the peak resident memory and the findings.
 * `npm run bench` runs it without an argument, which runs every workload in turn, each in a fresh
 * process, and prints a table; one workload by hand: `node bench/.out/analysis.js generated-200`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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

const name = process.argv[2];
if (name === undefined) {
  reportAll();
  process.exit(0);
}
const workload = WORKLOADS[name];
if (workload === undefined) throw new Error(`unknown workload ${name}; one of ${Object.keys(WORKLOADS).join(', ')}`);
const { ruleSets, options } = workload();
const bytes = JSON.stringify(ruleSets).length;
const cpuStart = process.cpuUsage();
const start = performance.now();
let result: string;
const findings: Record<string, number> = {};
let work: { budget: number; used: number } | undefined;
try {
  const report = analyzeRuleSets(ruleSets, options);
  for (const finding of report.findings) findings[finding.code] = (findings[finding.code] ?? 0) + 1;
  work = report.work;
  result = 'analysed';
} catch (error) {
  // A rule set past the budget is refused as it loads (RuleSetError: rule_set_too_large).
  result = `refused: ${(error as { issues?: Array<{ code: string }> }).issues?.map((issue) => issue.code).filter((code, i, all) => all.indexOf(code) === i).join(', ') ?? String(error)}`;
}
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
console.log(JSON.stringify({ name, bytes, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024, result, findings, ...(work === undefined ? {} : { work }) }));

/** @internal Every workload in a fresh process; a table of wall time, CPU time and peak memory, and the target's verdict. */
function reportAll(): void {
  const runs = Object.keys(WORKLOADS).map((workloadName) => {
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), workloadName], { encoding: 'utf8', env: process.env });
    if (run.status !== 0) throw new Error(`analysis run ${workloadName} failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as { name: string; bytes: number; ms: number; cpuMs: number; maxRssMB: number; result: string; findings: Record<string, number>; work?: { budget: number; used: number } };
  });
  console.log('\nanalyzeRuleSets (red-notice-rules/analysis, with the bundled rule sets), each workload in a fresh process:');
  const header = ['workload', 'KB', 'wall s', 'CPU s', 'peak RSS MB', 'work used', 'result'];
  const rows = runs.map((run) => [
    run.name,
    (run.bytes / 1024).toFixed(0),
    (run.ms / 1000).toFixed(2),
    (run.cpuMs / 1000).toFixed(2),
    run.maxRssMB.toFixed(0),
    run.work === undefined ? '' : `${run.work.used} of ${run.work.budget}`,
    `${run.result}${Object.keys(run.findings).length === 0 ? '' : ` (${Object.entries(run.findings).map(([code, count]) => `${count} ${code}`).join(', ')})`}`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => (column === 0 || column === 6 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width, column) => (column === 0 || column === 6 ? ':' + '-'.repeat(width + 1) : '-'.repeat(width + 1) + ':')).join('|')}|`);
  for (const row of rows) console.log(line(row));
  const generated = runs.find((run) => run.name === 'generated-200')!;
  const met = generated.ms <= 5000 && generated.maxRssMB <= 200;
  console.log(`target: 200 generated rules analysed in ≤ 5 s and ≤ 200 MB: ${(generated.ms / 1000).toFixed(2)} s, ${generated.maxRssMB.toFixed(0)} MB — ${met ? 'met' : 'NOT met'}`);
}
