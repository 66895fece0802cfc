/**
 * The caseload's output, written as UTF-8 bytes into one reusable buffer per batch of lines:
 * each line is encoded once, straight into the buffer, and checked there for the controls that
 * `JSON.stringify` leaves raw (a byte scan that costs a few microseconds per 100 KB line, where
 * a regular expression over the string costs a few hundred). A line that has one is written
 * again through `escapeJsonControls`: the bytes are always those of
 * `escapeJsonControls(json) + '\n'`, whichever path wrote them.
 *
 * @module
 */
import { escapeJsonControls } from '../support/safe-text.js';

/** @internal The first size of a buffer (bytes); it doubles as needed. */
const FIRST_CAPACITY = 64 * 1024;

/**
 * Whether UTF-8 bytes hold a character that `escapeJsonControls` escapes: DEL (7F), a C1
 * control (U+0080–009F: C2 80–C2 9F), a bidirectional embedding or override (U+202A–202E:
 * E2 80 AA–AE) or isolate (U+2066–2069: E2 81 A6–A9). Each lead byte is found by `indexOf`
 * (a native scan), so that text without them costs a few scans of memory.
 *
 * @example
 * ```ts
 * hasJsonControlBytes(Buffer.from('{"a":"—§é"}')); // false
 * hasJsonControlBytes(Buffer.from('{"a":"\u202e"}')); // true
 * hasJsonControlBytes(Buffer.from('{"a":"\u0085"}')); // true
 * ```
 */
export function hasJsonControlBytes(bytes: Buffer): boolean {
  if (bytes.indexOf(0x7f) !== -1) return true;
  for (let at = bytes.indexOf(0xc2); at !== -1; at = bytes.indexOf(0xc2, at + 1)) {
    const next = bytes[at + 1]!;
    if (next >= 0x80 && next <= 0x9f) return true;
  }
  for (let at = bytes.indexOf(0xe2); at !== -1; at = bytes.indexOf(0xe2, at + 1)) {
    const second = bytes[at + 1];
    const third = bytes[at + 2]!;
    if ((second === 0x80 && third >= 0xaa && third <= 0xae) || (second === 0x81 && third >= 0xa6 && third <= 0xa9)) return true;
  }
  return false;
}

/**
 * A growing byte buffer of output lines. `appendJsonLine` writes a JSON text and a line feed;
 * `bytes()` is what has been written. Its memory is kept between batches (`reset`, or given back
 * by the thread it was sent to), so that writing allocates nothing once it is large enough.
 *
 * @example
 * ```ts
 * const out = new OutputBytes();
 * out.appendJsonLine(JSON.stringify({ id: 'a\u202eb' }));
 * out.appendJsonLine('{"b":2}');
 * out.bytes().toString(); // '{"id":"a\\u202eb"}\n{"b":2}\n'
 * ```
 */
export class OutputBytes {
  private buffer: Buffer;
  private size = 0;

  /** Writes into `memory` (one that `arrayBuffer` gave, back from another thread), or into new memory of `capacity` bytes. */
  constructor(memory?: ArrayBuffer, capacity = FIRST_CAPACITY) {
    this.buffer = memory === undefined ? Buffer.allocUnsafeSlow(capacity) : Buffer.from(memory);
  }

  /** Bytes written since the last reset. */
  get length(): number {
    return this.size;
  }

  /** Writes `json` (from `JSON.stringify`), with its raw controls escaped, and a line feed. */
  appendJsonLine(json: string): void {
    const start = this.size;
    this.write(json);
    if (hasJsonControlBytes(this.buffer.subarray(start, this.size))) {
      this.size = start;
      this.write(escapeJsonControls(json));
    }
    this.reserve(1);
    this.buffer[this.size] = 0x0a;
    this.size += 1;
  }

  /** What has been written (a view, valid until the next write or reset). */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.size);
  }

  /** The whole memory of the buffer (to send to another thread, which may give it back to a new `OutputBytes`). */
  get arrayBuffer(): ArrayBuffer {
    return this.buffer.buffer as ArrayBuffer;
  }

  /** Starts again from nothing, keeping the memory. */
  reset(): void {
    this.size = 0;
  }

  /** @internal Writes a string, the buffer grown first to fit it at worst. */
  private write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit. Room for that costs memory (the buffer ends up
    // a few times a line larger than a batch's output) but not a measuring scan of each line.
    this.reserve(text.length * 3);
    this.size += this.buffer.write(text, this.size, 'utf8');
  }

  /** @internal Makes room for `more` bytes. */
  private reserve(more: number): void {
    if (this.size + more <= this.buffer.length) return;
    let capacity = Math.max(this.buffer.length, FIRST_CAPACITY);
    while (capacity < this.size + more) capacity *= 2;
    const larger = Buffer.allocUnsafeSlow(capacity);
    this.buffer.copy(larger, 0, 0, this.size);
    this.buffer = larger;
  }
}
