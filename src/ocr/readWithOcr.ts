import type { PageContent } from '../model/page.js';
import type { Warning } from '../model/document.js';
import type { OcrPool } from './index.js';
import { drawablePage, whileParserAlive, type PdfDocument } from '../pdf/openDocument.js';
import { readPages } from '../pdf/readPages.js';

export interface PageSourceOptions {
  /** OCR for pages without usable text; null turns OCR off. */
  ocr: OcrPool | null;
  /** How many pages may wait for OCR while later pages are read (bounds memory). */
  maxPagesInFlight: number;
  /** Told of each page that could not be read, or that OCR could not read (besides the warning). */
  onPageProblem?: (kind: 'unreadable' | 'damaged' | 'ocr_failed', page: number, message: string) => void;
}

/**
 * Pages in order, each with its text from the PDF or, where the text layer is missing or garbage, from
 * OCR. OCR of a page runs while the following pages are read; pages come out in page order.
 */
export async function* pagesWithText(doc: PdfDocument, opts: PageSourceOptions, warn: (w: Warning) => void): AsyncGenerator<PageContent> {
  const pending: Promise<PageContent>[] = [];
  const problem = opts.onPageProblem ?? (() => undefined);
  const onReadError = (e: { page: number; message: string }): void => { warn({ page: e.page, code: 'page_unreadable', message: e.message }); problem('unreadable', e.page, e.message); };
  const onOcrError = (w: Warning): void => { warn(w); problem('ocr_failed', w.page!, w.message); };
  const onDamage = (page: number, warnings: string[]): void => problem('damaged', page, [...new Set(warnings)].slice(0, 3).join('; '));
  for await (const page of readPages(doc, onReadError, onDamage)) {
    pending.push(page.textSource === 'none' && opts.ocr ? ocrPage(doc, page, opts.ocr, warn, onOcrError) : Promise.resolve(page));
    while (pending.length > opts.maxPagesInFlight) yield await pending.shift()!;
  }
  while (pending.length) yield await pending.shift()!;
}

/** `warn` takes what OCR noted on a page it read; `failed` the page it could not read (an ocr_failed problem). */
async function ocrPage(doc: PdfDocument, content: PageContent, pool: OcrPool, warn: (w: Warning) => void, failed: (w: Warning) => void): Promise<PageContent> {
  const page = await drawablePage(doc, content.number);
  try {
    const r = await whileParserAlive(doc, pool.recognizePage(page, content.number));
    for (const e of r.corrections ?? []) {
      warn({ page: content.number, code: 'ocr_phrase_corrected', message: `page ${content.number}: OCR read "${e.from}", corrected to the standard phrase "${e.to}"` });
    }
    // OCR reads the page as displayed: its runs and rules are in that orientation whatever way a
    // garbled text layer suggested turning it.
    const shown = page.getViewport({ scale: 1 });
    return { ...content, width: shown.width, height: shown.height, displayed: undefined, runs: r.runs, rules: r.rules, textSource: 'ocr', textNote: `${content.textNote ?? 'no usable text'}; read by OCR` };
  } catch (err) {
    failed({ page: content.number, code: 'ocr_failed', message: `page ${content.number}: ${err instanceof Error ? err.message : String(err)}` });
    return content;
  } finally {
    page.cleanup();
  }
}
