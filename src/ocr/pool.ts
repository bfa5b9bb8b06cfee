/**
 * A pool of OCR engines: pages wait for a free slot (as many as engines), each slot renders and
 * prepares one page at a time; the page's reads (the page, then cells and words cut from it) go to
 * whichever engine is free (engineShare.ts). Engines (tesseract workers) are started lazily, a page
 * that runs too long is rejected (the engines busy with it are terminated and replaced on demand), and
 * close() stops them all.
 */
import os from 'node:os';
import type { Rule, TextRun } from '../model/page.js';
import type { PdfPage } from '../pdf/openDocument.js';
import { tesseractEngineFactory, type OcrEngineFactory, type ReadMode } from './engine.js';
import { createEngineShare, type Reader } from './engineShare.js';
import { vetAmounts } from './amounts.js';
import { readCells } from './cells.js';
import { preparePage } from './prepare.js';
import { secondLook } from './recover.js';
import { rereadSmaller } from './rescale.js';
import { glyphHeightsPx, printHeightPx, pxPerPtForPrint, renderPageGray } from './render.js';
import { binarize, type GrayImage } from './image.js';
import { DEFAULT_OCR_SETTINGS, type OcrSettings } from './settings.js';
import { correctRuns, type TermEdit } from './vocabulary.js';
import { linesToRuns, type OcrLine } from './words.js';

export interface OcrPoolOptions {
  /** Engines running at once; default: the machine's available parallelism. */
  workers?: number;
  /** A page (render + OCR) taking longer than this is rejected (stretched on a busy machine, see pageLimitMs). */
  pageTimeoutMs?: number;
  /** How far a busy machine stretches the limit (1: not at all). */
  pageTimeoutLoadStretch?: number;
  /** Render resolution. */
  dpi?: number;
  /** Other engine (tests, alternatives); default tesseract.js with chi_sim. */
  engine?: OcrEngineFactory;
  /** Everything else; defaults in DEFAULT_OCR_SETTINGS. */
  settings?: Partial<Pick<OcrSettings, 'prepare' | 'words' | 'recover' | 'cells' | 'amounts' | 'resolution' | 'rescale'>>;
}

export interface OcrPageResult {
  runs: TextRun[];
  rules: Rule[];
  /** Wall time of this page's work, not counting the wait for a free worker. */
  seconds: number;
  /** Skew that was corrected before reading; runs and rules are in the deskewed frame. */
  skewDeg: number;
  /** Readings corrected to a standard title or header phrase. */
  corrections: TermEdit[];
  /** Nothing but ruling lines was drawn on the page (no glyph-like ink): it was not given to the engine. */
  blank: boolean;
}

/** What the pool did, for the run's counters. */
export interface OcrCounters {
  pages: number;
  /** Pages with no glyph-like ink once their rules were erased: not read by the engine. */
  blankPages: number;
  failedPages: number;
  timedOutPages: number;
  enginesStarted: number;
  /** Pages whose print was too small for the base resolution, rendered again at a higher one. */
  finerPages: number;
  renderSeconds: number;
  prepareSeconds: number;
  /** Everything after prepare: the page reading, the per-cell reads, the second look and the amount vetting. */
  recognizeSeconds: number;
  /** Its parts: the whole-page reading, ruled cells read one by one, the second look, amounts read again. */
  pageReadSeconds: number;
  cellSeconds: number;
  secondLookSeconds: number;
  amountSeconds: number;
  /** Images given to the engine (the page, and every crop read again). */
  engineReads: number;
  /** Doubtful words read again on their own, and readings kept. */
  rereadWords: number;
  replacedWords: number;
  /** Ink regions no word covered, looked at a second time, and the words found there. */
  recoveryRegions: number;
  recoveredWords: number;
  /** Ruled cells found, those holding ink that were read one by one, and those the page reading read surely as a number (not read again). */
  cells: number;
  cellsRead: number;
  cellsSure: number;
  /** Inked cells whose page reading is a known name read whole (not read again). */
  cellsKnown: number;
  /** Amount readings that broke their page's form, those a second look corrected, and those marked unreadable. */
  amountSuspects: number;
  amountsCorrected: number;
  amountsUnreadable: number;
  /** Amounts read with low confidence or marked unreadable, read again at smaller scales, and those changed. */
  amountsRereadSmaller: number;
  amountsChangedSmaller: number;
}

export interface OcrPool {
  recognizePage(page: PdfPage, pageNumber: number): Promise<OcrPageResult>;
  counters(): OcrCounters;
  /** Terminate every engine; pages still waiting are rejected. */
  close(): Promise<void>;
}

/** A page's OCR ran over its time limit. */
export class OcrTimeoutError extends Error {
  constructor(readonly page: number, readonly limitMs: number) {
    super(`page ${page}: OCR did not finish within ${limitMs} ms`);
    this.name = 'OcrTimeoutError';
  }
}

