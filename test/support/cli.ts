/**
 * The command line run in-process, its output captured: what the CLI tests share. Files are read
 * relative to the repository (absolute paths as they are), standard input is empty, unless `io`
 * says otherwise; whatever `io` gives, stdout and stderr are captured.
 */
import { readFileSync } from 'node:fs';
import type { CliIo } from '../../src/cli/input.js';
import { main } from '../../src/cli/main.js';

const root = new URL('../../', import.meta.url);

/** What a run of the command line gave. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `main(argv)` with the repository's files, empty stdin and `io` over them; returns the exit code and what was written. */
export async function runCli(argv: readonly string[], io: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    readStdin: async () => '',
    readFile: async (path) => readFileSync(path.startsWith('/') ? path : new URL(path, root), 'utf8'),
    ...io,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  });
  return { code, stdout, stderr };
}
