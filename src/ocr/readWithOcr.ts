import type { PageContent } from '../model/page.js';
import type { Warning } from '../model/document.js';
import type { OcrPool } from './index.js';
import { closeDrawableCopy, drawablePage, whileParserAlive, type PdfDocument } from '../pdf/openDocument.js';
import { readPages } from '../pdf/readPages.js';

export interface PageSourceOptions {
  /** OCR for pages without usable text; null turns OCR off. */
  ocr: OcrPool | null;
  /** How many pages may be waiting for OCR at once (each holds a page image while it is read). */
  maxOcrPagesInFlight: number;
  /** How many pages may be read past the first page still waiting for OCR (text pages are small). */
  maxPagesAhead: number;
  /** Told of each page that could not be read, or that OCR could not read (besides the warning). */
  onPageProblem?: (kind: 'unreadable' | 'damaged' | 'ocr_failed', page: number, message: string) => void;
}

/**
 * Text pages read after the last page drawn for OCR before the document's drawable copy (its own copy
 * of the bytes, and the fonts and images drawing parsed) is closed; a later page to draw opens it again.
 */
export const DRAWABLE_IDLE_PAGES = 20;

/** A page on its way out, with what was noted about it; notes are passed on when the page is, in page order. */
interface Pending {
  content: Promise<PageContent> | null; // null: a page that could not be read
  ocr: boolean;
  /** Its content is there (a text page, or OCR done): it can be passed on without waiting. */
  ready: boolean;
  notes: (() => void)[];
}

/**
 * Pages in order, each with its text from the PDF or, where the text layer is missing or garbage, from
 * OCR. OCR of a page runs while the following pages are read; pages come out in page order, and what
 * was noted about a page (warnings, problems) is passed on with it, so their order does not depend on
 * when OCR finished.
 */
export async function* pagesWithText(doc: PdfDocument, opts: PageSourceOptions, warn: (w: Warning) => void): AsyncGenerator<PageContent> {
  const queue: Pending[] = [];
  const problem = opts.onPageProblem ?? (() => undefined);
  let ocrInFlight = 0;
  // pages being drawn or read by OCR (until OCR is done with the page), and the last page sent to OCR
  let drawing = 0, lastOcrPage = 0, copyOpen = false;
  const onReadError = (e: { page: number; message: string }): void => {
    queue.push({ content: null, ocr: false, ready: true, notes: [() => { warn({ page: e.page, code: 'page_unreadable', message: e.message }); problem('unreadable', e.page, e.message); }] });
  };
  // pdf.js reports damage while the page is read, before it is queued: held until then
  let damage: (() => void)[] = [];
  const onDamage = (page: number, warnings: string[]): void => { damage.push(() => problem('damaged', page, [...new Set(warnings)].slice(0, 3).join('; '))); };
  const next = async (): Promise<PageContent | null> => {
    const head = queue.shift()!;
    const content = head.content && await head.content;
    if (head.ocr) ocrInFlight--;
    for (const note of head.notes) note();
    return content;
  };
  for await (const page of readPages(doc, onReadError, onDamage)) {
    const ocr = page.textSource === 'none' && opts.ocr !== null;
    const item: Pending = { content: null, ocr, ready: !ocr, notes: damage };
    damage = [];
    const noted = (w: Warning): void => { item.notes.push(() => warn(w)); };
    const failed = (w: Warning): void => { item.notes.push(() => { warn(w); problem('ocr_failed', w.page!, w.message); }); };
    if (ocr) { drawing++; lastOcrPage = page.number; copyOpen ||= !page.pathsOnly; }
    else if (copyOpen && drawing === 0 && page.number - lastOcrPage >= DRAWABLE_IDLE_PAGES) { copyOpen = false; await closeDrawableCopy(doc); }
    item.content = ocr ? ocrPage(doc, page, opts.ocr!, noted, failed).finally(() => { drawing--; item.ready = true; }) : Promise.resolve(page);
    if (item.ocr) ocrInFlight++;
    queue.push(item);
    // pass on what is ready; wait for OCR only when too many pages are held
    while (queue.length && (queue[0]!.ready || queue.length > opts.maxPagesAhead || ocrInFlight > opts.maxOcrPagesInFlight)) {
      const content = await next();
      if (content) yield content;
    }
  }
  for (const note of damage) note();
  while (queue.length) {
    const content = await next();
    if (content) yield content;
  }
}

/** `warn` takes what OCR noted on a page it read; `failed` the page it could not read (an ocr_failed problem). */
async function ocrPage(doc: PdfDocument, content: PageContent, pool: OcrPool, warn: (w: Warning) => void, failed: (w: Warning) => void): Promise<PageContent> {
  const page = await drawablePage(doc, content.number, content.pathsOnly);
  try {
    const r = await whileParserAlive(doc, pool.recognizePage(page, content.number));
    for (const e of r.corrections ?? []) {
      warn({ page: content.number, code: 'ocr_phrase_corrected', message: `page ${content.number}: OCR read "${e.from}", corrected to the standard phrase "${e.to}"` });
    }
    // OCR reads the page as displayed: its runs and rules are in that orientation whatever way a
    // garbled text layer suggested turning it.
    const shown = page.getViewport({ scale: 1 });
    return { ...content, width: shown.width, height: shown.height, displayed: undefined, runs: r.runs, rules: r.rules, textSource: 'ocr', textNote: `${content.textNote ?? 'no usable text'}; ${r.blank ? 'nothing but rules drawn, no text to read' : 'read by OCR'}` };
  } catch (err) {
    failed({ page: content.number, code: 'ocr_failed', message: `page ${content.number}: ${err instanceof Error ? err.message : String(err)}` });
    return content;
  } finally {
    page.cleanup();
  }
}
