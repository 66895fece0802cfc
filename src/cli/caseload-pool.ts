/**
 * The caseload's threads. The main thread reads the input's lines and sends them in batches to
 * worker threads (`node:worker_threads`), each with its own evaluators; a worker reads, evaluates
 * and writes the batch's output lines as UTF-8 into one buffer, which it hands over to the main
 * thread without a copy (a transferred `ArrayBuffer`); the main thread writes the buffers in input
 * order and gives each back to its worker, which writes its next batch into it. So the main thread
 * does nearly nothing per line: it splits the input into lines and writes large buffers.
 *
 * A batch is sized to give about `CHUNK_TARGET_BYTES` of output (from the output per line so far:
 * one line at first, at most `BATCH_LINES`), and at most `BATCHES_PER_WORKER` batches per worker
 * are in flight: reading waits for them, and writing waits for standard output, so that memory
 * does not grow with the input. With one job (or no worker script), the batches are processed in
 * the calling thread, by the same code.
 *
 * @module
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { Evaluator } from '../evaluation/evaluator.js';
import { batchProcessor, type BatchOutcome, type CaseloadSettings } from './caseload-lines.js';
import type { InputLine } from './json-lines.js';
import { OutputBytes } from './output-bytes.js';

/** @internal The most lines in a batch. */
const BATCH_LINES = 64;

/** @internal The most input in a batch (UTF-16 units of its lines' text). */
const BATCH_INPUT = 256 * 1024;

/** @internal The output a batch is sized for (bytes): large writes, a few in memory at a time. */
const CHUNK_TARGET_BYTES = 1024 * 1024;

/** @internal Batches in flight per worker: one being processed, the next ones waiting, so that a worker never waits for the main thread. */
const BATCHES_PER_WORKER = 3;

/** @internal The marker of the data a caseload worker starts with. */
const WORKER_KIND = 'red-notice-rules/caseload';

/** @internal A message to a worker: its settings (the first message), a batch to process, or a buffer given back. */
type WorkerMessage = { readonly settings: CaseloadSettings } | { readonly batch: number; readonly lines: readonly InputLine[] } | { readonly recycle: ArrayBuffer };

/** @internal A worker's answer: the outcome of a batch, with its output bytes (the first `length` bytes of `memory`), or why it could not start. */
type BatchAnswer = { readonly batch: number; readonly outcome: BatchOutcome; readonly memory: ArrayBuffer; readonly length: number } | { readonly batch: number; readonly error: string };

/** The output of a batch of lines, in input order: its bytes, and its lines that need more than writing. */
export interface OutputChunk extends BatchOutcome {
  /** The output lines of the batch, UTF-8, each ending with a line feed. Valid until the promise `emit` returned settles. */
  readonly bytes: Buffer;
}

/**
 * Whether this thread is a caseload worker (started by `processLines`): the executable runs
 * `runCaseloadWorker` instead of the command line then.
 *
 * @example
 * ```ts
 * isCaseloadWorker(); // false
 * ```
 */
export function isCaseloadWorker(): boolean {
  return parentPort !== null && (workerData as { kind?: unknown } | null)?.kind === WORKER_KIND;
}

/**
 * The work of a caseload worker: builds the evaluators of the settings it is sent first, then
 * answers each batch of lines with their outcome and output bytes, until the main thread closes
 * it. The executable (`bin.ts`) calls it when `isCaseloadWorker()`.
 */
export function runCaseloadWorker(): void {
  const port = parentPort!;
  let process: ReturnType<typeof batchProcessor> | undefined;
  let failure: string | undefined;
  // Buffers given back by the main thread, to write the next batches into.
  const free: ArrayBuffer[] = [];
  let capacity: number | undefined;
  port.on('message', (message: WorkerMessage) => {
    if ('settings' in message) {
      try {
        process = batchProcessor(message.settings);
      } catch (error) {
        failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
      }
      return;
    }
    if ('recycle' in message) {
      if (free.length < BATCHES_PER_WORKER) free.push(message.recycle);
      return;
    }
    if (process === undefined) {
      port.postMessage({ batch: message.batch, error: failure ?? 'unknown error' } satisfies BatchAnswer);
      return;
    }
    const out = new OutputBytes(free.pop(), capacity);
    const outcome = process(message.lines, out);
    const memory = out.arrayBuffer;
    capacity = Math.max(capacity ?? 0, memory.byteLength);
    port.postMessage({ batch: message.batch, outcome, memory, length: out.length } satisfies BatchAnswer, [memory]);
  });
}

/** @internal A worker and the batches it owes. */
interface PoolWorker {
  readonly worker: Worker;
  readonly waiting: Map<number, { resolve: (answer: BatchAnswer) => void; reject: (error: Error) => void }>;
}

/**
 * Caseload worker threads, started before their settings are known: a thread starts (Node, then
 * the executable's code) while the main thread reads and checks the rule sets, then builds its
 * evaluators when `processLines` sends it the settings. Close them (`close`) when they are not used.
 */
export class CaseloadWorkers {
  /** @internal The threads. */
  readonly threads: readonly PoolWorker[];

  /** Starts `jobs` threads of `script` (the executable, which calls `runCaseloadWorker` in a worker). */
  constructor(jobs: number, script: URL) {
    this.threads = Array.from({ length: jobs }, () => {
      const worker = new Worker(script, { workerData: { kind: WORKER_KIND } });
      const waiting: PoolWorker['waiting'] = new Map();
      const failAll = (error: Error) => {
        for (const pending of waiting.values()) pending.reject(error);
        waiting.clear();
      };
      worker.on('message', (answer: BatchAnswer) => {
        const pending = waiting.get(answer.batch);
        waiting.delete(answer.batch);
        if ('outcome' in answer) pending?.resolve(answer);
        else pending?.reject(new Error(`A caseload worker could not start: ${answer.error}`));
      });
      worker.on('error', failAll);
      worker.on('exit', (code) => failAll(new Error(`A caseload worker stopped (exit code ${code}).`)));
      return { worker, waiting };
    });
  }

