import { describe, expect, it } from 'vitest';
import {
  beginText, clip, clipEvenOdd, concatTransformationMatrix, endPath, endText, moveText, PDFDocument, popGraphicsState,
  pushGraphicsState, rectangle, setFontAndSize, showText, StandardFonts, type PDFFont, type PDFOperator,
} from 'pdf-lib';
import { openDocument, pdfjs } from '../../src/pdf/openDocument.js';
import { readPage } from '../../src/pdf/readPages.js';
import { glyphRuns } from '../../src/pdf/textClip.js';

const text = (font: PDFFont, s: string, x: number, y: number, size = 10): PDFOperator[] =>
  [beginText(), setFontAndSize(font.name, size), moveText(x, y), showText(font.encodeText(s)), endText()];

/** One page of figures, some drawn inside a clip rectangle, some outside it (cut away in print). */
async function clippedPage(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([400, 400]);
  page.pushOperators(
    ...text(font, '1,111.11', 50, 350),
    // a cell: its rectangle clips; the line that overflows above the cell is not printed
    pushGraphicsState(), rectangle(40, 40, 200, 100), clip(), endPath(),
    ...text(font, '2,222.22', 50, 100),
    ...text(font, '3,333.33', 50, 250),
    // text straddling the cell's bottom edge, mostly inside: printed (its lower part is cut)
    ...text(font, '4,444.44', 120, 42),
    // a nested clip (even-odd) under a moved origin narrows the cell further
    pushGraphicsState(), concatTransformationMatrix(1, 0, 0, 1, 40, 40), rectangle(0, 0, 100, 100), clipEvenOdd(), endPath(),
    ...text(font, '5,555.55', 50, 60),
    ...text(font, '6,666.66', 180, 60),
    popGraphicsState(),
    popGraphicsState(),
    // the clip is restored: the whole page shows again
    ...text(font, '7,777.77', 50, 300),
  );
  return pdf.save();
}

/** Two cells one above the other: the upper cell's last line runs on below it, almost on the lower cell's first line. */
async function stackedCells(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([400, 400]);
  page.pushOperators(
    pushGraphicsState(), rectangle(40, 200, 200, 100), clip(), endPath(),
    ...text(font, '1,000.00', 50, 190.7),
    popGraphicsState(),
    pushGraphicsState(), rectangle(40, 100, 200, 100), clip(), endPath(),
    ...text(font, '2,000.00', 50, 190),
    popGraphicsState(),
  );
  return pdf.save();
}

describe('text outside the clipping path', () => {
  it('is told apart from a shown line that starts within a point of it', async () => {
    const doc = await openDocument(await stackedCells());
    try {
      expect((await readPage(doc, 1)).runs.map((r) => r.text)).toEqual(['2,000.00']);
    } finally {
      await doc.destroy();
    }
  });
  it('is dropped; text inside, straddling the edge or after the clip is restored is kept', async () => {
    const doc = await openDocument(await clippedPage());
    try {
      const page = await readPage(doc, 1);
      expect(page.runs.map((r) => r.text).sort()).toEqual(['1,111.11', '2,222.22', '4,444.44', '5,555.55', '7,777.77']);
    } finally {
      await doc.destroy();
    }
  });
});

describe('glyph runs from the operator list', () => {
  const { OPS } = pdfjs;
  it('follow the pen through glyph widths, spacing and TJ adjustments, under the clip of their time', () => {
    const glyph = (width: number, isSpace = false) => ({ width, isSpace });
    const runs = glyphRuns({
      fnArray: [OPS.save, OPS.clip, OPS.constructPath, OPS.beginText, OPS.setFont, OPS.setCharSpacing, OPS.setTextMatrix,
        OPS.showText, OPS.showText, OPS.endText, OPS.restore, OPS.beginText, OPS.setFont, OPS.moveText, OPS.showText, OPS.endText],
      argsArray: [null, null, [OPS.endPath, [null], new Float32Array([0, 0, 50, 50])], null, ['f', 10], [1],
        [new Float32Array([2, 0, 0, 2, 100, 200])], [[glyph(500), glyph(500), -1000, glyph(250, true)]], [[glyph(1000)]], null, null,
        null, ['f', 10], [10, 20], [[glyph(500)]], null],
    });
    // advance (text space): 5 + 1 + 5 + 1 + 10 + 2.5 + 1 = 25.5, doubled by the text matrix
    expect(runs[0]).toMatchObject({ start: [100, 200], end: [151, 200], clip: [0, 0, 50, 50] });
    expect(runs[1]).toMatchObject({ start: [151, 200], end: [173, 200], clip: [0, 0, 50, 50] });
    // after the restore: no clip; a new text object starts from the identity
    expect(runs[2]).toMatchObject({ start: [10, 20], end: [15, 20], clip: null });
  });
});
