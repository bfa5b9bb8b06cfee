import { readFileSync } from 'node:fs';
import { degrees, PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { AMOUNT_PATTERN } from '../../src/model/amounts.js';
import { OutputDocumentSchema, type OutputDocument } from '../../src/model/document.js';
import { extractDocument } from '../../src/pipeline.js';
import { baselines, inBox } from './pdfGlyphs.js';

const sample = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../samples/${name}`, import.meta.url)));

/** Cells printed on a page with exactly this text, with their boxes. */
function cellsWithText(doc: OutputDocument, page: number, text: string): (readonly number[] | null)[] {
  return doc.tables.flatMap(t => t.rows.filter(r => r.page === page).flatMap(r =>
    r.cells.flatMap((c, i) => (c === text ? [r.boxes?.[i] ?? null] : []))));
}

/**
 * Every figure pdf.js prints on the page that the pipeline put in a cell of the same text: some such
 * cell's box holds the figure's baseline, both ends. Returns how many figures were compared.
 */
async function expectFiguresBoxed(data: Uint8Array, doc: OutputDocument, page: number): Promise<number> {
  const { items } = await baselines(data, page);
  let compared = 0;
  for (const item of items.filter(i => AMOUNT_PATTERN.test(i.text))) {
    const boxes = cellsWithText(doc, page, item.text);
    if (!boxes.length) continue;
    compared++;
    expect(boxes.some(b => b && inBox(item.start, b) && inBox(item.end, b)), `${item.text} on page ${page} at ${item.start}`).toBe(true);
  }
  return compared;
}

describe('cell boxes come from where the glyphs are printed', () => {
  let grid: OutputDocument, landscape: OutputDocument;
  const gridPdf = sample('atushi-2024-grid.pdf'), landscapePdf = sample('atushi-2024-landscape.pdf');
  beforeAll(async () => {
    // The pipeline takes over the bytes it is given (pdf.js transfers them): it gets copies.
    grid = (await extractDocument(gridPdf.slice(), 'atushi-2024-grid.pdf', { ocr: null })).document;
    landscape = (await extractDocument(landscapePdf.slice(), 'atushi-2024-landscape.pdf', { ocr: null })).document;
  }, 600_000);

  it('writes schema version 2 with page sizes, regions and a box for every filled cell', () => {
    expect(OutputDocumentSchema.parse(grid).schema_version).toBe(2);
    expect(grid.pages.every(p => p.width! > 500 && p.height! > 800)).toBe(true);
    for (const t of grid.tables) {
      expect(t.regions?.map(r => r.page)).toEqual(t.pages.filter(p => t.rows.some(r => r.page === p) || t.regions!.some(g => g.page === p)));
      for (const r of t.rows) {
        expect(r.boxes).toHaveLength(r.cells.length);
        r.cells.forEach((c, i) => expect(r.boxes![i] === null).toBe(c.trim() === ''));
        // Every cell lies inside its table's region on that page.
        const region = t.regions!.find(g => g.page === r.page)!.bbox;
        for (const b of r.boxes!) if (b) expect(inBox([b[0], b[1]], region, 2) && inBox([b[2], b[3]], region, 2)).toBe(true);
      }
    }
  });

  it('holds the glyphs of known figures (表3 行政运行 809.21 on page 10) and of every figure on the page', async () => {
    const [box] = cellsWithText(grid, 10, '809.21');
    const { items } = await baselines(gridPdf, 10);
    const printed = items.find(i => i.text === '809.21')!;
    expect(inBox(printed.start, box!) && inBox(printed.end, box!)).toBe(true);
    // A tight box: a figure's cell box is no wider than the figure and about one line high.
    expect(box![2] - box![0]).toBeLessThan(printed.end[0] - printed.start[0] + 4);
    expect(box![3] - box![1]).toBeLessThan(20);
    expect(await expectFiguresBoxed(gridPdf, grid, 10)).toBeGreaterThan(30);
  });

  it('on the landscape sample, in its landscape page space', async () => {
    expect(landscape.pages.every(p => p.width! > p.height!)).toBe(true);
    expect(await expectFiguresBoxed(landscapePdf, landscape, 10)).toBeGreaterThan(30);
  });

  it('on a page with /Rotate 90 and on a page whose table is printed sideways, in the displayed orientation', async () => {
    const src = await PDFDocument.load(gridPdf);
    const out = await PDFDocument.create();
    const [rotated] = await out.copyPages(src, [9]);
    rotated.setRotation(degrees(90));
    out.addPage(rotated);
    // The same page drawn a quarter turn round on a landscape sheet: its text runs upwards.
    const [embedded] = await out.embedPages([src.getPage(9)]);
    const sheet = out.addPage([embedded.height, embedded.width]);
    sheet.drawPage(embedded, { x: embedded.height, y: 0, rotate: degrees(90) });
    const data = await out.save();
    const doc = (await extractDocument(data.slice(), 'turned.pdf', { ocr: null })).document;
    for (const page of [1, 2]) {
      const shown = await baselines(data, page);
      const info = doc.pages.find(p => p.number === page)!;
      expect([info.width, info.height]).toEqual([Math.round(shown.width * 10) / 10, Math.round(shown.height * 10) / 10]);
      expect(await expectFiguresBoxed(data, doc, page)).toBeGreaterThan(30);
    }
  });
});
