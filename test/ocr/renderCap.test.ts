/** OCR renders a page within a pixel budget, however large the page: a 9000 × 9000 scan is not rendered at 200 dpi. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { rgbaToGray } from '../../src/ocr/image.js';
import { canvasGray, DEFAULT_RESOLUTION_SETTINGS, MAX_RENDER_PIXELS, glyphHeightsPx, printHeightPx, pxPerPtForPrint, renderPageGray, renderScale } from '../../src/ocr/render.js';
import { openDocument } from '../../src/pdf/openDocument.js';
import { hugePagePdf } from '../../bench/hugePagePdf.mjs';

describe('render size', () => {
  it('keeps the requested resolution for ordinary pages and lowers it for huge ones', () => {
    expect(renderScale(595, 842, 200)).toBeCloseTo(200 / 72); // A4: 3.9 MP at 200 dpi
    const s = renderScale(9000, 9000, 200);
    expect(9000 * s * 9000 * s).toBeCloseTo(MAX_RENDER_PIXELS, -3);
    expect(renderScale(0, 0, 200)).toBeCloseTo(200 / 72);
  });

  it('renders a page holding a 9000 × 9000-pixel image within the budget', async () => {
    const doc = await openDocument(hugePagePdf(9000));
    try {
      const page = await doc.getPage(1);
      const r = await renderPageGray(page, 200);
      expect(r.image.width * r.image.height).toBeLessThanOrEqual(MAX_RENDER_PIXELS * 1.001);
      expect(r.pxPerPt).toBeLessThan(0.5); // 200 dpi would be 2.78 px per point: 625 megapixels
      expect(r.widthPt).toBe(9000);
      // the grid drawn in the image is there at the reduced scale: a dark line across the top rows
      const row = Array.from({ length: r.image.width }, (_, x) => r.image.data[x]!);
      expect(row.filter(v => v < 128).length).toBeGreaterThan(r.image.width * 0.9);
    } finally {
      await doc.destroy();
    }
  }, 300_000);

  it('measures the print as the height of its glyph-like ink, leaving out specks and lines', () => {
    // 60 "glyphs" 9 px tall, 30 specks 2 px, and one long underline 3 px tall.
    const width = 1200, height = 400, data = new Uint8Array(width * height);
    const box = (x: number, y: number, w: number, h: number): void => { for (let j = y; j < y + h; j++) data.fill(1, j * width + x, j * width + x + w); };
    for (let i = 0; i < 60; i++) box(10 + (i % 30) * 38, 40 + Math.floor(i / 30) * 100, 8, 9);
    for (let i = 0; i < 30; i++) box(10 + i * 38, 300, 2, 2);
    box(10, 350, 1100, 3);
    const glyphs = glyphHeightsPx({ width, height, data });
    expect(glyphs).toHaveLength(60);
    expect(printHeightPx(glyphs)).toBe(9);
    expect(printHeightPx(glyphs.slice(0, 19))).toBeNull(); // too few to say
    // specks and a line only: nothing glyph-like, nothing to read
    const bare = new Uint8Array(data);
    for (let i = 0; i < 60; i++) for (let j = 0; j < 9; j++) bare.fill(0, (40 + Math.floor(i / 30) * 100 + j) * width + 10 + (i % 30) * 38, (40 + Math.floor(i / 30) * 100 + j) * width + 18 + (i % 30) * 38);
    expect(glyphHeightsPx({ width, height, data: bare })).toEqual([]);
  });

  it('renders small print finer, up to maxDpi and the pixel limit, and ordinary print as asked', () => {
    const at200 = 200 / 72, s = DEFAULT_RESOLUTION_SETTINGS;
    expect(pxPerPtForPrint(25, at200, 595, 842)).toBe(at200);
    expect(pxPerPtForPrint(null, at200, 595, 842)).toBe(at200);
    expect(pxPerPtForPrint(10, at200, 595, 842)).toBeCloseTo(at200 * (s.targetGlyphPx / 10));
    expect(pxPerPtForPrint(4, at200, 595, 842)).toBeCloseTo(s.maxDpi / 72);
    // A1 is rendered below 200 dpi already (the pixel limit): small print there gets no more pixels.
    expect(pxPerPtForPrint(8, renderScale(1684, 2384, 200), 1684, 2384)).toBeCloseTo(renderScale(1684, 2384, 200));
    // A2 at 200 dpi is just under the limit: small print gets only what is left up to it.
    const a2 = pxPerPtForPrint(8, at200, 1191, 1684);
    expect(a2).toBeGreaterThan(at200);
    expect(1191 * 1684 * a2 * a2).toBeCloseTo(MAX_RENDER_PIXELS, -3);
  });
});

describe('reading the drawn pixels', () => {
  const viaCopy = (c: Canvas) => rgbaToGray(c.getContext('2d').getImageData(0, 0, c.width, c.height).data, c.width, c.height).data;

  it('reads an opaque canvas in place as getImageData would', () => {
    const c = createCanvas(37, 23), ctx = c.getContext('2d');
    ctx.fillStyle = 'white'; ctx.fillRect(0, 0, 37, 23);
    ctx.fillStyle = 'rgb(200,100,30)'; ctx.fillRect(3, 2, 10, 9);
    ctx.fillStyle = 'rgba(10,20,250,0.5)'; ctx.fillRect(8, 6, 20, 12);
    expect(Array.from(canvasGray(c, 37, 23).data)).toEqual(Array.from(viaCopy(c)));
  });

  it('reads a canvas with transparent pixels through getImageData (its own pixels are premultiplied)', () => {
    const c = createCanvas(16, 8), ctx = c.getContext('2d');
    ctx.fillStyle = 'rgba(200,100,30,0.5)'; ctx.fillRect(0, 0, 8, 8);
    const inPlace = rgbaToGray(c.data(), 16, 8).data;
    expect(Array.from(inPlace)).not.toEqual(Array.from(viaCopy(c)));
    expect(Array.from(canvasGray(c, 16, 8).data)).toEqual(Array.from(viaCopy(c)));
  });

  it('renders a scanned page to the grey getImageData gives', async () => {
    const doc = await openDocument(new Uint8Array(readFileSync('samples/atushi-2024-scan.pdf')));
    try {
      const page = await doc.getPage(1);
      const r = await renderPageGray(page, 100);
      const viewport = page.getViewport({ scale: r.pxPerPt });
      const c = createCanvas(r.image.width, r.image.height);
      await page.render({ canvas: c as unknown as HTMLCanvasElement, viewport, background: 'white' }).promise;
      expect(Buffer.compare(Buffer.from(r.image.data), Buffer.from(viaCopy(c)))).toBe(0);
    } finally {
      await doc.destroy();
    }
  }, 300_000);
});
