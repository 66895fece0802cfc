/**
 * The caseload's output, written as UTF-8 bytes into one reusable buffer per batch of lines.
 *
 * - **Serialised in pieces.** `JSON.stringify` of a 100 KB result builds its text as a chain of
 *   parts (a V8 cons string) that must be copied into one flat string before it can be encoded:
 *   that copy, a large object of its own each time, cost more than evaluating the case. So the
 *   outer levels of a line (the record, the evaluation, its lists) are written here, as
 *   `JSON.stringify` would write them, and each value below them is serialised by
 *   `JSON.stringify` — small texts, gathered a few kilobytes at a time and encoded straight into
 *   the buffer.
 * - **Checked as bytes.** The line's bytes are scanned for the controls that `JSON.stringify`
 *   leaves raw (a native byte search: a few microseconds per 100 KB line, where a regular
 *   expression over the text costs a few hundred). A line that has one is written again as
 *   `escapeJsonControls(JSON.stringify(value))`.
 *
 * Whichever path wrote it, a line's bytes are those of `escapeJsonControls(JSON.stringify(value)) + '\n'`
 * (a property test compares them).
 *
 * @module
 */
import { escapeJsonControls } from '../support/safe-text.js';

/** @internal The first size of a buffer (bytes); it doubles as needed. */
const FIRST_CAPACITY = 64 * 1024;

/** @internal Levels written here; values deeper are serialised by `JSON.stringify`. */
const WRITTEN_LEVELS = 3;

/** @internal Text gathered before it is encoded (UTF-16 units): small enough to stay a young, cheap string. */
const PIECE = 8 * 1024;

/** @internal Thrown when a value is one this writer does not follow exactly (a `toJSON` that returns an object with a `toJSON`): the line is serialised whole then. */
class UnusualValue extends Error {}

/** @internal A value as `JSON.stringify` serialises it under `key`: its `toJSON(key)` applied, once. */
function jsonValue(value: unknown, key: string): unknown {
  if ((typeof value === 'object' && value !== null) || typeof value === 'bigint') {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') {
      const result = (toJSON as (key: string) => unknown).call(value, key) as unknown;
      if (typeof result === 'object' && result !== null && typeof (result as { toJSON?: unknown }).toJSON === 'function') throw new UnusualValue();
      return result;
    }
  }
  return value;
}

/** @internal Whether `JSON.stringify` leaves a property of this value out (an array element of it is `null`). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** @internal Whether an object is serialised by its own enumerable properties in order (a plain object or an array). */
function plainContainer(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

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
 * A growing byte buffer of output lines. `appendJsonLine` writes a value as JSON and a line feed;
 * `bytes()` is what has been written. Its memory is kept between batches (`reset`, or given back
 * by the thread it was sent to), so that writing allocates nothing once it is large enough.
 *
 * @example
 * ```ts
 * const out = new OutputBytes();
 * out.appendJsonLine({ id: 'a\u202eb', list: [1, undefined, { at: new Date(0) }] });
 * out.appendJsonLine({ b: 2, skipped: undefined });
 * out.bytes().toString(); // '{"id":"a\\u202eb","list":[1,null,{"at":"1970-01-01T00:00:00.000Z"}]}\n{"b":2}\n'
 * ```
 */
export class OutputBytes {
  private buffer: Buffer;
  private size = 0;
  /** @internal Text not yet encoded. */
  private pending = '';

  /** Writes into `memory` (one that `arrayBuffer` gave, back from another thread), or into new memory of `capacity` bytes. */
  constructor(memory?: ArrayBuffer, capacity = FIRST_CAPACITY) {
    this.buffer = memory === undefined ? Buffer.allocUnsafeSlow(capacity) : Buffer.from(memory);
  }

  /** Bytes written since the last reset. */
  get length(): number {
    return this.size;
  }

  /**
   * Writes `value` as one line of JSON — the bytes of `escapeJsonControls(JSON.stringify(value))`
   * and a line feed — and returns whether it wrote anything (not for `undefined`, a function or a
   * symbol, which have no JSON).
   */
  appendJsonLine(value: unknown): boolean {
    const start = this.size;
    try {
      const resolved = jsonValue(value, '');
      if (omitted(resolved)) return false;
      this.writeValue(resolved, 0);
      this.flushPiece();
    } catch (error) {
      // Nothing of a line that failed is kept.
      this.pending = '';
      this.size = start;
      if (!(error instanceof UnusualValue)) throw error;
      const json = JSON.stringify(value) as string | undefined;
      if (json === undefined) return false;
      this.write(json);
    }
    if (hasJsonControlBytes(this.buffer.subarray(start, this.size))) {
      this.size = start;
      this.write(escapeJsonControls(JSON.stringify(value)));
    }
    this.reserve(1);
    this.buffer[this.size] = 0x0a;
    this.size += 1;
    return true;
  }

  /** @internal Adds text to what is encoded next. */
  private piece(text: string): void {
    this.pending += text;
    if (this.pending.length >= PIECE) this.flushPiece();
  }

  /** @internal Encodes the text gathered. */
  private flushPiece(): void {
    if (this.pending === '') return;
    this.write(this.pending);
    this.pending = '';
  }

  /** @internal Writes a value (its `toJSON` applied, not omitted) as `JSON.stringify` does, at `level`. */
  private writeValue(value: unknown, level: number): void {
    if (level >= WRITTEN_LEVELS || !plainContainer(value)) {
      // A primitive, an object of a class, or a value deep enough to be small: `JSON.stringify`
      // itself (its `toJSON`, applied already, is not called again: `jsonValue` made sure the
      // result has none).
      this.piece(JSON.stringify(value));
      return;
    }
    if (Array.isArray(value)) {
      this.piece('[');
      for (let index = 0; index < value.length; index++) {
        if (index > 0) this.piece(',');
        const element = jsonValue(value[index], String(index));
        if (omitted(element)) this.piece('null');
        else this.writeValue(element, level + 1);
      }
      this.piece(']');
      return;
    }
    this.piece('{');
    let first = true;
    for (const key of Object.keys(value)) {
      const property = jsonValue((value as Record<string, unknown>)[key], key);
      if (omitted(property)) continue;
      this.piece(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      this.writeValue(property, level + 1);
    }
    this.piece('}');
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
