import { defineConfig } from 'tsup';

// The benchmark, built to bench/.out. It imports the package by its own name, so that it
// measures the build in dist/ (Node resolves a package's own name through its exports).
export default defineConfig({
  entry: { bench: 'bench/bench.ts', analysis: 'bench/analysis.ts', heap: 'bench/heap.ts', retained: 'bench/retained.ts', profile: 'bench/profile.ts', stages: 'bench/stages.ts', caseload: 'bench/caseload.ts' },
  outDir: 'bench/.out',
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  external: ['red-notice-rules'],
  clean: true,
  dts: false,
  sourcemap: false,
  define: { __RNR_VERSION__: JSON.stringify('bench') },
});
