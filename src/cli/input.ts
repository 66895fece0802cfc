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
import type { CliWords, JsonSyntaxError } from './catalogue.js';
import type { Locale } from '../locales/index.js';
import type { Issue } from '../support/issues.js';
import { issueMessage } from '../locales/issues.js';
import { cliWords, fill } from './words.js';

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
  /**
   * (optional) Writes UTF-8 bytes to standard output as they are, and resolves when they are
   * written (the bytes may be reused then): the caseload's output lines, whose controls the
   * thread that wrote them has escaped. Without it, they go through `stdout` as text.
   */
  readonly stdoutBytes?: (bytes: Uint8Array) => Promise<void>;
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
    // An error of writing is the stream's 'error' event, as for `stdout`; the promise settles either way.
    stdoutBytes: (bytes) => new Promise<void>((resolve) => void process.stdout.write(bytes, () => resolve())),
    waitForStdout: () => (process.stdout.writableNeedDrain ? once(process.stdout, 'drain').then(() => undefined) : Promise.resolve()),
    env: process.env,
    ...(process.stderr.isTTY ? { progress: (text: string) => void process.stderr.write(text) } : {}),
  };
}

/** @internal How each issue about the input is worded in any locale (the issue itself carries its English message). */
const WORDING = new WeakMap<Issue, (words: CliWords) => string>();

/** @internal An issue about the input, with its English message, that `inputIssueMessage` can word in any locale. */
function inputIssue(code: string, word: (words: CliWords) => string): Issue {
  const issue: Issue = { code, path: '', message: word(cliWords('en')), severity: 'error' };
  WORDING.set(issue, word);
  return issue;
}

/** @internal The message of an issue about the input (a file missing, unreadable, too large, empty, not JSON) in a locale; `undefined` for any other issue. */
function inputIssueMessage(issue: Issue, locale: Locale): string | undefined {
  return WORDING.get(issue)?.(cliWords(locale));
}

/**
 * An issue's message in the command line's language: an issue about the input or about a line of
 * a caseload from the command line's words, an issue of the library from the catalogue (by its
 * code and parameters), any other as it is.
 *
 * @example
 * ```ts
 * issueText({ code: 'invalid_json', path: '', message: 'This is not valid JSON.', severity: 'error', params: { cliLine: 'invalidJson' } }, 'fr'); // 'Ce n’est pas du JSON valide.'
 * ```
 */
export function issueText(issue: Issue, locale: Locale): string {
  if (locale === 'en') return issue.message;
  const aboutInput = inputIssueMessage(issue, locale);
  if (aboutInput !== undefined) return aboutInput;
  const words = cliWords(locale);
  switch (issue.params?.['cliLine']) {
    case 'lineTooLarge':
      return fill(words.input.lineTooLarge, { limit: issue.params['limit'] ?? '' });
    case 'invalidJson':
      return words.input.invalidJson;
    case 'invalidJsonAtColumn': {
      const syntax = String(issue.params['syntax']);
      return fill(words.input.invalidJsonAtColumn, { what: words.syntax[Object.hasOwn(words.syntax, syntax) ? (syntax as JsonSyntaxError) : 'other'], column: issue.params['column'] ?? '' });
    }
  }
  // An issue made from the catalogue is worded again; one whose message was written otherwise stays as it is.
  return issueMessage(issue, 'en') === issue.message ? issueMessage(issue, locale) : issue.message;
}

/** @internal Why a file could not be read, in words, from the file system's error code. */
export function unreadable(error: unknown, file: string): Issue {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof InputTooLargeError) {
    const limit = error.limit / 1024 / 1024;
    return inputIssue('input_too_large', (words) => fill(file === '-' ? words.input.stdinTooLarge : words.input.fileTooLarge, { limit }));
  }
  if (code === 'ENOENT') return inputIssue('file_not_found', (words) => words.input.fileNotFound);
  const reason = (words: CliWords) =>
    code === 'EISDIR' ? words.input.isDirectory : code === 'EACCES' || code === 'EPERM' ? words.input.permissionDenied : typeof code === 'string' ? fill(words.input.systemSays, { code }) : words.input.readingFailed;
  return inputIssue('file_not_readable', (words) => fill(words.input.fileNotReadable, { reason: reason(words) }));
}

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
export function syntaxError(text: string): { line: number; column: number; what: string; error: JsonSyntaxError } | undefined {
  let found: { line: number; column: number; what: string; error: JsonSyntaxError } | undefined;
  visit(
    text,
    {
      onError: (error: ParseErrorCode, _offset, _length, startLine, startCharacter) => {
        const name = printParseErrorCode(error);
        const known: JsonSyntaxError = Object.hasOwn(cliWords('en').syntax, name) ? (name as JsonSyntaxError) : 'other';
        found ??= { line: startLine + 1, column: startCharacter + 1, what: cliWords('en').syntax[known], error: known };
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
    throw new UserInputError([inputIssue('empty_input', (words) => (file === '-' ? words.input.stdinEmpty : words.input.fileEmpty))], (path) => ({ file: name, path }));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // JSON.parse's message may quote the text, which may hold a client's data: say only where and what.
    const at = syntaxError(text);
    const where = at === undefined ? name : `${name}:${at.line}:${at.column}`;
    const issue = inputIssue('invalid_json', (words) => (at === undefined ? words.input.invalidJson : fill(words.input.invalidJsonAt, { what: words.syntax[at.error], line: at.line, column: at.column })));
    throw new UserInputError([issue], (path) => ({ file: where, path }));
  }
}
