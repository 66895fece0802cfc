/**
 * What the command line reads and writes, and the errors a user can fix: a file that cannot be
 * read, JSON that does not parse. Messages never quote the input.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import type { Issue } from '../support/issues.js';

/** Where the command line reads and writes (injected, so that tests run it in-process). */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The whole of standard input. */
  readonly readStdin: () => Promise<string>;
  /** The text of a file. */
  readonly readFile: (path: string) => Promise<string>;
}

/**
 * An error the user can fix, with its issues and, for issues inside a file, a way to name the
 * file and the path within it.
 */
export class UserInputError extends Error {
  override readonly name = 'UserInputError';

  constructor(
    readonly issues: readonly Issue[],
    /** Where the issue at `index` (with this path) is: its file, and its path in the file. */
    readonly source: (path: string, index: number) => { file: string; path: string } = (path) => ({ file: '', path }),
  ) {
    super(`${issues.length} issue${issues.length === 1 ? '' : 's'}`);
  }
}

/**
 * The process's standard streams and file system.
 *
 * @example
 * ```ts
 * const io = nodeIo();
 * typeof io.readFile; // 'function'
 * (await io.readFile('package.json')).includes('"name": "red-notice-rules"'); // true
 * ```
 */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      return Buffer.concat(chunks).toString('utf8');
    },
    readFile: (path) => readFile(path, 'utf8'),
  };
}

/**
 * The JSON of a file, or of standard input for `-`. Throws `UserInputError` (code
 * `file_not_readable` or `invalid_json`, located at the file) when it cannot.
 *
 * @example
 * ```ts
 * const input = await readJson('examples/cases/finality-unknown.json', nodeIo());
 * (input as { schemaVersion: number }).schemaVersion; // 1
 * await readJson('no-such-case.json', nodeIo()).catch((error: UserInputError) => error.issues[0]?.code); // 'file_not_readable'
 * ```
 */
export async function readJson(file: string, io: CliIo): Promise<unknown> {
  const name = file === '-' ? 'stdin' : file;
  const located = (path: string) => ({ file: name, path });
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch {
    throw new UserInputError([{ code: 'file_not_readable', path: '', message: 'The file cannot be read (does it exist?).', severity: 'error' }], located);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch {
    // The parser's message may quote the text, which may hold a client's data: say only where.
    throw new UserInputError([{ code: 'invalid_json', path: '', message: 'This is not valid JSON.', severity: 'error' }], located);
  }
}
