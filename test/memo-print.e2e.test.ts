import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { evaluateCaseSync, renderReport } from '../src/index.js';
import { browserTestSkipped, usePage } from './support/chromium.js';

const SKIPPED = browserTestSkipped('the printed memo');

/** The Spanish, French and Arabic memos of the example cases, as HTML (the locales longer than English). */
function longerMemos(): string[] {
  const examples = JSON.parse(readFileSync(new URL('../examples/examples.json', import.meta.url), 'utf8')) as Array<{ file: string; asOf: string }>;
  return examples.flatMap((example) => {
    const input = JSON.parse(readFileSync(new URL(`../examples/${example.file}`, import.meta.url), 'utf8')) as unknown;
    return (['es', 'fr', 'ar'] as const).map((locale) => renderReport(evaluateCaseSync(input, { asOf: example.asOf, locale }), { format: 'html' }));
  });
}

/** A4 in CSS pixels (96 per inch), less the memo's print margins (14 mm by 16 mm): the printable area. */
const PRINTABLE = { width: Math.floor(((210 - 32) / 25.4) * 96), height: Math.floor(((297 - 28) / 25.4) * 96) };

/** The width of every diagram, of its figure and of the page's column, as laid out. */
function diagramWidths(page: Page): Promise<Array<{ svg: number; figure: number; column: number }>> {
  return page.$$eval('figure.diagram svg', (svgs) =>
    svgs.map((svg) => ({
      svg: svg.getBoundingClientRect().right,
      figure: svg.closest('figure')!.getBoundingClientRect().right,
      column: document.querySelector('main')!.getBoundingClientRect().right,
    })),
  );
}

describe.skipIf(SKIPPED)('the memo in headless Chromium, on screen and in print', () => {
  const currentPage = usePage();
  const memos = longerMemos();
  const html = memos.reduce((longest, memo) => (memo.length > longest.length ? memo : longest));


  test('every decision diagram fits its column: a wide screen, a narrow one, and the printed page', async () => {
    const page = currentPage();
    for (const width of [1280, 960, 400]) {
      await page.setViewportSize({ width, height: 900 });
      await page.setContent(html, { waitUntil: 'load' });
      const widths = await diagramWidths(page);
      expect(widths.length).toBeGreaterThan(0);
      for (const item of widths) {
        expect(item.svg, `screen ${width}px`).toBeLessThanOrEqual(item.figure + 0.5);
        expect(item.svg, `screen ${width}px`).toBeLessThanOrEqual(item.column + 0.5);
      }
      // Nothing on the page is wider than the window: no horizontal scrolling.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize(PRINTABLE);
    await page.setContent(html, { waitUntil: 'load' });
    for (const item of await diagramWidths(page)) expect(item.svg, 'print').toBeLessThanOrEqual(item.column + 0.5);
    await page.emulateMedia({ media: 'screen' });
  });

  test('in print, the first page of every Spanish, French and Arabic memo fits one A4 page: the appendix starts on the next', async () => {
    const page = currentPage();
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize(PRINTABLE);
    for (const memo of memos) {
      await page.setContent(memo, { waitUntil: 'load' });
      const end = await page.$eval('hr.page-break', (rule) => rule.getBoundingClientRect().top);
      expect(end, memo.slice(memo.indexOf('<main>'), memo.indexOf('<main>') + 200)).toBeLessThanOrEqual(PRINTABLE.height);
    }
    await page.emulateMedia({ media: 'screen' });
  });

  test('prints to PDF: the first page apart, the appendix after it', async () => {
    const page = currentPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
  });
});
