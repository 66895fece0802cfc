/**
 * The caseload command, measured (run by `npm run bench`, after the evaluation bench):
 *
 * 1. Threads: `evaluate --batch` with `--jobs 2` against `--jobs 1` on the same JSON Lines file,
 *    in paired rounds (each round runs both, in alternating order, back to back); the speed-up of
 *    a round is its one-thread time over its two-thread time; reported: the median over the
 *    rounds and their spread. Each round also runs the machine's own ceiling: two independent
 *    processes at once (`--jobs 1`, each on one half of the file) against one process on the
 *    whole file — the speed-up that no threads can beat on this machine, since two processes share
 *    nothing; on two cores that are really two, it is close to 2. Wall time only means something on an idle machine; the CPU time of
 *    each run (user + system, all threads, from `process.cpuUsage()` at the child's exit) and its
 *    main thread's share (`/proc/self/task/<pid>/stat`) are reported too, per line: on a shared
 *    machine, two threads that cost no more CPU per line than one are what scaling needs.
 * 2. Memory (`--memory`, not in `npm run bench`: it takes minutes): peak resident memory of
 *    `evaluate --batch` (default jobs) over generated files of 10,000, 100,000 and 1,000,000
 *    lines, read from `/proc/<pid>/status` (VmHWM, the process's high-water mark: its worker
 *    threads included).
 *
 * The files are generated into the system's temporary directory and deleted afterwards.
 * Environment: CASELOAD_LINES (default 2000), CASELOAD_ROUNDS (default 9), CASELOAD_ARGS (extra
 * arguments of the command, default none: the command's defaults, full trace and questions),
 * MEMORY_LINES (default 10000,100000,1000000), MEMORY_ARGS (default `--trace none --no-questions`),
 * MEMORY_CASES (`typical`, the default, or `small`: one notice and one grant, for a million lines
 * on a slow machine).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCases } from './cases.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const AS_OF = '2026-06-30';
const dir = mkdtempSync(join(tmpdir(), 'rnr-caseload-bench-'));

/** The smallest cases: one Red Notice, one grant of refugee status (for runs of a million lines on a slow machine). */
const SMALL_CASES: Record<string, unknown>[] = [
  { schemaVersion: 1, notices: [{ id: 'rn-1', kind: 'red_notice', requestingCountry: 'TJ' }], asylum: [{ type: 'refugee_status_granted', date: '2023-03-01', country: 'DE', persecutionFearedFrom: ['TJ'] }] },
];

/**
 * Writes a JSON Lines file of `lines` cases (the bench's typical cases, or the small ones, cycled,
 * each with its caseId), or of the part of them from line `from` (0-based) to `to`.
 */
