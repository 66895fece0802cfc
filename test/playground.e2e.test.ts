import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CATALOGUES, evaluateCaseSync, type Case, type Locale } from '../src/index.js';
// @ts-expect-error -- a plain ESM script without types
import { buildPlayground } from '../scripts/build-playground.mjs';
// @ts-expect-error -- a plain ESM script without types
import { servePlayground } from '../scripts/playground.mjs';

/** Debian's Chromium (installed by .ci/run); the test does not download a browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Set by .ci/run: there, a missing Chromium fails the run instead of skipping the test. */
const REQUIRED = process.env.RNR_REQUIRE_BROWSER === '1';
const AVAILABLE = existsSync(CHROMIUM);
if (!AVAILABLE && !REQUIRED) {
  // One loud line: npm test passes on a machine without a browser, and says what it did not test.
  console.warn(`⚠ SKIPPED the browser test of the interview: no Chromium at ${CHROMIUM}. To run it: apt-get install chromium (or set CHROMIUM_PATH), then npm test; RNR_REQUIRE_BROWSER=1 makes it required.`);
}
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AS_OF = '2026-06-30';
const EXAMPLE = JSON.parse(readFileSync(new URL('../examples/cases/detained-journalist-extradition-pending.json', import.meta.url), 'utf8')) as Case;
const AXE = readFileSync(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const SCREENSHOTS = process.env.RNR_SCREENSHOTS;

/**
 * Answers the example holds in another place than the one asked: it records the country feared
 * on the asylum application; asked about the grant, the lawyer names the same country.
 */
const SAME_FACT_ELSEWHERE: Readonly<Record<string, unknown>> = { 'asylum[1].persecutionFearedFrom': ['RU'] };

/** The value of the example case at an input path ('asylum[1].grounds'), or undefined. */
function exampleAt(path: string): unknown {
  if (Object.hasOwn(SAME_FACT_ELSEWHERE, path)) return SAME_FACT_ELSEWHERE[path];
  let value: unknown = EXAMPLE;
  for (const key of path.split(/[.[\]]+/).filter(Boolean)) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Presses Tab until `target` has the focus (at most `limit` times): that it can be reached
 * with the keyboard, in the page's own order.
 */
async function tabTo(page: Page, target: Locator, limit = 400): Promise<void> {
  const handle = await target.elementHandle();
  for (let count = 0; count < limit; count += 1) {
    if (await page.evaluate((element) => document.activeElement === element, handle)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Not reached with the Tab key: ${String(target)}`);
}

/** Answers the question on the page with the example's value at `path`, as a person would, in the question's own inputs. */
async function fillAnswer(page: Page, path: string, value: unknown, keyboard: boolean): Promise<void> {
  const card = page.locator('#question');
  const control = card.locator(`[data-path="${path}"]`).first();
  const press = async (locator: Locator) => {
    if (keyboard) {
      await tabTo(page, locator);
      await page.keyboard.press('Enter');
    } else await locator.click();
  };
  const tag = await control.evaluate((element) => `${element.tagName.toLowerCase()}${element.classList.contains('list') ? '.list' : ''}`);
  if (tag === 'fieldset.list') {
    for (const [index, item] of (value as unknown[]).entries()) {
      await press(card.locator(`[data-add="${path}"]`));
      const itemPath = `${path}[${index}]`;
      await card.locator(`[data-item="${itemPath}"]`).waitFor();
      if (item !== null && typeof item === 'object') {
        // The fields an item shows (the rest waits for the interview to ask for it).
        for (const [key, field] of Object.entries(item)) {
          if (await card.locator(`[data-path="${itemPath}.${key}"]`).first().isVisible()) await fillAnswer(page, `${itemPath}.${key}`, field, keyboard);
        }
      } else await fillAnswer(page, itemPath, item, keyboard);
    }
    return;
  }
  if (tag === 'fieldset') {
    const values = (value as string[]).length === 0 ? [''] : (value as string[]);
    for (const entry of values) {
      const box = card.locator(`input[type=checkbox][data-path="${path}"][value="${entry}"]`);
      if (keyboard) {
        await tabTo(page, box);
        await page.keyboard.press('Space');
      } else await box.check();
      expect(await box.isChecked()).toBe(true);
    }
    return;
  }
  if (!keyboard) {
    if (tag === 'select') await control.selectOption(String(value));
    else {
      await control.fill(String(value));
      await control.dispatchEvent('change');
      await control.evaluate((element) => (element as HTMLElement).blur());
    }
    return;
  }
  await tabTo(page, control);
  const type = await control.getAttribute('type');
  if (tag === 'select') {
    // The arrow keys move a focused select to its option (and fire change), as a keyboard user does.
    const target = await control.evaluate((select, wanted) => Array.from((select as HTMLSelectElement).options, (option) => option).findIndex((option) => option.value === wanted), String(value));
    const current = await control.evaluate((select) => (select as HTMLSelectElement).selectedIndex);
    for (let step = current; step !== target; step += target > current ? 1 : -1) await page.keyboard.press(target > current ? 'ArrowDown' : 'ArrowUp');
    expect(await control.inputValue()).toBe(String(value));
  } else if (type === 'date') {
    // Typing into a date field follows the browser's own date format, not the page's: set it.
    await control.fill(String(value));
    await control.dispatchEvent('change');
  } else {
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(String(value));
    // Leaving the field commits it (the change event), as Tab does.
    await control.evaluate((element) => (element as HTMLElement).blur());
  }
}

/** Answers every question the interview asks from the example case, until none is left; returns the paths asked. */
async function completeInterview(page: Page, keyboard: boolean, shot?: string): Promise<string[]> {
  const asked: string[] = [];
  for (let round = 0; round < 60; round += 1) {
    const card = page.locator('#question');
    const step = await card.getAttribute('data-step');
    if (step === '') return asked;
    const count = Number(await card.getAttribute('data-count'));
    const paths = (await card.getAttribute('data-paths'))!.split(' ');
    asked.push(...paths);
    const known = paths.filter((path) => exampleAt(path) !== undefined);
    for (const path of known) await fillAnswer(page, path, exampleAt(path), keyboard);
    if (shot !== undefined && SCREENSHOTS && step === 'asylum') await page.screenshot({ path: join(SCREENSHOTS, shot), fullPage: true });
    const button = known.length > 0 || (await page.locator('#skip').count()) === 0 ? page.locator('#next') : page.locator('#skip');
    if (keyboard) {
      await tabTo(page, button);
      await page.keyboard.press('Enter');
    } else await button.click();
    await page.locator(`#question[data-count="${count + 1}"]`).waitFor({ timeout: 30_000 });
  }
  throw new Error(`The interview did not end: ${asked.join(', ')}`);
}

/** The serious and critical violations that axe-core finds in the page. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's own CSP (no inline script) stays in force.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 3) }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id} (${violation.impact}): ${violation.targets.join(', ')}`);
}

describe.skipIf(!AVAILABLE && !REQUIRED)('the interview in the browser, in headless Chromium', () => {
  let server: Server | undefined;
  let context: BrowserContext;
  let page: Page;
  let profile = '';
  let origin = '';
  const pageErrors: string[] = [];
  /** Every request the page makes after it has loaded. */
  const requests: string[] = [];
  let loaded = false;

  async function open(): Promise<void> {
    loaded = false;
    await page.goto(`${origin}/`);
    await page.waitForSelector('body[data-ready="true"]');
    loaded = true;
  }

  beforeAll(async () => {
    if (!AVAILABLE) throw new Error(`${CHROMIUM} is missing, and RNR_REQUIRE_BROWSER=1 requires the browser test: apt-get install -y chromium (.ci/run does), or set CHROMIUM_PATH.`);
    server = (await servePlayground(await buildPlayground(), 0)) as Server;
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = mkdtempSync(join(tmpdir(), 'rnr-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      if (loaded) requests.push(request.url());
    });
    await open();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    // Only a server that was started can be closed: a failed start must not leave the hook waiting.
    if (server) await new Promise((resolve) => server!.close(resolve));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function expectOutcome(locale: Locale): Promise<void> {
    const expected = evaluateCaseSync(EXAMPLE, { asOf: AS_OF, locale });
    const notice = expected.notices[0]!;
    await expect.poll(() => page.locator('#summary .outcome').first().textContent()).toBe(CATALOGUES[locale].outcomes[notice.outcome].label);
    expect(notice.outcome).toBe('delete_once_confirmed');
    const first = page.locator('#first-step .first-action');
    expect(await first.getAttribute('data-code')).toBe(expected.firstStep!.code);
    const action = expected.actions.find((entry) => entry.code === expected.firstStep!.code && entry.noticeId === expected.firstStep!.noticeId)!;
    expect(await first.textContent()).toBe(action.title);
  }

  test('completes the refugee-journalist case by answering questions only, in English: the outcome, the first action, the memo, no request, no serious axe violation', async () => {
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#as-of', AS_OF);
    await page.dispatchEvent('#as-of', 'change');
    expect(await page.getAttribute('#question', 'data-step')).toBe('notices');
    const asked = await completeInterview(page, false, 'question-en.png');
    // The lists first, then the evaluation's own questions (asylum history, confirmations, …).
    expect(asked.slice(0, 4)).toEqual(['notices', 'detention', 'extradition', 'ccf']);
    expect(asked).toContain('asylum');
    expect(asked).toContain('confirmations');
    await expectOutcome('en');
    expect(await page.locator('#question h2').textContent()).toBe('No question is left whose answer would change the assessment.');
    const memo = page.frameLocator('#memo');
    expect(await memo.locator('h1').textContent()).toBe('INTERPOL Red Notices and Diffusions: assessment memo');
    // Downloads are made in the page: the memo, the calendar, the draft request.
    for (const [button, name] of [['#download-memo-html', /-memo-en\.html$/], ['#download-ics', /\.ics$/], ['#download-ccf_deletion_request-md', /ccf_deletion_request-en\.md$/]] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      expect(download.suggestedFilename()).toMatch(name);
    }
    const [exported] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const built = JSON.parse(readFileSync((await exported.path())!, 'utf8')) as Case;
    expect(built.notices[0]).toMatchObject({ id: 'rn-ru-1', kind: 'red_notice', requestingCountry: 'RU' });
    expect(await axeViolations(page)).toEqual([]);
    expect(requests.filter((url) => !/^(blob|data|about):/.test(url))).toEqual([]);
    expect(pageErrors).toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'interview-en.png'), fullPage: true });
  }, 180_000);

  test('keeps the case over a reload, and one button clears it', async () => {
    await open();
    await expectOutcome('en');
    expect(await page.getAttribute('#question', 'data-step')).toBe('');
    await page.click('#clear');
    await expect.poll(() => page.getAttribute('#question', 'data-step')).toBe('notices');
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    await open();
    expect(await page.getAttribute('#question', 'data-step')).toBe('notices');
    expect(await page.locator('#summary .outcome').count()).toBe(0);
  }, 60_000);

  test('imports a case from a JSON file, and switches to French without a reload', async () => {
    await page.fill('#as-of', AS_OF);
    await page.dispatchEvent('#as-of', 'change');
    await page.setInputFiles('#import', fileURLToPath(new URL('../examples/cases/detained-journalist-extradition-pending.json', import.meta.url)));
    await expectOutcome('en');
    // The lists of the file are answered; the evaluation's own questions come next.
    await expect.poll(() => page.getAttribute('#question', 'data-step')).toBe('confirmations');
    await page.selectOption('#locale', 'fr');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    await expectOutcome('fr');
    expect(await page.locator('#translation-note').isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'question-fr.png'), fullPage: true });
    // Every answer stays editable in the whole case: removing the detention there drops the first step on liberty.
    await page.click('#whole-case-title');
    await page.click('#whole-case-form [data-remove="detention[0]"]');
    await expect.poll(() => page.locator('#whole-case-form [data-item="detention[0]"]').count()).toBe(0);
    await expect.poll(() => page.locator('#first-step .first-action').getAttribute('data-code')).not.toBe('contest_detention_reliance');
    await page.click('#clear');
    await expect.poll(() => page.getAttribute('#question', 'data-step')).toBe('notices');
  }, 60_000);

  test('in Arabic, right to left, with the keyboard only: the same outcome and first action, no serious axe violation', async () => {
    await page.selectOption('#locale', 'ar');
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    await page.fill('#as-of', AS_OF);
    await page.dispatchEvent('#as-of', 'change');
    const arabic = (await import(new URL('../playground/words/ar.js', import.meta.url).href)) as { default: { ownQuestions: { notices: string } } };
    await expect.poll(() => page.locator('#question h2').textContent()).toBe(arabic.default.ownQuestions.notices);
    await completeInterview(page, true, 'question-ar.png');
    await expectOutcome('ar');
    expect(await axeViolations(page)).toEqual([]);
    expect(requests.filter((url) => !/^(blob|data|about):/.test(url))).toEqual([]);
    expect(pageErrors).toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'interview-ar.png'), fullPage: true });
  }, 240_000);
});
