#!/usr/bin/env node
/**
 * The `red-notice-rules` executable: runs `main` with the process's arguments and streams.
 *
 * @module
 */
import { isCaseloadWorker, runCaseloadWorker } from './caseload-pool.js';
import { nodeIo } from './input.js';
import { main } from './main.js';

// The same file runs the caseload's worker threads (`evaluate --batch`, `diff`).
if (isCaseloadWorker()) runCaseloadWorker();
else process.exitCode = await main(process.argv.slice(2), { ...nodeIo(), workerScript: new URL(import.meta.url) });
