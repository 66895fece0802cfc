/**
 * Canonical JSON and SHA-256, in plain TypeScript so that a result's stamps are the same in
 * Node and in a browser, synchronously, without Node's `crypto`.
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
      const keys = Object.keys(record).sort();
      let text = '{';
      for (const key of keys) {
        const member = record[key];
        if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
        text += `${text.length === 1 ? '' : ','}${quotedKey(key)}:${canonicalJson(member)}`;
      }
      return `${text}}`;
    }
    default: {
      // undefined, functions and symbols become null; a bigint throws, as in JSON.stringify.
      const text = JSON.stringify(value);
      return text === undefined ? 'null' : text;
    }
  }
}

/** @internal Object keys as JSON strings, kept for the few hundred names JSON documents here use. */
const quotedKeys = new Map<string, string>();

/** @internal A key as a JSON string. */
function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < 1000 && key.length <= 64) quotedKeys.set(key, quoted);
  }
  return quoted;
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
/** @internal The message schedule, reused (hashing is synchronous, never re-entered). */
const schedule = new Int32Array(64);
/** @internal The largest message buffer kept between calls; larger messages get their own. */
const KEPT_BUFFER_BYTES = 1 << 16;
/** @internal The message buffer kept between calls. */
let keptBuffer = new Uint8Array(4096);

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
  let bytes = keptBuffer;
  if (capacity > bytes.length) {
    bytes = new Uint8Array(capacity);
    if (capacity <= KEPT_BUFFER_BYTES) keptBuffer = bytes;
  }
  const length = encoder.encodeInto(text, bytes).written;
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

/**
 * The stamp of a JSON value: `sha256:` and the SHA-256 of its canonical JSON.
 *
 * @example
 * ```ts
 * contentHash({ a: 1 }) === contentHash({ a: 1 }); // true
 * ```
 */
export function contentHash(value: unknown): string {
  return `sha256:${sha256Hex(canonicalJson(value))}`;
}
