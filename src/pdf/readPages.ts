import v8 from 'node:v8';
import type { PageContent, TextRun } from '../model/page.js';
import { multiply, type Matrix } from './matrix.js';
import { PdfParserError, readingCopies, warningsOf, whileParserAlive, type PdfDocument, type PdfPage } from './openDocument.js';
import { collectParseWarnings } from './parseWarnings.js';
import { drawsOnlyPaths } from './pathsOnly.js';
import { readRules } from './rules.js';
import { withoutClippedText } from './textClip.js';
import { readPageText, toRuns, uprightShare, type TextItems } from './textRuns.js';
import { judgeTextLayer } from './textQuality.js';

/** A page that could not be read; the rest of the document goes on. */
export class PageReadError extends Error {
  constructor(readonly page: number, cause: unknown) {
    super(`page ${page}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

const FIGURE = /^[-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * A page of running prose has no figures standing alone and no title or unit line: its rules (if any)
 * are never used. Pages without a usable text layer are skipped too; OCR reads rules from the image.
 */
export function mayHoldTable(runs: readonly TextRun[]): boolean {
  let figures = 0;
  for (const r of runs) {
    const t = r.text.trim();
    if (/表/.test(t) || /单位[:：]/.test(t)) return true;
    for (const piece of t.split(/\s+/)) if (FIGURE.test(piece) && ++figures >= 2) return true;
  }
  return false;
}

/** Inverse of an affine matrix (the viewport transforms are never singular). */
function invert(m: Matrix): Matrix {
  const det = m[0] * m[3] - m[1] * m[2];
  return [m[3] / det, -m[1] / det, -m[2] / det, m[0] / det, (m[2] * m[5] - m[3] * m[4]) / det, (m[1] * m[4] - m[0] * m[5]) / det];
}

/** The page as displayed, and how to get there from a viewport it was read in (absent when the same). */
function displayedOf(page: PdfPage, viewport: ReturnType<PdfPage['getViewport']>): PageContent['displayed'] {
  const plain = page.getViewport({ scale: 1 });
  if (viewport.rotation === plain.rotation) return undefined;
  const transform = multiply(invert(viewport.transform as unknown as Matrix), plain.transform as unknown as Matrix);
  return { width: plain.width, height: plain.height, transform: [...transform] };
}

/** The page as printed, or turned by a quarter or half turn when that is how its text reads upright. */
function uprightViewport(page: PdfPage, items: TextItems) {
  const plain = page.getViewport({ scale: 1 });
  if (uprightShare(items, plain.transform as unknown as Matrix) >= 0.5) return plain;
  let best = plain, bestShare = -1;
  for (const turn of [90, 180, 270]) {
    const vp = page.getViewport({ scale: 1, rotation: (page.rotate + turn) % 360 });
    const share = uprightShare(items, vp.transform as unknown as Matrix);
    if (share > bestShare) { best = vp; bestShare = share; }
  }
  return bestShare >= 0.5 ? best : plain;
}

/** Read one page into plain data (text runs and rules in page coordinates, y down). */
export async function readPage(doc: PdfDocument, number: number): Promise<PageContent> {
  const page = await doc.getPage(number);
  try {
    const { items, ops, imagesLeftOut } = await readPageText(page, doc, warningsOf(doc));
    const viewport = uprightViewport(page, items);
    const vt = viewport.transform as unknown as Matrix;
    const runs = toRuns(items, vt);
    const verdict = judgeTextLayer(runs);
    // Rules are read only where the text suggests a table (from the operator list the text was read
    // from, if it was; else pdf.js reads it now).
    const tablePage = verdict.usable && mayHoldTable(runs);
    const rules = tablePage ? await readRules(page, vt) : [];
    // (the same operator list, cached by pdf.js) text drawn outside its clip is not on the printed page
    const shown = tablePage ? await withoutClippedText(page, items, ops) : items;
    return {
      number, width: viewport.width, height: viewport.height, rules,
      runs: verdict.usable ? (shown === items ? runs : toRuns(shown, vt)) : [],
      textSource: verdict.usable ? 'pdf' : 'none',
      textNote: verdict.reason,
      displayed: displayedOf(page, viewport),
      // (only a page OCR will draw needs to know; the operator list is not walked again for the others)
      ...(!verdict.usable && ops && drawsOnlyPaths(ops, imagesLeftOut ?? 0) ? { pathsOnly: true as const } : {}),
    };
  } finally {
    page.cleanup();
  }
}

const CLEANUP_EVERY_PAGES = 100;
/**
 * Sooner when this thread's heap is over this share of its limit: the fonts of a hundred pages of a
 * document made of many (each with its own CJK fonts) can exceed a capped heap (queue workers).
 */
const CLEANUP_HEAP_SHARE = 0.5;
/** …but not more often than this (the share counts garbage not yet collected; each cleanup costs re-reading fonts). */
const CLEANUP_MIN_PAGES = 10;
const heapCrowded = (): boolean => { const h = v8.getHeapStatistics(); return h.used_heap_size > h.heap_size_limit * CLEANUP_HEAP_SHARE; };

type Outcome = { content: PageContent; warnings: string[] } | { error: unknown };

/** Read page `n` from one copy of the document, with the pdf.js warnings given while it was read. */
async function attempt(copy: PdfDocument, n: number): Promise<Outcome> {
  try {
    const { result, warnings } = await collectParseWarnings(() => whileParserAlive(copy, readPage(copy, n)), warningsOf(copy));
    return { content: result, warnings };
  } catch (error) {
    return { error };
  }
}

/**
 * Pages in order, so memory stays flat however long the document is. `onDamage` is told of a page
 * whose data pdf.js could only partly parse (what it said), whatever it could still read. A document
 * parsed in a thread of its own is read ahead: each parser thread reads one page after another, at most
 * two pages ahead of the caller; with a twin in a second parser thread (openDocument), odd pages from
 * one copy and even pages from the other.
 */
export async function* readPages(doc: PdfDocument, onError: (e: PageReadError) => void,
  onDamage: (page: number, warnings: string[]) => void = () => undefined): AsyncGenerator<PageContent> {
  const copies = doc.numPages > 1 ? await readingCopies(doc) : [doc];
  // with the parser in a thread of its own, the next page is parsed while this one is laid out
  const ahead = warningsOf(doc) ? 2 * copies.length : 1;
  const started = new Map<number, Promise<Outcome>>();
  // the last read started on each copy: the next waits for it (one page at a time per parser thread)
  const tails: Promise<unknown>[] = copies.map(() => Promise.resolve());
  let next = 1; // the first page not started
  const startUpTo = (last: number): void => {
    for (; next <= Math.min(last, doc.numPages); next++) {
      const k = (next - 1) % copies.length, n = next;
      const read = tails[k]!.then(() => attempt(copies[k]!, n));
      started.set(n, read);
      tails[k] = read;
    }
  };
  let cleanedAt = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    startUpTo(n + ahead - 1);
    const outcome = await started.get(n)!;
    started.delete(n);
    if ('error' in outcome) {
      if (outcome.error instanceof PdfParserError) throw new PageReadError(n, outcome.error); // the parser is gone: no page can be read
      onError(new PageReadError(n, outcome.error));
    } else {
      if (outcome.warnings.length) onDamage(n, outcome.warnings);
      yield outcome.content;
    }
    // pdf.js keeps fonts and parsed objects for the whole document; drop them now and then so a
    // thousand-page file does not hold every page's resources at once.
    // (cleanup refuses while a page is being rendered for OCR; it is only an optimisation)
    if (n % CLEANUP_EVERY_PAGES === 0 || (n - cleanedAt >= CLEANUP_MIN_PAGES && heapCrowded())) {
      cleanedAt = n;
      await Promise.all(tails); // no page is being read: the caches are not pulled from under one
      for (const copy of copies) await whileParserAlive(copy, copy.cleanup()).catch(() => undefined);
    }
  }
}