/** A page could not be read by OCR (render or engine failure, or the pool was closed). */
export class OcrPageError extends Error {
  constructor(readonly page: number, cause: unknown) {
    super(`page ${page}: OCR failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'OcrPageError';
  }
}

/**
 * A page's time limit: pageTimeoutMs, stretched while the machine runs more than one task per core
 * (load average over cores, up to pageTimeoutLoadStretch times), so that a busy machine slows a page
 * down without costing its text. The limit is there for an engine that hangs, not for a slow page.
 */
export function pageLimitMs(s: Pick<OcrSettings, 'pageTimeoutMs' | 'pageTimeoutLoadStretch'>, load = os.loadavg()[0]!, cores = os.availableParallelism()): number {
  return Math.round(s.pageTimeoutMs * Math.min(s.pageTimeoutLoadStretch, Math.max(1, load / Math.max(1, cores))));
}

/** The counters of a pool that has done nothing yet. */
export const zeroOcrCounters = (): OcrCounters => ({ pages: 0, blankPages: 0, failedPages: 0, timedOutPages: 0, enginesStarted: 0, finerPages: 0, renderSeconds: 0, prepareSeconds: 0, recognizeSeconds: 0, pageReadSeconds: 0, cellSeconds: 0, secondLookSeconds: 0, amountSeconds: 0, engineReads: 0, rereadWords: 0, replacedWords: 0, recoveryRegions: 0, recoveredWords: 0, cells: 0, cellsRead: 0, cellsSure: 0, cellsKnown: 0, amountSuspects: 0, amountsCorrected: 0, amountsUnreadable: 0, amountsRereadSmaller: 0, amountsChangedSmaller: 0 });

export function createOcrPool(options: OcrPoolOptions = {}): OcrPool {
  const settings: OcrSettings = {
    ...DEFAULT_OCR_SETTINGS,
    ...options.settings,
    workers: Math.max(1, options.workers ?? DEFAULT_OCR_SETTINGS.workers),
    pageTimeoutMs: options.pageTimeoutMs ?? DEFAULT_OCR_SETTINGS.pageTimeoutMs,
    pageTimeoutLoadStretch: Math.max(1, options.pageTimeoutLoadStretch ?? DEFAULT_OCR_SETTINGS.pageTimeoutLoadStretch),
    dpi: options.dpi ?? DEFAULT_OCR_SETTINGS.dpi,
  };
  const makeEngine = options.engine ?? tesseractEngineFactory();
  const counters: OcrCounters = zeroOcrCounters();
  const engines = createEngineShare(settings.workers, makeEngine, settings.dpi, () => { counters.enginesStarted++; });
  // At most `workers` pages are drawn and read at once; the others wait for one to finish.
  let freeSlots = settings.workers;
  const waiting: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const inflight = new Set<(why: 'timeout' | 'closed') => void>();
  let closed = false, admitted = 0;
  /** Pages being read that are known to hold something to read. */
  const inked = new Set<Reader>();

  const acquire = (): Promise<void> => {
    if (closed) return Promise.reject(new Error('the OCR pool is closed'));
    if (freeSlots > 0) { freeSlots--; return Promise.resolve(); }
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next.resolve(); else freeSlots++;
  };

  async function work(reader: Reader, page: PdfPage, isCurrent: () => boolean): Promise<Omit<OcrPageResult, 'seconds'>> {
    let t = performance.now();
    const lap = (): number => { const now = performance.now(), s = (now - t) / 1000; t = now; return s; };
    // Nothing but rules on the page (an empty form, a page left blank): no engine reading can find text.
    // A coarse first look settles most such pages before the page is drawn at full size.
    const blank = (p: ReturnType<typeof preparePage>): Omit<OcrPageResult, 'seconds'> => {
      counters.blankPages++;
      return { runs: [], rules: p.rules, skewDeg: p.skewDeg, corrections: [], blank: true };
    };
    const preview = await renderPageGray(page, settings.resolution.previewDpi);
    counters.renderSeconds += lap();
    const previewed = preparePage(preview.image, preview.pxPerPt, settings.prepare);
    const previewInk = glyphHeightsPx(binarize(previewed.ocrImage, previewed.threshold), { ...settings.resolution, minComponentPx: settings.resolution.previewMinComponentPx });
    counters.prepareSeconds += lap();
    if (!previewInk.length) return blank(previewed);
    let rendered = await renderPageGray(page, settings.dpi);
    counters.renderSeconds += lap();
    let prepared = preparePage(rendered.image, rendered.pxPerPt, settings.prepare);
    const glyphs = glyphHeightsPx(binarize(prepared.ocrImage, prepared.threshold), settings.resolution);
    counters.prepareSeconds += lap();
    if (!glyphs.length) return blank(prepared);
    // An engine starts (in its own thread, about 50 MB) only once a page is known to hold something to
    // read — one per such page being read — while a page of small print is rendered again.
    if (isCurrent()) { inked.add(reader); engines.warm(inked.size); }
    // Small print gets the pixels it needs: measured at the base resolution, rendered again finer.
    const finer = pxPerPtForPrint(printHeightPx(glyphs, settings.resolution), rendered.pxPerPt, rendered.widthPt, rendered.heightPt, settings.resolution);
    if (finer > rendered.pxPerPt * 1.05 && isCurrent()) {
      counters.finerPages++;
      rendered = await renderPageGray(page, settings.dpi, undefined, finer);
      counters.renderSeconds += lap();
      prepared = preparePage(rendered.image, rendered.pxPerPt, settings.prepare);
      counters.prepareSeconds += lap();
    }
    if (!isCurrent()) throw new Error('abandoned');
    const read = (img: GrayImage, mode: ReadMode): Promise<OcrLine[]> => engines.read(reader, img, mode);
    const paged = await read(prepared.ocrImage, 'page');
    const pageRead = lap();
    const celled = await readCells(prepared.ocrImage, prepared.threshold, paged, prepared.ruleSegments, rendered.pxPerPt, settings.cells, read, isCurrent);
    counters.cells += celled.cells; counters.cellsRead += celled.read; counters.cellsSure += celled.sure; counters.cellsKnown += celled.known;
    const cellRead = lap();
    const look = await secondLook(prepared.ocrImage, prepared.threshold, celled.lines, rendered.pxPerPt, settings.recover, read, isCurrent);
    counters.rereadWords += look.reread; counters.replacedWords += look.replaced;
    counters.recoveryRegions += look.regions; counters.recoveredWords += look.recovered;
    const looked = lap();
    const vRules = prepared.ruleSegments.filter(g => g.orientation === 'v');
    const runs = linesToRuns(look.lines, vRules, rendered.pxPerPt, settings.words);
    const vetted = await vetAmounts(prepared.ocrImage, runs, rendered.pxPerPt, settings.amounts, read, isCurrent);
    counters.amountSuspects += vetted.suspects; counters.amountsCorrected += vetted.corrected; counters.amountsUnreadable += vetted.unreadable;
    const rescaled = await rereadSmaller(prepared.ocrImage, vetted.runs, rendered.pxPerPt, settings.rescale, read, isCurrent);
    counters.amountsRereadSmaller += rescaled.reread; counters.amountsChangedSmaller += rescaled.changed;
    const vetting = lap();
    counters.pageReadSeconds += pageRead; counters.cellSeconds += cellRead; counters.secondLookSeconds += looked; counters.amountSeconds += vetting;
    counters.recognizeSeconds += pageRead + cellRead + looked + vetting;
    const worded = correctRuns(rescaled.runs);
    return { runs: worded.runs, rules: prepared.rules, skewDeg: prepared.skewDeg, corrections: worded.edits, blank: false };
  }

  return {
    async recognizePage(page, pageNumber) {
      try { await acquire(); } catch (err) { throw new OcrPageError(pageNumber, err); }
      const reader: Reader = { order: admitted++ };
      const started = performance.now();
      const limitMs = pageLimitMs(settings);
      let timer: NodeJS.Timeout | undefined;
      let stopped: 'timeout' | 'closed' | null = null;
      let stop: (why: 'timeout' | 'closed') => void = () => undefined;
      const stopping = new Promise<never>((_, reject) => {
        stop = why => {
          if (stopped) return;
          stopped = why;
          reject(why === 'timeout' ? new OcrTimeoutError(pageNumber, limitMs) : new Error('the OCR pool was closed'));
        };
      });
      inflight.add(stop);
      try {
        timer = setTimeout(() => stop('timeout'), limitMs);
        const result = await Promise.race([work(reader, page, () => !stopped), stopping]);
        counters.pages++;
        return { ...result, seconds: (performance.now() - started) / 1000 };
      } catch (err) {
        counters.failedPages++;
        if (stopped === 'timeout') counters.timedOutPages++;
        // Its waiting reads go; after a timeout, an engine busy with its reads may be stuck: it is replaced (lazily).
        engines.abandon(reader, err instanceof Error ? err : new Error(String(err)), stopped === 'timeout');
        throw err instanceof OcrTimeoutError ? err : new OcrPageError(pageNumber, err);
      } finally {
        clearTimeout(timer);
        inked.delete(reader);
        inflight.delete(stop);
        release();
      }
    },
    counters: () => ({ ...counters, engineReads: engines.reads }),
    async close() {
      closed = true;
      for (const w of waiting.splice(0)) w.reject(new Error('the OCR pool was closed'));
      // Pages in progress are rejected now rather than left to their time limit (whose timer would
      // also keep the process alive).
      for (const stop of [...inflight]) stop('closed');
      await engines.close();
    },
  };
}