  /** Stops the threads. */
  async close(): Promise<void> {
    await Promise.all(this.threads.map(({ worker }) => worker.terminate()));
  }
}

/** How to run a caseload's lines. */
export interface PoolOptions {
  /** Worker threads; 1 processes the lines in this thread. */
  readonly jobs: number;
  /** The script the workers run (the executable, which calls `runCaseloadWorker` in a worker). */
  readonly workerScript?: URL;
  /** Worker threads started already (used instead of `jobs` and `workerScript`, and closed at the end). */
  readonly workers?: CaseloadWorkers;
  /** For one thread, an evaluator of the settings' rule sets built already (`evaluate` only). */
  readonly evaluator?: Evaluator;
}

/** @internal Batches of lines, each sized from the output per line seen so far (`seen`). */
async function* batchesOf(lines: AsyncIterable<InputLine>, seen: { lines: number; bytes: number }): AsyncGenerator<InputLine[], void, undefined> {
  let batch: InputLine[] = [];
  let input = 0;
  for await (const line of lines) {
    batch.push(line);
    input += 'text' in line ? line.text.length : 0;
    const size = seen.lines === 0 ? 1 : Math.min(BATCH_LINES, Math.max(1, Math.floor(CHUNK_TARGET_BYTES / Math.max(1, seen.bytes / seen.lines))));
    if (batch.length < size && input < BATCH_INPUT) continue;
    yield batch;
    batch = [];
    input = 0;
  }
  if (batch.length > 0) yield batch;
}

/**
 * Processes `lines` and calls `emit` with the output of each batch, in input order, as they are
 * ready; the next batches are processed while `emit` writes. In one thread, throws
 * `RuleSetError` (before reading a line) when the settings' rule sets do not load; with workers,
 * an error that names the worker's failure (check the rule sets first).
 *
 * @example
 * ```ts
 * import { jsonLines } from './json-lines.js';
 *
 * const settings = { mode: 'evaluate', ruleSets: [], ruleSetsAfter: [], citations: {}, misusePatterns: [], options: { asOf: '2026-01-15', trace: 'none', questions: false } } as const;
 * const skipped: number[] = [];
 * let output = '';
 * await processLines(settings, jsonLines([Buffer.from('{"schemaVersion":1,"notices":[]}\n\n"not a case"\n')], 1000), { jobs: 1 }, (chunk) => {
 *   output += chunk.bytes.toString();
 *   for (const mark of chunk.marks) skipped.push(mark.line);
 * });
 * skipped; // [1, 3]
 * output; // ''
 * ```
 */
export async function processLines(settings: CaseloadSettings, lines: AsyncIterable<InputLine>, options: PoolOptions, emit: (chunk: OutputChunk) => Promise<void> | void): Promise<void> {
  const seen = { lines: 0, bytes: 0 };
  const count = (chunk: OutputChunk) => {
    seen.lines += chunk.lines;
    seen.bytes += chunk.bytes.length;
    return chunk;
  };
  if (options.workers === undefined && (options.jobs <= 1 || options.workerScript === undefined)) {
    const processBatch = batchProcessor(settings, options.evaluator);
    const out = new OutputBytes();
    for await (const batch of batchesOf(lines, seen)) {
      out.reset();
      const outcome = processBatch(batch, out);
      await emit(count({ ...outcome, bytes: out.bytes() }));
    }
    return;
  }
  // The rule sets must load before the workers build their evaluators (each reports a failure to
  // load as an error of its first batch): the command line has built an evaluator of them already.
  const pool = options.workers ?? new CaseloadWorkers(options.jobs, options.workerScript!);
  const workers = pool.threads;
  for (const { worker } of workers) worker.postMessage({ settings } satisfies WorkerMessage);
  const inFlight: Array<{ readonly from: PoolWorker; readonly answer: Promise<BatchAnswer> }> = [];
  let next = 0;
  const send = (batch: readonly InputLine[]) => {
    // The worker that owes the fewest batches.
    const target = workers.reduce((best, candidate) => (candidate.waiting.size < best.waiting.size ? candidate : best));
    const number = next;
    next += 1;
    const answer = new Promise<BatchAnswer>((resolve, reject) => {
      target.waiting.set(number, { resolve, reject });
      target.worker.postMessage({ batch: number, lines: batch } satisfies WorkerMessage);
    });
    inFlight.push({ from: target, answer });
  };
  const settle = async () => {
    const { from, answer } = inFlight.shift()!;
    const done = await answer;
    if (!('outcome' in done)) return;
    await emit(count({ ...done.outcome, bytes: Buffer.from(done.memory, 0, done.length) }));
    // Written: the worker writes a later batch into the same memory.
    from.worker.postMessage({ recycle: done.memory } satisfies WorkerMessage, [done.memory]);
  };
  try {
    for await (const batch of batchesOf(lines, seen)) {
      send(batch);
      if (inFlight.length >= workers.length * BATCHES_PER_WORKER) await settle();
    }
    while (inFlight.length > 0) await settle();
  } finally {
    // Promises not awaited (after an error) must not reject unhandled.
    for (const pending of inFlight) pending.answer.catch(() => undefined);
    await pool.close();
  }
}
