import { readFileSync, rmSync } from 'node:fs';
import { defineConfig } from 'tsup';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const define = { __RNR_VERSION__: JSON.stringify(pkg.version) };

// Both builds write to dist/: clean it once, here, rather than racing two `clean` options.
rmSync(new URL('./dist/', import.meta.url), { recursive: true, force: true });

export default defineConfig([
  {
    // The library: browser-safe, ESM and CommonJS, with types for both.
    entry: { index: 'src/index.ts', analysis: 'src/analysis/index.ts', testing: 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: false,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
    // Minified: a smaller file compiles faster on a cold import.
    minify: true,
    // zod and date-fns are bundled (tree-shaken): loading their hundreds of modules one by one
    // took most of the cold import (see docs/performance.md). json-rules-engine stays external,
    // loaded on first use of that engine only. @noble/hashes (ESM only) and canonicalize
    // (CommonJS only) are bundled too, so that both builds work in every resolver.
    noExternal: ['zod', 'date-fns', '@noble/hashes', 'canonicalize'],
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
    // date-fns, @noble/hashes and canonicalize are development dependencies (bundled everywhere they are used).
    noExternal: ['zod', 'date-fns', '@noble/hashes', 'canonicalize'],
    define,
  },
]);
