// Builds the browser playground into playground/dist/: the page, its script bundled for
// browsers with the library's ESM build (dist/index.js) and its dependencies, and the example
// cases. Run `npm run build` first (`npm run playground` does both, then serves the page).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);

/**
 * Builds the playground into `out` (a directory URL, default playground/dist/); returns the
 * directory it is in. Throws on any warning of esbuild's.
 *
 * @example
 * ```js
 * const directory = await buildPlayground(); // '/…/playground/dist/'
 * ```
 */
export async function buildPlayground(out = new URL('playground/dist/', root)) {
  if (!existsSync(new URL('dist/index.js', root))) throw new Error('dist/index.js is missing: run `npm run build` first.');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await build({
    entryPoints: [fileURLToPath(new URL('playground/main.js', root))],
    outfile: fileURLToPath(new URL('main.js', out)),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  // A warning (such as ignored-bare-import, from chunks of the library's build) is a fault of the build: say it and stop.
  if (result.warnings.length > 0) {
    throw new Error(`esbuild warned while bundling the playground:\n${result.warnings.map((warning) => `${warning.id}: ${warning.text}`).join('\n')}`);
  }
  copyFileSync(new URL('playground/index.html', root), new URL('index.html', out));
  const examples = JSON.parse(readFileSync(new URL('examples/examples.json', root), 'utf8')).map((example) => ({
    title: example.title,
    asOf: example.asOf,
    case: JSON.parse(readFileSync(new URL(`examples/${example.file}`, root), 'utf8')),
  }));
  writeFileSync(new URL('examples.json', out), `${JSON.stringify(examples)}\n`);
  return fileURLToPath(out);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`Playground built in ${await buildPlayground()}`);
}
