#!/usr/bin/env node
/**
 * The `red-notice-rules` executable: runs `main` with the process's arguments and streams.
 *
 * @module
 */
import { nodeIo } from './input.js';
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2), nodeIo());
