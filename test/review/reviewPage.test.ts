/**
 * The review page in a real browser (Debian's chromium, driven by playwright-core): `extract --review` on
 * the grid sample, then a click on a failed check must outline, on the page image, the place where the
 * PDF prints the figure the check is about — measured with pdf.js getTextContent, not taken from the
 * JSON — and the page must make no request beyond file: and data:.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../batch/support/build.js';
import { haveChromium, launchChromium, type Browser } from './browser.js';
import { printedText, type PdfBox } from './textPosition.js';

const SAMPLE = path.join(ROOT, 'samples/atushi-2024-grid.pdf');
const SCREENSHOT = path.join(ROOT, 'output/review-screenshot.png');
const MINUTES = 60_000;

let work: string;
let reviewUrl: string;
let browser: Browser;

type Rect = { x: number; y: number; width: number; height: number };

/** Share of `a`'s area that `b` covers. */
function covered(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? (w * h) / (a.width * a.height) : 0;
}

/** A box in PDF points on page `n` as where it shows on the screen, through the page image's own size. */
async function onScreen(page: Page, n: number, box: PdfBox, pageWidth: number, pageHeight: number): Promise<Rect> {
  const img = (await page.locator(`#page-${n} .sheet img`).boundingBox())!;
  const sx = img.width / pageWidth, sy = img.height / pageHeight;
  return { x: img.x + box[0] * sx, y: img.y + box[1] * sy, width: (box[2] - box[0]) * sx, height: (box[3] - box[1]) * sy };
}

/** The outlines drawn for the chosen check on page `n`: visible, inside the window. */
async function outlines(page: Page, n: number): Promise<Rect[]> {
  const rects = page.locator(`#page-${n} .focus rect`);
  const count = await rects.count();
  const out: Rect[] = [];
  for (let i = 0; i < count; i++) {
    expect(await rects.nth(i).isVisible()).toBe(true);
    out.push((await rects.nth(i).boundingBox())!);
  }
  return out;
}

/** Click the failed check of `rule` and return the printed text's on-screen box with the outlines drawn. */
async function clickAndMeasure(page: Page, rule: string, pageNumber: number, needle: string) {
  await page.locator(`#failed .check[data-rule="${rule}"]`).first().click();
  const printed = await printedText(new Uint8Array(await fs.readFile(SAMPLE)), pageNumber, needle);
  expect(printed.boxes.length, `"${needle}" printed on page ${pageNumber}`).toBeGreaterThan(0);
  const text = await onScreen(page, pageNumber, printed.boxes[0]!, printed.width, printed.height);
  const drawn = await outlines(page, pageNumber);
  const viewport = page.viewportSize()!;
  return { text, drawn, viewport };
}

describe.skipIf(!haveChromium)('review page in Chromium', () => {
  beforeAll(async () => {
    await ensureBuilt();
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'bt-review-'));
    await promisify(execFile)(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'extract', SAMPLE, '--out', work, '--quiet', '--no-ocr', '--debug', '--review'], { cwd: ROOT });
    reviewUrl = pathToFileURL(path.join(work, 'atushi-2024-grid.review.html')).href;
    browser = await launchChromium();
  }, 10 * MINUTES);

  afterAll(async () => {
    await browser?.close();
    if (work) await fs.rm(work, { recursive: true, force: true });
  });

  it('a failed check, clicked, is outlined where the PDF prints it, with printed against expected', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', e => errors.push(e.message));
    await page.goto(reviewUrl);
    expect(await page.locator('#failed .check').count()).toBeGreaterThan(0);

    // 表4 names code 234 otherwise than 表1 and the registry: its name cell on page 12.
    const named = await clickAndMeasure(page, 'code_name', 12, '抗疫特别国债还本支出');
    expect(named.drawn.length).toBeGreaterThan(0);
    for (const r of named.drawn) expect(r.y >= 0 && r.y + r.height <= named.viewport.height, 'outline inside the window').toBe(true);
    expect(Math.max(...named.drawn.map(r => covered(named.text, r)))).toBeGreaterThan(0.5);
    expect(await page.locator('.grid td[class*="focus-"]').filter({ hasText: '抗疫特别国债还本支出' }).count()).toBeGreaterThan(0);
    expect(await page.locator('#detail').textContent()).toContain('234');
    await fs.mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    // The prose on page 21 says 2.77 % where its own figures give 2.78 %.
    const share = await clickAndMeasure(page, 'prose_share', 21, '2.77%');
    expect(await page.locator('#detail .printed').textContent()).toBe('2.77');
    expect(await page.locator('#detail .expected').textContent()).toBe('2.78');
    expect(Math.max(...share.drawn.map(r => covered(share.text, r)))).toBeGreaterThan(0.5);

    // The 整体 form on page 33 prints weights adding up to 90, not 100: its weight cells are outlined.
    await page.locator('#failed .check[data-rule="form_weights"]').first().click();
    const weights = await printedText(new Uint8Array(await fs.readFile(SAMPLE)), 33, '18');
    const drawn = await outlines(page, 33);
    expect(drawn.length).toBeGreaterThan(0);
    const onPage = await Promise.all(weights.boxes.map(b => onScreen(page, 33, b, weights.width, weights.height)));
    expect(onPage.filter(t => drawn.some(r => covered(t, r) > 0.5)).length).toBeGreaterThanOrEqual(5);
    expect(await page.locator('.grid td.focus-part').filter({ hasText: '18' }).count()).toBe(5);

    // j / k walk the failed checks in list order; the rule filter leaves the rule's checks only.
    const items = page.locator('#failed .check');
    await items.first().click();
    await page.keyboard.press('j');
    expect(await items.nth(1).getAttribute('class')).toMatch(/\bcurrent\b/);
    await page.keyboard.press('k');
    expect(await items.first().getAttribute('class')).toMatch(/\bcurrent\b/);
    await page.locator('#rule-filter').selectOption('prose_share');
    expect(await page.locator('#failed .check:not(.hidden)').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 10 * MINUTES);

  it('loads nothing but itself: every request is file: or data:', async () => {
    const page = await browser.context.newPage();
    const requests: string[] = [];
    page.on('request', r => requests.push(r.url()));
    await page.goto(reviewUrl);
    const checks = page.locator('#failed .check');
    for (let i = 0; i < await checks.count(); i++) await checks.nth(i).click();
    const debug = page.locator('#debug-toggle');
    if (await debug.count()) await debug.check();
    await page.locator('details.status summary').first().click();
    await page.mouse.wheel(0, 20_000);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter(u => !/^(file|data):/.test(u))).toEqual([]);
    await page.close();
  }, 10 * MINUTES);
});
