import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
// @ts-expect-error -- a plain ESM script without types
import { buildPlayground } from '../scripts/build-playground.mjs';

/** Issue 10, item 12: esbuild's ignored-bare-import warnings (from the chunks of the library's build) are gone. */
test('the playground bundles the built library without any esbuild warning (ignored-bare-import among them)', async () => {
  expect(existsSync(new URL('../dist/index.js', import.meta.url)), 'dist/index.js is missing: npm test builds before it tests (npm run build)').toBe(true);
  // buildPlayground throws on any warning of esbuild's. Built aside: the browser test serves playground/dist/.
  const out = mkdtempSync(join(tmpdir(), 'rnr-playground-'));
  try {
    const directory = (await buildPlayground(pathToFileURL(`${out}/`))) as string;
    for (const file of ['index.html', 'main.js', 'examples.json']) expect(existsSync(join(directory, file)), file).toBe(true);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
