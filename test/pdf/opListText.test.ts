import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  beginText, concatTransformationMatrix, endText, moveText, nextLine, PDFDocument, PDFOperator, PDFOperatorNames,
  popGraphicsState, pushGraphicsState, setCharacterSpacing, setCharacterSqueeze, setFontAndSize, setLineHeight, setTextMatrix,
  setTextRise, setWordSpacing, showText, StandardFonts, type PDFFont,
} from 'pdf-lib';
import { openDocument, pdfjs, type PdfPage } from '../../src/pdf/openDocument.js';
import { textItemsFromOperatorList } from '../../src/pdf/opListText.js';
import { readPage } from '../../src/pdf/readPages.js';
import { loadedFontOf } from '../../src/pdf/textRuns.js';

const root = path.join(import.meta.dirname, '..', '..');
const FIELDS = ['str', 'transform', 'width', 'height', 'fontName'] as const;
const pick = (items: readonly object[]) => items.filter(i => 'str' in i)
  .map(i => Object.fromEntries(FIELDS.map(f => [f, (i as Record<string, unknown>)[f]])));

async function bothReadings(page: PdfPage) {
  const ops = await page.getOperatorList();
  const fromOps = textItemsFromOperatorList(ops, loadedFontOf(page), page.view);
  const content = await page.getTextContent({ disableNormalization: true });
  return { fromOps, content: pick(content.items) };
}

async function open(file: string) {
  return openDocument(new Uint8Array(readFileSync(path.join(root, file))), { textOnly: true });
}

describe('text items from the operator list', () => {
  // producers: a provincial office's tables and text (four-decimal text matrices), a district's office
  // suite, a municipal bureau's budget
  const pages: [string, number[]][] = [
    ['samples/real/jiangsu-provincial-cppcc-office-2018-dept-budget-tables.pdf', [1, 3]],
    ['samples/real/jiangsu-provincial-party-committee-office-2019-dept-budget-text.pdf', [2]],
    ['samples/real/shanghai-putuo-finance-bureau-2025-dept-budget.pdf', [3, 6]],
    ['samples/wild/chongqing-water-resources-2026-dept-budget.pdf', [1, 4]],
    // text matrices written with eight digits (no 32-bit float tells them apart from a short decimal)
    ['samples/atushi-2024-merged-code.pdf', [1]],
    ['samples/real/shanghai-putuo-finance-bureau-2024-dept-final.pdf', [1, 2]],
  ];
  for (const [file, numbers] of pages) {
    it(`are getTextContent's on ${path.basename(file)}`, async () => {
      const doc = await open(file);
      try {
        for (const n of numbers) {
          const { fromOps, content } = await bothReadings(await doc.getPage(n));
          expect('items' in fromOps ? 'read' : fromOps.refused).toBe('read');
          if (!('items' in fromOps)) continue;
          expect(content.length).toBeGreaterThan(3);
          expect(pick(fromOps.items)).toEqual(content);
        }
      } finally {
        await doc.destroy();
      }
    });
  }

  /** A page exercising spacing: Tc, Tw, TJ adjustments (kerning, word gaps, a gap wide enough to split), Tz, Ts, q/Q. */
  async function spacedPage(matrixE: number): Promise<Uint8Array> {
    const pdf = await PDFDocument.create();
    const font: PDFFont = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([400, 400]);
    // (the font is not put in the page's resources: pdf.js reads the text with its fallback font, as it
    // does for the clip tests)
    const key = font.name;
    const tj = (...parts: (string | number)[]) => PDFOperator.of(PDFOperatorNames.ShowTextAdjusted,
      [pdf.context.obj(parts.map(p => typeof p === 'string' ? font.encodeText(p) : p))]);
    page.pushOperators(
      beginText(), setFontAndSize(key, 10), setTextMatrix(1, 0, 0, 1, matrixE, 350),
      showText(font.encodeText('Total 1,234.50')),
      setCharacterSpacing(0.5), setWordSpacing(2), showText(font.encodeText(' spaced out')),
      setCharacterSpacing(0), setWordSpacing(0),
      setTextMatrix(1, 0, 0, 1, 40, 320), tj('Ke', -20, 'rned', -250, 'word', -3000, 'far away', 120, 'back'),
      setCharacterSqueeze(80), setTextMatrix(1, 0, 0, 1, 40, 290), showText(font.encodeText('narrow 88')),
      setCharacterSqueeze(100), setTextRise(3), showText(font.encodeText('2')), setTextRise(0), endText(),
      pushGraphicsState(), concatTransformationMatrix(0, 1, -1, 0, 300, 50),
      beginText(), setFontAndSize(key, 9), setLineHeight(11), moveText(10, 10), showText(font.encodeText('turned 3,000')),
      nextLine(), showText(font.encodeText('next line')), endText(), popGraphicsState(),
    );
    return pdf.save();
  }

  it("are getTextContent's with spacing, scaling, rise, turned text and TJ gaps", async () => {
    const doc = await openDocument(await spacedPage(40.5), { textOnly: true });
    try {
      const { fromOps, content } = await bothReadings(await doc.getPage(1));
      expect('items' in fromOps).toBe(true);
      if ('items' in fromOps) expect(pick(fromOps.items)).toEqual(content);
      expect(content.map(i => i.str).join('|')).toContain('far away');
    } finally {
      await doc.destroy();
    }
  });

  it('are getTextContent\'s with a text matrix written with more digits than a 32-bit float keeps', async () => {
    const doc = await openDocument(await spacedPage(40.123456789), { textOnly: true });
    try {
      const { fromOps, content } = await bothReadings(await doc.getPage(1));
      expect('items' in fromOps).toBe(true);
      if ('items' in fromOps) expect(pick(fromOps.items)).toEqual(content);
      // the first line starts where the content stream put it, not at the 32-bit float's value
      const runs = (await readPage(doc, 1)).runs;
      expect(runs.find(r => r.text.startsWith('Total'))?.x0).toBeCloseTo(40.123456789, 9);
    } finally {
      await doc.destroy();
    }
  });

  describe('a page the port refuses', () => {
    afterEach(() => { delete process.env.BUDGET_TABLES_TEXT_FROM; });
    it('is read with getTextContent: text and form matrices without the numbers as parsed (pdf.js unpatched)', async () => {
      const doc = await open('samples/atushi-2024-merged-code.pdf');
      try {
        const page = await doc.getPage(1);
        const ops = await page.getOperatorList();
        const { OPS } = pdfjs;
        const bare = { ...ops, argsArray: ops.argsArray.map((args, i) => ops.fnArray[i] === OPS.setTextMatrix ? [args[0]] : args) };
        expect(textItemsFromOperatorList(bare, loadedFontOf(page), page.view)).toEqual({ refused: expect.stringMatching(/as parsed/) });
        // (and the page as the pipeline reads it is the same either way)
        const viaOps = await readPage(doc, 1);
        process.env.BUDGET_TABLES_TEXT_FROM = 'content';
        expect(viaOps.runs.length).toBeGreaterThan(3);
        expect(viaOps.runs).toEqual((await readPage(doc, 1)).runs);
      } finally {
        await doc.destroy();
      }
    });
  });
});
