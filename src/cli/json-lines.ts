/**
 * JSON Lines input, read as a stream: one line at a time, each line held to the command line's
 * input limit (a line past it is reported by its number and skipped, its bytes never kept), so
 * that memory stays flat however long the file is.
 *
 * @module
 */

/** One line of a JSON Lines input: its number (from 1) and its text, or `tooLong` past the limit. */
export type InputLine = { readonly line: number; readonly text: string } | { readonly line: number; readonly tooLong: true };

/** @internal The newline byte. */
const NEWLINE = 0x0a;

/**
 * The lines of a byte stream, as they come. A line ends at LF (a CR before it is dropped); the
 * last line needs no LF; a byte-order mark at the start is dropped; blank lines are skipped (they
 * count in the numbering). A line longer than `limit` bytes is yielded as `tooLong` and its bytes
 * are dropped as they come.
 *
 * @example
 * ```ts
 * async function* chunks() { yield Buffer.from('{"a":1}\r\n\n{"b'); yield Buffer.from('":2}'); }
 * const lines = [];
 * for await (const line of jsonLines(chunks(), 100)) lines.push(line);
 * lines; // [{ line: 1, text: '{"a":1}' }, { line: 3, text: '{"b":2}' }]
 * ```
 */
export async function* jsonLines(chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, limit: number): AsyncGenerator<InputLine, void, undefined> {
  let pending: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let number = 1;
  const finish = (): InputLine | undefined => {
    const line = number;
    number += 1;
    // Past the limit, unless by the CR of a CR LF only.
    if (!tooLong && size > limit) {
      const last = pending[pending.length - 1]!;
      if (size > limit + 1 || last[last.length - 1] !== 0x0d) tooLong = true;
    }
    if (tooLong) {
      pending = [];
      size = 0;
      tooLong = false;
      return { line, tooLong: true };
    }
    let bytes = pending.length === 1 ? pending[0]! : Buffer.concat(pending, size);
    pending = [];
    size = 0;
    if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    const text = bytes.toString('utf8');
    return text.trim() === '' ? undefined : { line, text };
  };
  const take = (bytes: Buffer) => {
    if (tooLong || bytes.length === 0) return;
    // The CR of a CR LF at the limit does not count against it.
    if (size + bytes.length > limit + 1) {
      tooLong = true;
      pending = [];
      size = 0;
      return;
    }
    pending.push(bytes);
    size += bytes.length;
  };
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE, start); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      take(bytes.subarray(start, end));
      const line = finish();
      if (line !== undefined) yield line;
      start = end + 1;
    }
    // Keep a copy of the rest: the chunk's buffer may be reused by the stream.
    if (start < bytes.length) take(Buffer.from(bytes.subarray(start)));
  }
  if (size > 0 || tooLong) {
    const line = finish();
    if (line !== undefined) yield line;
  }
}
