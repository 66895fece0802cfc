/**
 * The caseload's threads: lines are sent in small batches to worker threads
 * (`node:worker_threads`), each with its own evaluators, and their outcomes are given back in
 * input order. At most a few batches per worker are in flight: reading waits for them, so that
 * memory does not grow with the input. With one job (or no worker script), lines are processed
 * in the calling thread, by the same code.
 *
 * @module
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { lineProcessor, type CaseloadSettings, type LineOutcome } from './caseload-lines.js';
import type { InputLine } from './json-lines.js';

/** @internal Lines per message to a worker: enough to make the message's cost small, few enough to keep workers busy. */
const BATCH_LINES = 64;

/** @internal Batches in flight per worker. */
const BATCHES_PER_WORKER = 4;

/** @internal The marker of the data a caseload worker starts with. */
const WORKER_KIND = 'red-notice-rules/caseload';

/** @internal A message to a worker, and its answer. */
interface BatchMessage {
  readonly batch: number;
  readonly lines: readonly InputLine[];
}
interface BatchAnswer {
  readonly batch: number;
  readonly outcomes?: readonly LineOutcome[];
  readonly error?: string;
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
 * The work of a caseload worker: builds the evaluators of its settings, then answers each batch
 * of lines with their outcomes, until the main thread closes it. The executable (`bin.ts`) calls
 * it when `isCaseloadWorker()`.
 */
export function runCaseloadWorker(): void {
  const port = parentPort!;
  const settings = (workerData as { settings: CaseloadSettings }).settings;
  let process: ((input: InputLine) => LineOutcome) | undefined;
  let failure: string | undefined;
  try {
    process = lineProcessor(settings);
  } catch (error) {
    failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  port.on('message', ({ batch, lines }: BatchMessage) => {
    const answer: BatchAnswer = process === undefined ? { batch, error: failure ?? 'unknown error' } : { batch, outcomes: lines.map(process) };
    port.postMessage(answer);
  });
}

/** How to run a caseload's lines. */
export interface PoolOptions {
  /** Worker threads; 1 processes the lines in this thread. */
  readonly jobs: number;
  /** The script the workers run (the executable, which calls `runCaseloadWorker` in a worker). */
  readonly workerScript?: URL;
}

/** @internal A worker and the batches it owes. */
interface PoolWorker {
  readonly worker: Worker;
  readonly waiting: Map<number, { resolve: (outcomes: readonly LineOutcome[]) => void; reject: (error: Error) => void }>;
}

/**
 * Processes `lines` and calls `emit` with each outcome, in input order, as they are ready. In
 * one thread, throws `RuleSetError` (before reading a line) when the settings' rule sets do not
 * load; with workers, an error that names the worker's failure (check the rule sets first).
 *
 * @example
 * ```ts
 * import { jsonLines } from './json-lines.js';
 *
 * const settings = { mode: 'evaluate', ruleSets: [], ruleSetsAfter: [], citations: {}, misusePatterns: [], options: { asOf: '2026-01-15', trace: 'none', questions: false } } as const;
 * const outcomes = [];
 * await processLines(settings, jsonLines([Buffer.from('{"schemaVersion":1,"notices":[]}\n\n"not a case"\n')], 1000), { jobs: 1 }, (outcome) => void outcomes.push(outcome));
 * outcomes.map((outcome) => outcome.line); // [1, 3]
 * ```
 */
export async function processLines(settings: CaseloadSettings, lines: AsyncIterable<InputLine>, options: PoolOptions, emit: (outcome: LineOutcome) => Promise<void> | void): Promise<void> {
  if (options.jobs <= 1 || options.workerScript === undefined) {
    const inThread = lineProcessor(settings);
    for await (const line of lines) await emit(inThread(line));
    return;
  }
  // The rule sets must load before the workers start (each reports a failure to load as an error
  // of its first batch): the command line has built an evaluator of them already.
  const workers: PoolWorker[] = Array.from({ length: options.jobs }, () => {
    const worker = new Worker(options.workerScript!, { workerData: { kind: WORKER_KIND, settings } });
    const waiting: PoolWorker['waiting'] = new Map();
    worker.on('message', (answer: BatchAnswer) => {
      const pending = waiting.get(answer.batch);
      waiting.delete(answer.batch);
      if (answer.outcomes !== undefined) pending?.resolve(answer.outcomes);
      else pending?.reject(new Error(`A caseload worker could not start: ${answer.error ?? 'unknown error'}`));
    });
    worker.on('error', (error) => {
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    });
    return { worker, waiting };
  });
  const inFlight: Promise<readonly LineOutcome[]>[] = [];
  let next = 0;
  const send = (batch: readonly InputLine[]) => {
    // The worker that owes the fewest batches.
    const target = workers.reduce((best, candidate) => (candidate.waiting.size < best.waiting.size ? candidate : best));
    const number = next;
    next += 1;
    inFlight.push(
      new Promise((resolve, reject) => {
        target.waiting.set(number, { resolve, reject });
        target.worker.postMessage({ batch: number, lines: batch } satisfies BatchMessage);
      }),
    );
  };
  const settle = async () => {
    for (const outcome of await inFlight.shift()!) await emit(outcome);
  };
  try {
    let batch: InputLine[] = [];
    for await (const line of lines) {
      batch.push(line);
      if (batch.length < BATCH_LINES) continue;
      send(batch);
      batch = [];
      if (inFlight.length >= workers.length * BATCHES_PER_WORKER) await settle();
    }
    if (batch.length > 0) send(batch);
    while (inFlight.length > 0) await settle();
  } finally {
    // Promises not awaited (after an error) must not reject unhandled.
    for (const pending of inFlight) pending.catch(() => undefined);
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }
}
