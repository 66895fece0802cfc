// Builds the browser playground into playground/dist/: the page, its script bundled for
// browsers with the library's ESM build (dist/index.js) and its dependencies, and the example
// cases. Run `npm run build` first (`npm run playground` does both, then serves the page).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);

/**
 * Builds the playground; returns the directory it is in.
 *
 * @example
 * ```js
 * const directory = await buildPlayground(); // '/…/playground/dist/'
 * ```
 */
export async function buildPlayground() {
  if (!existsSync(new URL('dist/index.js', root))) throw new Error('dist/index.js is missing: run `npm run build` first.');
  const out = new URL('playground/dist/', root);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [fileURLToPath(new URL('playground/main.js', root))],
    outfile: fileURLToPath(new URL('main.js', out)),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
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
