import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** Debian's Chromium (installed by .ci/run); the tests do not download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Set by .ci/run: there, a missing Chromium fails the run instead of skipping the test. */
const REQUIRED = process.env.RNR_REQUIRE_BROWSER === '1';
const AVAILABLE = existsSync(CHROMIUM);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Whether a browser test of `what` runs: it is skipped, with one loud line, when there is no
 * Chromium — unless RNR_REQUIRE_BROWSER=1 requires it (then `openBrowser` fails).
 */
export function browserTestSkipped(what: string): boolean {
  if (!AVAILABLE && !REQUIRED) {
    // One loud line: npm test passes on a machine without a browser, and says what it did not test.
    console.warn(`⚠ SKIPPED the browser test of ${what}: no Chromium at ${CHROMIUM}. To run it: apt-get install chromium (or set CHROMIUM_PATH), then npm test; RNR_REQUIRE_BROWSER=1 makes it required.`);
  }
  return !AVAILABLE && !REQUIRED;
}

/** A page of headless Chromium, in a profile of its own, and how to close both. */
export interface BrowserSession {
  readonly page: Page;
  readonly close: () => Promise<void>;
}

/** Starts headless Chromium with a fresh profile and opens a page. */
export async function openBrowser(): Promise<BrowserSession> {
  if (!AVAILABLE) throw new Error(`${CHROMIUM} is missing, and RNR_REQUIRE_BROWSER=1 requires the browser test: apt-get install -y chromium (.ci/run does), or set CHROMIUM_PATH.`);
  const profile = mkdtempSync(join(tmpdir(), 'rnr-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  const page = await context.newPage();
  return {
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the browser before the tests of the enclosing `describe` and closes it after them; the
 * page is read through the function returned (it exists once the tests run).
 */
export function usePage(): () => Page {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await openBrowser();
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });
  return () => session!.page;
}