async function caseloadFile(lines: number, small = false, from = 0, to = lines): Promise<string> {
  const cases = small ? SMALL_CASES : benchCases(Math.min(lines, 1000)).map(({ value }) => value);
  const file = join(dir, `cases-${lines}-${from}-${to}.jsonl`);
  const out = createWriteStream(file);
  for (let index = from; index < to; index++) {
    const line = `${JSON.stringify({ ...cases[index % cases.length], caseId: `client-${index}` })}\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return file;
}

/**
 * Loaded into the command line's process (`--import`): at exit, its CPU time (all threads, µs) and
 * its main thread's (from /proc, in clock ticks of 10 ms), written to file descriptor 3.
 */
const CPU_PROBE = `data:text/javascript,${encodeURIComponent(`
import { isMainThread } from 'node:worker_threads';
import { readFileSync, writeSync } from 'node:fs';
if (isMainThread) process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  let main = null;
  try {
    const fields = readFileSync('/proc/self/task/' + process.pid + '/stat', 'utf8').split(') ')[1].split(' ');
    main = (Number(fields[11]) + Number(fields[12])) * 10000;
  } catch {}
  try { writeSync(3, JSON.stringify({ user, system, main })); } catch {}
});`)}`;

/** What a run cost: CPU time (µs), all threads (user, system) and the main thread's (undefined where /proc is not). */
interface CpuTime {
  readonly user: number;
  readonly system: number;
  readonly main: number | undefined;
}

/** Runs the command line on a file (output thrown away): wall time in ms, CPU time, peak resident memory in MiB (over the run, and per quarter of its time), exit code. */
function runBatch(file: string, args: readonly string[]): Promise<{ ms: number; cpu: CpuTime | undefined; peakMiB: number; quartersMiB: number[]; code: number | null }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', CPU_PROBE, cli, 'evaluate', '--batch', file, '--as-of', AS_OF, ...args], { stdio: ['ignore', 'ignore', 'inherit', 'pipe'] });
    let probe = '';
    child.stdio[3]!.on('data', (data: Buffer) => (probe += data.toString()));
    let peakKiB = 0;
    const samples: Array<{ at: number; kib: number }> = [];
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        const rss = /VmRSS:\s+(\d+) kB/.exec(status);
        if (hwm) peakKiB = Math.max(peakKiB, Number(hwm[1]));
        if (rss) samples.push({ at: Number(process.hrtime.bigint() - started) / 1e6, kib: Number(rss[1]) });
      } catch {
        // The process has ended.
      }
    };
    const timer = setInterval(sample, 100);
    child.on('error', reject);
    child.on('exit', () => {
      clearInterval(timer);
    });
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const quartersMiB = [0, 1, 2, 3].map((quarter) => Math.max(0, ...samples.filter(({ at }) => at >= (quarter * ms) / 4 && at < ((quarter + 1) * ms) / 4).map(({ kib }) => kib)) / 1024);
      let cpu: CpuTime | undefined;
      try {
        const read = JSON.parse(probe) as { user: number; system: number; main: number | null };
        cpu = { user: read.user, system: read.system, main: read.main ?? undefined };
      } catch {
        cpu = undefined;
      }
      resolve({ ms, cpu, peakMiB: peakKiB / 1024, quartersMiB, code });
    });
  });
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const extra = (variable: string | undefined, fallback: string) => (variable ?? fallback).split(' ').filter((part) => part !== '');

console.log(`\nCaseload — ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString()}`);
try {
  if (process.argv.includes('--memory')) {
    const args = extra(process.env.MEMORY_ARGS, '--trace none --no-questions');
    const small = process.env.MEMORY_CASES === 'small';
    console.log(`Peak resident memory of \`evaluate --batch ${args.join(' ')}\` (default jobs: ${availableParallelism()}), ${small ? 'small cases (one notice, one grant)' : 'typical cases'}:`);
    for (const lines of (process.env.MEMORY_LINES ?? '10000,100000,1000000').split(',').map(Number)) {
      const file = await caseloadFile(lines, small);
      const { ms, cpu, peakMiB, quartersMiB, code } = await runBatch(file, args);
      rmSync(file);
      console.log(
        `  ${lines.toLocaleString('en').padStart(9)} lines: peak RSS ${peakMiB.toFixed(0).padStart(4)} MiB (highest RSS per quarter of the run: ${quartersMiB.map((value) => value.toFixed(0)).join(', ')} MiB), ` +
          `${(ms / 1000).toFixed(1)} s (${Math.round((lines / ms) * 1000)} cases/s), ${cpu === undefined ? 'CPU unknown' : `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (${(cpu.system / 1e6).toFixed(1)} s system)`}, exit ${code}`,
      );
    }
  } else {
    const lines = Number(process.env.CASELOAD_LINES ?? 2000);
    const rounds = Number(process.env.CASELOAD_ROUNDS ?? 9);
    const args = extra(process.env.CASELOAD_ARGS, '');
    const file = await caseloadFile(lines);
    const halves = [await caseloadFile(lines, false, 0, lines >> 1), await caseloadFile(lines, false, lines >> 1, lines)];
    await runBatch(file, ['--jobs', '1', ...args]); // warm the file cache
    const ratios: number[] = [];
    const ceilings: number[] = [];
    const one: number[] = [];
    const two: number[] = [];
    const pair: number[] = [];
    const cpuOf = new Map<number, CpuTime[]>([
      [1, []],
      [2, []],
    ]);
    // Arm 0: two processes at once, one thread each, each on one half of the file.
    const ARMS = [1, 2, 0] as const;
    for (let round = 0; round < rounds; round++) {
      const times = new Map<number, number>();
      for (let k = 0; k < ARMS.length; k++) {
        const arm = ARMS[(k + round) % ARMS.length]!;
        if (arm === 0) {
          const started = process.hrtime.bigint();
          await Promise.all(halves.map((half) => runBatch(half, ['--jobs', '1', ...args])));
          times.set(0, Number(process.hrtime.bigint() - started) / 1e6);
          continue;
        }
        const run = await runBatch(file, ['--jobs', String(arm), ...args]);
        times.set(arm, run.ms);
        if (run.cpu !== undefined) cpuOf.get(arm)!.push(run.cpu);
      }
      one.push(times.get(1)!);
      two.push(times.get(2)!);
      pair.push(times.get(0)!);
      ratios.push(times.get(1)! / times.get(2)!);
      ceilings.push(times.get(1)! / times.get(0)!);
    }
    const perLine = (jobs: number) => {
      const runs = cpuOf.get(jobs)!;
      if (runs.length === 0) return 'CPU unknown';
      const total = median(runs.map((cpu) => cpu.user + cpu.system)) / lines / 1000;
      const system = median(runs.map((cpu) => cpu.system)) / lines / 1000;
      const mains = runs.flatMap((cpu) => (cpu.main === undefined ? [] : [cpu.main]));
      const main = mains.length === 0 ? '' : `, main thread ${(median(mains) / lines / 1000).toFixed(2)} ms`;
      return `CPU per line ${total.toFixed(2)} ms (system ${system.toFixed(2)} ms${main})`;
    };
    const cpuRatio = (() => {
      const total = (jobs: number) => median(cpuOf.get(jobs)!.map((cpu) => cpu.user + cpu.system));
      return cpuOf.get(1)!.length === 0 || cpuOf.get(2)!.length === 0 ? undefined : total(2) / total(1);
    })();
    console.log(`evaluate --batch, ${lines} lines${args.length > 0 ? `, ${args.join(' ')}` : ''}: ${rounds} paired rounds (medians)`);
    console.log(`  --jobs 1: ${(median(one) / 1000).toFixed(2)} s (${Math.round((lines / median(one)) * 1000)} cases/s), ${perLine(1)}`);
    console.log(`  --jobs 2: ${(median(two) / 1000).toFixed(2)} s (${Math.round((lines / median(two)) * 1000)} cases/s), ${perLine(2)}`);
    console.log(`  two processes at once, --jobs 1, half the file each: ${(median(pair) / 1000).toFixed(2)} s (${Math.round((lines / median(pair)) * 1000)} cases/s)`);
    console.log(`  speed-up of two threads over one: median ${median(ratios).toFixed(2)}× (spread ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; target ≥ 1.8×)`);
    console.log(
      `  the machine's ceiling, two independent processes over one: median ${median(ceilings).toFixed(2)}× (spread ${Math.min(...ceilings).toFixed(2)}–${Math.max(...ceilings).toFixed(2)}); ` +
        `threads over the ceiling: ${(median(ratios) / median(ceilings)).toFixed(2)}`,
    );
    if (cpuRatio !== undefined) {
      console.log(`  CPU of two threads over one: ${cpuRatio.toFixed(2)}× (the wall-clock speed-up two free cores allow is about 2 / this)`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
