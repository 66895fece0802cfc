import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { evaluateCaseSync, renderReport } from '../src/index.js';
import { browserTestSkipped, usePage } from './support/chromium.js';

const SKIPPED = browserTestSkipped('the Arabic (right-to-left) memo');

/** The Arabic memos of the example cases, as HTML. */
function arabicMemos(): Array<{ name: string; html: string }> {
  const examples = JSON.parse(readFileSync(new URL('../examples/examples.json', import.meta.url), 'utf8')) as Array<{ file: string; asOf: string }>;
  return examples.map((example) => {
    const input = JSON.parse(readFileSync(new URL(`../examples/${example.file}`, import.meta.url), 'utf8')) as unknown;
    return { name: example.file, html: renderReport(evaluateCaseSync(input, { asOf: example.asOf, locale: 'ar' }), { format: 'html' }) };
  });
}

/** What is laid out outside the window, left or right (a right-to-left page overflows to the left). */
function outside(page: Page, width: number): Promise<string[]> {
  return page.evaluate((limit) => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll('main *'))) {
      // Each box of the element (an inline element split over lines has one per line); a code run's padding may touch the edge by a pixel.
      for (const box of Array.from(element.getClientRects())) {
        if (box.width === 0) continue;
        if (box.left < -2 || box.right > limit + 2) found.push(`${element.tagName.toLowerCase()} ${Math.round(box.left)}…${Math.round(box.right)}: ${(element.textContent ?? '').slice(0, 40)}`);
      }
    }
    return found;
  }, width);
}

describe.skipIf(SKIPPED)('the Arabic memo in headless Chromium: right to left, nothing overflows', () => {
  const currentPage = usePage();
  const memos = arabicMemos();


  test('every example: the page is right to left, and on a wide screen, a phone and the printed page nothing is wider than the page', async () => {
    const page = currentPage();
    for (const { name, html } of memos) {
      for (const width of [1280, 400]) {
        await page.setViewportSize({ width, height: 900 });
        await page.setContent(html, { waitUntil: 'load' });
        expect(await page.evaluate(() => getComputedStyle(document.body).direction), name).toBe('rtl');
        // The first heading starts at the right: its text ends near the right edge of the column.
        const heading = await page.$eval('h1', (element) => {
          const range = document.createRange();
          range.selectNodeContents(element);
          return { text: range.getBoundingClientRect().right, column: element.getBoundingClientRect().right };
        });
        expect(heading.text, name).toBeGreaterThan(heading.column - 2);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width}px`).toBeLessThanOrEqual(width);
        expect(await outside(page, width), `${name} at ${width}px`).toEqual([]);
      }
    }
    await page.emulateMedia({ media: 'print' });
    const printable = Math.floor(((210 - 32) / 25.4) * 96);
    await page.setViewportSize({ width: printable, height: 1000 });
    for (const { name, html } of memos) {
      await page.setContent(html, { waitUntil: 'load' });
      expect(await outside(page, printable), `${name} in print`).toEqual([]);
    }
    await page.emulateMedia({ media: 'screen' });
  }, 120_000);

  test('an id keeps its order inside Arabic text: the notice id reads left to right as written', async () => {
    const page = currentPage();
    const { html } = memos.find((memo) => memo.name.includes('detained-journalist'))!;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.setContent(html, { waitUntil: 'load' });
    // The characters of "rn-ru-1", laid out: each one to the right of the one before.
    const positions = await page.evaluate(() => {
      const code = Array.from(document.querySelectorAll('code')).find((element) => element.textContent === 'rn-ru-1')!;
      const node = code.querySelector('bdi')!.firstChild!;
      return Array.from({ length: node.textContent!.length }, (_, index) => {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        return range.getBoundingClientRect().left;
      });
    });
    expect(positions.length).toBe(7);
    for (let index = 1; index < positions.length; index += 1) expect(positions[index]!).toBeGreaterThan(positions[index - 1]!);
  });
});
