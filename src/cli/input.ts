/**
 * What the command line reads and writes, and the errors a user can fix: a file that is missing,
 * cannot be read or is too large, input that is empty or is not JSON. Input is streamed and
 * stopped at a byte limit, so that no input can exhaust memory. Messages never quote the input.
 *
 * @module
 */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { printParseErrorCode, visit, type ParseErrorCode } from 'jsonc-parser';
import type { Issue } from '../support/issues.js';

/** The most the command line reads from one file or from standard input: 16 MiB. */
export const CLI_INPUT_LIMIT_BYTES = 16 * 1024 * 1024;

/** Where the command line reads and writes (injected, so that tests run it in-process). */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Standard input as text; rejects with `InputTooLargeError` past `limit` bytes. */
  readonly readStdin: (limit: number) => Promise<string>;
  /**
   * The text of a file; rejects with `InputTooLargeError` past `limit` bytes, and with the file
   * system's error (its `code`: `ENOENT`, `EACCES`, `EISDIR`…) when it cannot be read.
   */
  readonly readFile: (path: string, limit: number) => Promise<string>;
  /**
   * (optional) The bytes of a file, or of standard input for `-`, as a stream: what
   * `evaluate --batch` and `diff` read line by line. Without it, they read the whole input with
   * `readFile` or `readStdin` (up to `CLI_INPUT_LIMIT_BYTES`).
   */
  readonly openStream?: (path: string) => AsyncIterable<Uint8Array | string>;
  /** (optional) Resolves when standard output can take more (after a write that filled its buffer). */
  readonly waitForStdout?: () => Promise<void>;
  /** (optional) Writes a progress line on a terminal; absent when standard error is not a terminal. */
  readonly progress?: (text: string) => void;
  /** (optional) The script that caseload worker threads run (the executable); without it, caseloads run in one thread. */
  readonly workerScript?: URL;
  /** (optional) The environment the language of help and errors is read from (`LC_ALL`, `LC_MESSAGES`, `LANG`) when there is no `--locale`; without it, English. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Input that is larger than the command line reads. */
export class InputTooLargeError extends Error {
  override readonly name = 'InputTooLargeError';

  constructor(readonly limit: number) {
    super(`The input is larger than ${limit} bytes.`);
  }
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

/** @internal A stream's bytes as UTF-8 text, stopped (and destroyed) past `limit` bytes. */
async function readLimited(stream: Readable, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += bytes.length;
      if (size > limit) throw new InputTooLargeError(limit);
      chunks.push(bytes);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The process's standard streams and file system.
 *
 * @example
 * ```ts
 * const io = nodeIo();
 * typeof io.readFile; // 'function'
 * (await io.readFile('package.json', 1_000_000)).includes('"name": "red-notice-rules"'); // true
 * ```
 */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: (limit) => readLimited(process.stdin, limit),
    readFile: async (path, limit) => {
      const info = await stat(path);
      if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      // Refuse a regular file that is too large before reading a byte of it; keep counting while
      // reading, for files that grow and for pipes, which have no size.
      if (info.isFile() && info.size > limit) throw new InputTooLargeError(limit);
      return readLimited(createReadStream(path), limit);
    },
    openStream: (path) => (path === '-' ? process.stdin : createReadStream(path)),
    waitForStdout: () => (process.stdout.writableNeedDrain ? once(process.stdout, 'drain').then(() => undefined) : Promise.resolve()),
    env: process.env,
    ...(process.stderr.isTTY ? { progress: (text: string) => void process.stderr.write(text) } : {}),
  };
}

/** @internal Why a file could not be read, in words, from the file system's error code. */
export function unreadable(error: unknown, file: string): Issue {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof InputTooLargeError) {
    return { code: 'input_too_large', path: '', message: `${file === '-' ? 'Standard input' : 'The file'} is larger than the ${error.limit / 1024 / 1024} MiB the command line reads; nothing was evaluated.`, severity: 'error' };
  }
  if (code === 'ENOENT') return { code: 'file_not_found', path: '', message: 'There is no such file.', severity: 'error' };
  const reason =
    code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : typeof code === 'string' ? `the system says ${code}` : 'reading failed';
  return { code: 'file_not_readable', path: '', message: `The file cannot be read: ${reason}.`, severity: 'error' };
}

