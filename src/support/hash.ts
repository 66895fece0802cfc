/**
 * Canonical JSON and SHA-256, in plain TypeScript so that a result's stamps are the same in
 * Node and in a browser, synchronously, without Node's `crypto`.
 *
 * `contentHash` writes the canonical JSON of a value straight into a byte buffer as UTF-8 —
 * the bytes `new TextEncoder().encode(canonicalJson(value))` would give, without building the
 * string — and hashes the buffer.
 *
 * @module
 */

/**
 * Serialises a JSON value with object keys sorted (by UTF-16 code units) and no whitespace.
 * Two structurally equal values give the same string. `undefined` object members are left out,
 * as `JSON.stringify` does; non-finite numbers become `null`.
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i++) text += (i === 0 ? '' : ',') + canonicalJson(value[i]);
        return `${text}]`;
      }
      const record = value as Record<string, unknown>;
      let text = '{';
      for (const key of Object.keys(record).sort()) {
        const member = record[key];
        if (omitted(member)) continue;
        text += `${text.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
      }
      return `${text}}`;
    }
    default:
      return nonJson(value);
  }
}

/** @internal Whether an object member is left out of JSON. */
function omitted(member: unknown): boolean {
  return member === undefined || typeof member === 'function' || typeof member === 'symbol';
}

/** @internal `undefined`, functions and symbols become null; a bigint throws, as in `JSON.stringify`. */
function nonJson(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'null' : text;
}

/** @internal The largest buffer kept between calls; larger messages get their own. */
const KEPT_BUFFER_BYTES = 1 << 16;
/** @internal The buffer kept between calls (hashing is synchronous and never re-entered). */
let keptBuffer: Uint8Array = new Uint8Array(4096);

/** @internal Hex digits, for `\u00XX` escapes (JSON.stringify writes them in lower case). */
const HEX = '0123456789abcdef';

/**
 * @internal Writes canonical JSON as UTF-8 bytes into a growing buffer. Strings are escaped
 * exactly as `JSON.stringify` escapes them (`\"`, `\\`, `\b \f \n \r \t`, other controls and
 * lone surrogates as `\uXXXX`), and encoded as `TextEncoder` encodes the result.
 */
class CanonicalWriter {
  bytes: Uint8Array = keptBuffer;
  length = 0;

  /** Room for `count` more bytes. */
  reserve(count: number): void {
    if (this.length + count <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + count));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Text known to be ASCII without anything to escape (numbers, literals, punctuation). */
  ascii(text: string): void {
    this.reserve(text.length);
    const { bytes } = this;
    let at = this.length;
    for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i);
    this.length = at;
  }

  byte(code: number): void {
    this.reserve(1);
    this.bytes[this.length++] = code;
  }

  string(text: string): void {
    // At most 6 bytes per code unit (`\u001f`), plus the quotes.
    this.reserve(text.length * 6 + 2);
    const { bytes } = this;
    let at = this.length;
    bytes[at++] = 0x22;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x80) {
        if (code >= 0x20 && code !== 0x22 && code !== 0x5c) {
          bytes[at++] = code;
        } else {
          bytes[at++] = 0x5c;
          if (code === 0x22 || code === 0x5c) bytes[at++] = code;
          else if (code === 0x08) bytes[at++] = 0x62; // b
          else if (code === 0x09) bytes[at++] = 0x74; // t
          else if (code === 0x0a) bytes[at++] = 0x6e; // n
          else if (code === 0x0c) bytes[at++] = 0x66; // f
          else if (code === 0x0d) bytes[at++] = 0x72; // r
          else at = writeUnicodeEscape(bytes, at, code);
        }
      } else if (code < 0x800) {
        bytes[at++] = 0xc0 | (code >> 6);
        bytes[at++] = 0x80 | (code & 0x3f);
      } else if (code >= 0xd800 && code <= 0xdfff) {
        const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
        if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          const point = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
          bytes[at++] = 0xf0 | (point >> 18);
          bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
          bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
          bytes[at++] = 0x80 | (point & 0x3f);
          i++;
        } else {
          bytes[at++] = 0x5c;
          at = writeUnicodeEscape(bytes, at, code);
        }
      } else {
        bytes[at++] = 0xe0 | (code >> 12);
        bytes[at++] = 0x80 | ((code >> 6) & 0x3f);
        bytes[at++] = 0x80 | (code & 0x3f);
      }
    }
    bytes[at++] = 0x22;
    this.length = at;
  }

  value(value: unknown): void {
    switch (typeof value) {
      case 'string':
        this.string(value);
        return;
      case 'number':
        this.ascii(Number.isFinite(value) ? String(value) : 'null');
        return;
      case 'boolean':
        this.ascii(value ? 'true' : 'false');
        return;
      case 'object': {
        if (value === null) {
          this.ascii('null');
        } else if (Array.isArray(value)) {
          this.byte(0x5b);
          for (let i = 0; i < value.length; i++) {
            if (i > 0) this.byte(0x2c);
            this.value(value[i]);
          }
          this.byte(0x5d);
        } else {
          const record = value as Record<string, unknown>;
          this.byte(0x7b);
          let first = true;
          for (const key of sortedKeys(record)) {
            const member = record[key];
            if (omitted(member)) continue;
            if (!first) this.byte(0x2c);
            first = false;
            this.string(key);
            this.byte(0x3a);
            this.value(member);
          }
          this.byte(0x7d);
        }
        return;
      }
      default:
        this.ascii(nonJson(value));
    }
  }
}

