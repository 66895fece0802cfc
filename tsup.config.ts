import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
  // Minified (with source maps): a smaller file compiles faster on a cold import.
  minify: true,
  // zod and date-fns are bundled (tree-shaken): loading their hundreds of modules one by one
  // took most of the cold import (see docs/performance.md). json-rules-engine stays external,
  // loaded on first use of that engine only.
  noExternal: ['zod', 'date-fns'],
  define: { __RNR_VERSION__: JSON.stringify(pkg.version) },
});
