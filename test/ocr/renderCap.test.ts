/** OCR renders a page within a pixel budget, however large the page: a 9000 × 9000 scan is not rendered at 200 dpi. */
import { describe, expect, it } from 'vitest';
import { MAX_RENDER_PIXELS, renderPageGray, renderScale } from '../../src/ocr/render.js';
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
});
