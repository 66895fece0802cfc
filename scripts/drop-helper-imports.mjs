// Drops the bare imports (`import './chunk-….js';`) of chunks that hold only esbuild's runtime
// helpers (`var __export = …`), from the ESM build in dist/. Run by `npm run build`, after tsup.
//
// Why: with code splitting, esbuild puts a helper used by several chunks (such as `__export`,
// for zod's namespace objects) in a chunk of its own and imports it bare from every entry, to
// keep the order of side effects. The package is `"sideEffects": false`, so a bundler that
// reads the build (esbuild, in the playground or an application) ignores those imports and warns
// `ignored-bare-import` for each. A helper chunk has no side effect — it defines functions, and
// the chunks that use them import them by name — so the bare imports can go, and the warnings
// with them. A chunk is taken as a helper chunk only when every top-level line is a `var __…`
// definition, its continuation, a comment or its `export { … }` — or a top-level function
// declaration (a chunk of small functions shared by several entries): anything else keeps its import.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const files = readdirSync(dist).filter((name) => name.endsWith('.js'));

/**
 * Whether a chunk holds only esbuild runtime helpers, or only function declarations (a chunk of
 * one small module, such as `support/own.ts`, that several entries share): either way, nothing
 * runs when it is loaded.
 */
function isHelperChunk(text) {
  let inHelper = false;
  let inFunction = false;
  for (const line of text.split('\n')) {
    if (inFunction) {
      if (line === '}') inFunction = false;
      continue;
    }
    if (line === '' || line.startsWith('//')) continue;
    if (/^var __[A-Za-z]+ = /.test(line)) {
      inHelper = !line.trimEnd().endsWith(';');
      continue;
    }
    if (/^function [A-Za-z_$][\w$]*\(.*\{$/.test(line)) {
      inFunction = true;
      continue;
    }
    if (/^export \{[^}]*\};$/.test(line)) continue;
    if (inHelper && (line.startsWith(' ') || /^[)}\]]/.test(line))) {
      if (/^[)}\]].*;$/.test(line)) inHelper = false;
      continue;
    }
    return false;
  }
  return true;
}

const helpers = new Set(files.filter((name) => name.startsWith('chunk-') && isHelperChunk(readFileSync(`${dist}${name}`, 'utf8'))));
let dropped = 0;
for (const name of files) {
  const path = `${dist}${name}`;
  const text = readFileSync(path, 'utf8');
  const kept = text.replace(/^import '\.\/(chunk-[A-Z0-9]+\.js)';\n/gm, (line, chunk) => {
    if (!helpers.has(chunk)) return line;
    dropped += 1;
    // The line stays (empty), so that the source map's line numbers still hold.
    return '\n';
  });
  if (kept !== text) writeFileSync(path, kept);
}
console.log(`helpers: ${helpers.size} helper chunk${helpers.size === 1 ? '' : 's'}, ${dropped} bare import${dropped === 1 ? '' : 's'} dropped`);