/**
 * @internal An object's own enumerable keys sorted by UTF-16 code units, as `.sort()` sorts
 * them: an insertion sort, faster on the handful of keys a case object has.
 */
function sortedKeys(record: object): string[] {
  const keys = Object.keys(record);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/** @internal Writes `uXXXX` (after a backslash) for a code unit, in lower-case hex. */
function writeUnicodeEscape(bytes: Uint8Array, at: number, code: number): number {
  bytes[at++] = 0x75; // u
  bytes[at++] = HEX.charCodeAt((code >> 12) & 15);
  bytes[at++] = HEX.charCodeAt((code >> 8) & 15);
  bytes[at++] = HEX.charCodeAt((code >> 4) & 15);
  bytes[at++] = HEX.charCodeAt(code & 15);
  return at;
}

/** @internal SHA-256 round constants. */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const encoder = new TextEncoder();
/** @internal The message schedule, reused. */
const schedule = new Int32Array(64);

/**
 * @internal SHA-256 of the first `length` bytes of `bytes`, as hex. The buffer must have room
 * for the padding (up to 72 bytes past `length`); its bytes past `length` are overwritten.
 */
function sha256OfBytes(bytes: Uint8Array, length: number): string {
  const total = ((length + 8) >>> 6) * 64 + 64;
  bytes.fill(0, length, total);
  bytes[length] = 0x80;
  const view = new DataView(bytes.buffer, bytes.byteOffset, total);
  view.setUint32(total - 8, Math.floor(length / 0x20000000));
  view.setUint32(total - 4, (length * 8) >>> 0);

  let h0 = 0x6a09e667 | 0, h1 = 0xbb67ae85 | 0, h2 = 0x3c6ef372 | 0, h3 = 0xa54ff53a | 0;
  let h4 = 0x510e527f | 0, h5 = 0x9b05688c | 0, h6 = 0x1f83d9ab | 0, h7 = 0x5be0cd19 | 0;
  const w = schedule;
  for (let offset = 0; offset < total; offset += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getInt32(offset + t * 4);
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15]!;
      const y = w[t - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const temp1 = (h + S1 + ch + K[t]! + w[t]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const temp2 = (S0 + maj) | 0;
      h = g; g = f; f = e; e = (d + temp1) | 0;
      d = c; c = b; b = a; a = (temp1 + temp2) | 0;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
  }
  return hex8(h0) + hex8(h1) + hex8(h2) + hex8(h3) + hex8(h4) + hex8(h5) + hex8(h6) + hex8(h7);
}

/** @internal A 32-bit word as 8 hex digits. */
function hex8(word: number): string {
  return (word >>> 0).toString(16).padStart(8, '0');
}

/** @internal Keeps a buffer for the next call if it is not too large. */
function keep(bytes: Uint8Array): void {
  if (bytes.length <= KEPT_BUFFER_BYTES) keptBuffer = bytes;
}

/**
 * SHA-256 of the UTF-8 encoding of `text`, as 64 lower-case hex digits.
 *
 * @example
 * ```ts
 * sha256Hex('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 * ```
 */
export function sha256Hex(text: string): string {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit; the padding at most 72 more.
  const capacity = ((text.length * 3 + 72 + 63) >>> 6) << 6;
  const bytes = capacity > keptBuffer.length ? new Uint8Array(capacity) : keptBuffer;
  keep(bytes);
  return sha256OfBytes(bytes, encoder.encodeInto(text, bytes).written);
}

/**
 * The stamp of a JSON value: `sha256:` and the SHA-256 of its canonical JSON (`canonicalJson`).
 *
 * @example
 * ```ts
 * contentHash({ a: 1 }) === contentHash({ a: 1 }); // true
 * ```
 */
export function contentHash(value: unknown): string {
  const writer = new CanonicalWriter();
  writer.value(value);
  writer.reserve(72); // the padding
  keep(writer.bytes);
  return `sha256:${sha256OfBytes(writer.bytes, writer.length)}`;
}
