import type { PageContent } from './model/page.js';
import type { Warning } from './model/document.js';
import type { OcrPool } from './ocr/index.js';
import type { PdfDocument } from './pdf/openDocument.js';
import { readPages } from './pdf/readPages.js';

export interface PageSourceOptions {
  /** OCR for pages without usable text; null turns OCR off. */
  ocr: OcrPool | null;
  /** How many pages may wait for OCR while later pages are read (bounds memory). */
  maxPagesInFlight: number;
}

/**
 * Pages in order, each with its text from the PDF or, where the text layer is missing or garbage, from
 * OCR. OCR of a page runs while the following pages are read; pages come out in page order.
 */
export async function* pagesWithText(doc: PdfDocument, opts: PageSourceOptions, warn: (w: Warning) => void): AsyncGenerator<PageContent> {
  const pending: Promise<PageContent>[] = [];
  for await (const page of readPages(doc, e => warn({ page: e.page, message: e.message }))) {
    pending.push(page.textSource === 'none' && opts.ocr ? ocrPage(doc, page, opts.ocr, warn) : Promise.resolve(page));
    while (pending.length > opts.maxPagesInFlight) yield await pending.shift()!;
  }
  while (pending.length) yield await pending.shift()!;
}

async function ocrPage(doc: PdfDocument, content: PageContent, pool: OcrPool, warn: (w: Warning) => void): Promise<PageContent> {
  const page = await doc.getPage(content.number);
  try {
    const r = await pool.recognizePage(page, content.number);
    for (const e of r.corrections ?? []) {
      warn({ page: content.number, message: `page ${content.number}: OCR read "${e.from}", corrected to the standard phrase "${e.to}"` });
    }
    return { ...content, runs: r.runs, rules: r.rules, textSource: 'ocr', textNote: `${content.textNote ?? 'no usable text'}; read by OCR` };
  } catch (err) {
    warn({ page: content.number, message: `page ${content.number}: ${err instanceof Error ? err.message : String(err)}` });
    return content;
  } finally {
    page.cleanup();
  }
}
