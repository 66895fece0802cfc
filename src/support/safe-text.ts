/**
 * Text that is safe to write: the one sanitiser of the library. Texts written by users (rule
 * sets, citations, misuse patterns) and strings of a case (ids) could carry characters that a
 * terminal or an editor obeys instead of showing — `ESC ] 0 ; … BEL` sets a window title,
 * `ESC [ 1 A ESC [ 2 K` erases the line above (an "unverified" badge with it), `ESC [ 8 m` hides
 * what follows — or bidirectional controls that show text in another order than it is read
 * (Trojan Source, CVE-2021-42574).
 *
 * Removed: C0 controls but tab and line feed (U+0000–0008, U+000B–001F, carriage return among
 * them), DEL and the C1 controls (U+007F–009F, where U+009B is a one-character CSI), and the
 * bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069).
 *
 * Where it applies (see docs/security.md): to texts as they enter — rule-set, citation and
 * misuse-pattern texts when they are loaded (their schemas), case strings when a report is
 * built (`present/document.ts`) — and as a final guard on what each renderer writes (text,
 * Markdown, HTML, Mermaid, `explain`, the command line's messages). JSON output keeps the data
 * as it is but escapes these characters (`escapeJsonControls`).
 *
 * @module
 */

// eslint-disable-next-line no-control-regex -- these are the characters it removes
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- the same, to test for
const UNSAFE_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * `value` without control characters (but tab and line feed) and bidirectional controls.
 *
 * @example
 * ```ts
 * stripUnsafeText('a\u001b]0;pwned\u0007b\u202ec\nd'); // 'a]0;pwnedbc\nd'
 * ```
 */
export function stripUnsafeText(value: string): string {
  // Most texts have none: test first, so that the common case allocates nothing.
  return UNSAFE_CHARACTER.test(value) ? value.replace(UNSAFE_CHARACTERS, '') : value;
}

// JSON.stringify escapes U+0000–001F itself; these are what it leaves raw.
const JSON_UNESCAPED_UNSAFE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// The same, to test for.
const JSON_UNESCAPED_UNSAFE_CHARACTER = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * JSON text with the controls that `JSON.stringify` leaves raw (DEL, C1, bidirectional controls)
 * written as `\uXXXX` escapes: the same JSON value, safe to print on a terminal.
 *
 * @example
 * ```ts
 * escapeJsonControls(JSON.stringify({ id: 'a\u202eb' })); // '{"id":"a\\u202eb"}'
 * ```
 */
export function escapeJsonControls(json: string): string {
  // Almost no JSON has one: test first, so that the common case returns `json` itself, without
  // calling back per character or copying the text.
  if (!JSON_UNESCAPED_UNSAFE_CHARACTER.test(json)) return json;
  return json.replace(JSON_UNESCAPED_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