/** @internal Words for jsonc-parser's error codes (what was found, or expected, at the position). */
const SYNTAX_ERRORS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'a character that JSON does not allow here',
  InvalidNumberFormat: 'a number that is not written as JSON writes numbers',
  PropertyNameExpected: 'a key in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing brace } was expected',
  CloseBracketExpected: 'a closing bracket ] was expected',
  EndOfFileExpected: 'the end of the input was expected (only one JSON value is allowed)',
  InvalidCommentToken: 'a comment, which JSON does not allow',
  UnexpectedEndOfComment: 'a comment that does not end',
  UnexpectedEndOfString: 'a string that does not end',
  UnexpectedEndOfNumber: 'a number that does not end',
  InvalidUnicode: 'an invalid \\u escape',
  InvalidEscapeCharacter: 'an invalid escape in a string',
  InvalidCharacter: 'a control character inside a string',
};

/**
 * @internal The first syntax error of a JSON text that `JSON.parse` refused: where it is (line and
 * column, from 1) and what is wrong, in words — never the text itself.
 *
 * The position comes from jsonc-parser (Microsoft's JSON scanner behind VS Code), run strictly
 * (no comments, no trailing commas): it reports an error code, a line and a column, and no
 * excerpt of the input. `parse-json` and `json-parse-even-better-errors` were considered: both
 * put an excerpt of the text into their messages, which could carry a client's data. The value
 * itself is always `JSON.parse`'s (which keeps `__proto__` as an own key, for the scan to refuse).
 */
export function syntaxError(text: string): { line: number; column: number; what: string } | undefined {
  let found: { line: number; column: number; what: string } | undefined;
  visit(
    text,
    {
      onError: (error: ParseErrorCode, _offset, _length, startLine, startCharacter) => {
        found ??= { line: startLine + 1, column: startCharacter + 1, what: SYNTAX_ERRORS[printParseErrorCode(error)] ?? 'not valid JSON' };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return found;
}

/**
 * The JSON of a file, or of standard input for `-`, read up to `CLI_INPUT_LIMIT_BYTES`. Throws
 * `UserInputError` located at the file — `file_not_found`, `file_not_readable`,
 * `input_too_large`, `empty_input`, or `invalid_json` at `file:line:column` — when it cannot.
 *
 * @example
 * ```ts
 * const input = await readJson('examples/cases/finality-unknown.json', nodeIo());
 * (input as { schemaVersion: number }).schemaVersion; // 1
 * await readJson('no-such-case.json', nodeIo()).catch((error: UserInputError) => error.issues[0]?.code); // 'file_not_found'
 * ```
 */
export async function readJson(file: string, io: CliIo): Promise<unknown> {
  const name = file === '-' ? 'stdin' : file;
  let text: string;
  try {
    text = file === '-' ? await io.readStdin(CLI_INPUT_LIMIT_BYTES) : await io.readFile(file, CLI_INPUT_LIMIT_BYTES);
  } catch (error) {
    throw new UserInputError([unreadable(error, file)], (path) => ({ file: name, path }));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    throw new UserInputError([{ code: 'empty_input', path: '', message: `${file === '-' ? 'Standard input' : 'The file'} is empty: a JSON value was expected.`, severity: 'error' }], (path) => ({ file: name, path }));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // JSON.parse's message may quote the text, which may hold a client's data: say only where and what.
    const at = syntaxError(text);
    const where = at === undefined ? name : `${name}:${at.line}:${at.column}`;
    const message = at === undefined ? 'This is not valid JSON.' : `This is not valid JSON: ${at.what} at line ${at.line}, column ${at.column}.`;
    throw new UserInputError([{ code: 'invalid_json', path: '', message, severity: 'error' }], (path) => ({ file: where, path }));
  }
}
