// Bundles the declarations that `tsc -p tsconfig.types.json` wrote to .types/ into the package's
// dist/index.d.ts, dist/analysis.d.ts, dist/testing.d.ts, dist/draft.d.ts and their CommonJS twins (.d.cts), with one shared chunk,
// as the JavaScript is. Run by `npm run build`, after tsup.
//
// Why not tsup's `dts`: it type-checks the whole source again in rollup-plugin-dts, once more
// than `tsc` already does (17.6 s of a 21 s build, measured in docs/performance.md). Here tsc emits
// the declarations (about 5 s) and rollup-plugin-dts only joins .d.ts files (under 1 s).
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const types = (path) => fileURLToPath(new URL(`../.types/${path}`, import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

const bundle = await rollup({
  input: { index: types('index.d.ts'), analysis: types('analysis/index.d.ts'), testing: types('testing/index.d.ts'), draft: types('draft/index.d.ts') },
  plugins: [dts()],
  // zod is a dependency: its types are the package's, not copied.
  external: (id) => id === 'zod' || id.startsWith('zod/') || id === 'json-rules-engine' || id === 'docx',
});
for (const extension of ['d.ts', 'd.cts']) {
  // rollup-plugin-dts writes chunk imports as './types-….js' in .d.ts and './types-….cjs' in .d.cts.
  await bundle.write({ dir: dist, format: 'es', entryFileNames: `[name].${extension}`, chunkFileNames: `types-[hash].${extension}` });
}
await bundle.close();
rmSync(fileURLToPath(new URL('../.types/', import.meta.url)), { recursive: true, force: true });
console.log('types: wrote dist/index.d.ts, dist/analysis.d.ts, dist/testing.d.ts, dist/draft.d.ts and their .d.cts twins');
