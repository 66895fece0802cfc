import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
// @ts-expect-error -- a plain ESM script without types
import { buildPlayground } from '../scripts/build-playground.mjs';

/** The interview page's budget, gzip-compressed (page and script): measured 295 kB in December 2026. */
const PAGE_BUDGET_GZIP = 340_000;

/** Issue 10, item 12: esbuild's ignored-bare-import warnings (from the chunks of the library's build) are gone. Issue 15: the page stays small and offline. */
test('the interview bundles the built library without any esbuild warning, within its size budget, without the Word writer and without a network address', async () => {
  expect(existsSync(new URL('../dist/index.js', import.meta.url)), 'dist/index.js is missing: npm test builds before it tests (npm run build)').toBe(true);
  // buildPlayground throws on any warning of esbuild's. Built aside: the browser test serves playground/dist/.
  const out = mkdtempSync(join(tmpdir(), 'rnr-playground-'));
  try {
    const directory = (await buildPlayground(pathToFileURL(`${out}/`))) as string;
    const files = ['index.html', 'main.js'].map((file) => readFileSync(join(directory, file)));
    const gzip = files.reduce((total, file) => total + gzipSync(file, { level: 9 }).length, 0);
    expect(gzip, `the page is ${gzip} bytes gzip-compressed`).toBeLessThan(PAGE_BUDGET_GZIP);
    const script = files[1]!.toString('utf8');
    // The docx package (about 1 MB) is left out: the page offers the draft in Markdown and HTML.
    expect(script).toContain('The playground has no Word writer.');
    expect(script).not.toMatch(/officeDocument\/2006\/relationships/);
    // The page loads nothing else: its CSP forbids connections, and the script names no remote address to fetch.
    const page = files[0]!.toString('utf8');
    expect(page).toMatch(/connect-src 'none'/);
    expect(script).not.toMatch(/\bfetch\(/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
