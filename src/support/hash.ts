/**
 * The reproducibility stamp of a JSON value: `sha256:` and the SHA-256 (lower-case hex) of the
 * UTF-8 bytes of its canonical JSON as RFC 8785 defines it (JSON Canonicalization Scheme: object
 * members sorted by the UTF-16 code units of their names, no whitespace, numbers and strings as
 * ECMAScript's `JSON.stringify` writes them). Anyone can recompute a stamp with any JCS
 * implementation and any SHA-256 — docs/reproducibility.md works one through. Built on
 * `json-canonicalize` (JCS; ESM and CommonJS, so the build needs no CommonJS shim) and
 * `@noble/hashes` (SHA-256): the same stamp in Node and in a browser, synchronously.
 *
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalize } from 'json-canonicalize';

/**
 * The stamp of a JSON value: `sha256:` and the SHA-256 of its RFC 8785 canonical JSON. Throws a
 * `TypeError` for a value JSON cannot hold (`undefined`, a function, a non-finite number).
 *
 * @example
 * ```ts
 * contentHash({ b: 1, a: 'x' }) === contentHash({ a: 'x', b: 1 }); // true
 * contentHash({ a: 1 }); // 'sha256:015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862'
 * ```
 */
export function contentHash(value: unknown): string {
  // JSON holds no `undefined`, function or symbol at the top (json-canonicalize would write them
  // as JSON.stringify does, as nothing); non-finite numbers make it throw.
  let canonical: string | undefined;
  if (value !== undefined && typeof value !== 'function' && typeof value !== 'symbol') {
    try {
      canonical = canonicalize(value);
    } catch {
      canonical = undefined;
    }
  }
  if (canonical === undefined) throw new TypeError('contentHash: the value is not JSON.');
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonical)))}`;
}
