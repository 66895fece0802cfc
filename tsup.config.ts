import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const define = { __RNR_VERSION__: JSON.stringify(pkg.version) };

// Both builds write to dist/, and so does scripts/bundle-types.mjs (run side by side with tsup):
// `npm run build` empties dist/ once, first (scripts/clean-dist.mjs), so no `clean` option here.

export default defineConfig([
  {
    // The library: browser-safe, ESM and CommonJS. Types: scripts/bundle-types.mjs (faster than tsup's dts).
    entry: { index: 'src/index.ts', analysis: 'src/analysis/index.ts', testing: 'src/testing/index.ts', draft: 'src/draft/index.ts' },
    format: ['esm', 'cjs'],
    dts: false,
    // Shipped readable: unminified, with source maps (sources included), so that an uncaught
    // error shows code and real class names a reader can follow. The minifier saved about 10 ms
    // of a cold import; esbuild's keepNames would cost 5 ms more and is not needed, as nothing
    // of ours is renamed (a test checks the class names of the build). See docs/performance.md.
    sourcemap: true,
    minify: false,
    // Shared chunks in both formats: the two entries load one copy of each module, so that
    // there is one RuleSetError class in CommonJS as in ESM, and json-rules-engine (in the chunk
    // of its runner) is loaded only when that engine is used, in CommonJS too.
    splitting: true,
    clean: false,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
    // docx (the Word writer of red-notice-rules/draft) stays external, a dependency loaded by that
    // entry only: the core's chunks never import it.
    // zod and date-fns are bundled (tree-shaken): loading their hundreds of modules one by one
    // took most of the cold import (see docs/performance.md). json-rules-engine stays external,
    // loaded on first use of that engine only. @noble/hashes (ESM only) and json-canonicalize
    // are bundled too, so that both builds work in every resolver.
    noExternal: ['zod', 'date-fns', '@date-fns/utc', '@noble/hashes', 'json-canonicalize'],
    define,
  },
  {
    // The command line (Node only): dist/cli.js, executable (the shebang of src/cli/bin.ts).
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    treeshake: true,
    // date-fns, @date-fns/utc, @noble/hashes, json-canonicalize and jsonc-parser are development
    // dependencies, bundled where they are used.
    noExternal: ['zod', 'date-fns', '@date-fns/utc', '@noble/hashes', 'json-canonicalize', 'jsonc-parser'],
    define,
  },
]);
