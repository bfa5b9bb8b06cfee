/**
 * Where the PDF itself prints a text, read with pdf.js getTextContent: the independent measure a box on
 * the review page is held against (never the JSON's boxes).
 */
import { openDocument, pdfjs } from '../../src/pdf/openDocument.js';

/** [x0, top, x1, bottom] in points of the page's viewport at scale 1, top-left origin. */
export type PdfBox = [number, number, number, number];

export interface PrintedText { boxes: PdfBox[]; width: number; height: number }

/** Boxes of the text items on page `page` whose text contains `needle` (spaces ignored). */
export async function printedText(data: Uint8Array, page: number, needle: string): Promise<PrintedText> {
  const doc = await openDocument(data.slice());
  try {
    const p = await doc.getPage(page);
    const viewport = p.getViewport({ scale: 1 });
    const content = await p.getTextContent();
    const boxes: PdfBox[] = [];
    for (const item of content.items) {
      if (!('str' in item) || !item.str.replace(/\s/g, '').includes(needle)) continue;
      const m = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
      const size = Math.hypot(m[2]!, m[3]!);
      const x = m[4]!, baseline = m[5]!;
      boxes.push([x, baseline - size, x + item.width * viewport.scale, baseline]);
    }
    return { boxes, width: viewport.width, height: viewport.height };
  } finally {
    await doc.destroy();
  }
}
