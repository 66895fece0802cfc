// Builds the browser playground into playground/dist/: the page, its script bundled for
// browsers with the library's ESM build (dist/index.js) and its dependencies, and the example
// cases. Run `npm run build` first (`npm run playground` does both, then serves the page).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);

/**
 * @internal The page offers the draft CCF request in Markdown and HTML, not in Word: the Word
 * writer (the `docx` package, about 1 MB) would make the page five times larger for one button.
 * The draft entry imports it for `renderDraft(…, { format: 'docx' })`, which the page never
 * calls: this plugin gives the bundle a module of the same names that throws if ever used.
 */
const withoutDocx = {
  name: 'without-docx',
  setup(build) {
    build.onResolve({ filter: /^docx$/ }, () => ({ path: 'docx', namespace: 'without-docx' }));
    build.onLoad({ filter: /.*/, namespace: 'without-docx' }, () => {
      const draft = readFileSync(new URL('dist/draft.js', root), 'utf8');
      const names = /import\s*\{([^}]*)\}\s*from\s*['"]docx['"]/.exec(draft)?.[1].split(',').map((name) => name.trim()).filter(Boolean) ?? [];
      // Any property of a stub is a stub (the Word writer reads constants such as HeadingLevel.HEADING_1
      // when it loads); calling or constructing one throws.
      const stub = "const stub = new Proxy(function () {}, { get: (target, key) => (key === Symbol.toPrimitive ? () => '' : stub), apply() { throw new Error('The playground has no Word writer.'); }, construct() { throw new Error('The playground has no Word writer.'); } });";
      return { contents: [stub, ...names.map((name) => `export const ${name} = stub;`)].join('\n'), loader: 'js' };
    });
  },
};

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
    plugins: [withoutDocx],
  });
  // A warning (such as ignored-bare-import, from chunks of the library's build) is a fault of the build: say it and stop.
  if (result.warnings.length > 0) {
    throw new Error(`esbuild warned while bundling the playground:\n${result.warnings.map((warning) => `${warning.id}: ${warning.text}`).join('\n')}`);
  }
  copyFileSync(new URL('playground/index.html', root), new URL('index.html', out));
  return fileURLToPath(out);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`Playground built in ${await buildPlayground()}`);
}
