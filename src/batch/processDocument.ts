/**
 * One document, start to finish, as a worker runs it: limits, extraction, outputs. Never throws: every
 * problem comes back as a failure record.
 */
import { promises as fs } from 'node:fs';
import { writeOutputs } from '../emit/writeOutputs.js';
import { PdfOpenError } from '../pdf/openDocument.js';
import { PageReadError } from '../pdf/readPages.js';
import { extractDocument, lazyOcrPool, type ExtractOptions, type ExtractResult } from '../pipeline.js';
import { checkLimits } from './preflight.js';
import type { Failure, FailureCode, Outcome } from './records.js';
import type { DocumentLimits } from './settings.js';

/** What the main thread sends a worker (structured-cloned; `data` is transferred). */
export interface DocumentRequest {
  /** The input as the batch names it (relative path), for failure records. */
  input: string;
  /** The file's own name: what single-document extraction records as source.file. */
  fileName: string;
  /** Base name of the outputs in outDir. */
  name: string;
  outDir: string;
  /**
   * The PDF's bytes, or the file to read them from: a sender that names the file (a queue worker) neither
   * holds the bytes while the document is extracted nor copies them across to the worker process.
   */
  data: Uint8Array | { file: string };
  limits: DocumentLimits;
  /** Also write the workbook (NAME.xlsx). */
  xlsx: boolean;
}

const firstLine = (err: unknown): string => (err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err)).split('\n')[0]!;

export function failureFromError(err: unknown, input: string, otherwise: FailureCode): Failure {
  if (err instanceof PdfOpenError) return { code: err.reason, file: input, page: null, message: err.message };
  const page = err instanceof PageReadError ? err.page : null;
  return { code: otherwise, file: input, page, message: firstLine(err) };
}

const failed = (failure: Failure): Outcome => ({ status: 'failed', failure });

type OcrPool = NonNullable<ExtractOptions['ocr']>;

/** Pages read from their text layer after which an idle OCR engine is stopped (started again when a page needs it). */
export const OCR_IDLE_PAGES = 20;

/**
 * The OCR engine of one document (a single one: documents already run in parallel, one per core),
 * started when a page needs it and stopped once no page has needed it for OCR_IDLE_PAGES pages, or when
 * the last page is read: a long text-layer document with a few scanned pages does not keep the engine's
 * memory (about 100 MB) to its end, through its validation and writing. `pageDone` is told of each page
 * read, in order. `makePool` is for tests.
 */
export function documentOcr(makePool: () => { pool: OcrPool; close: () => Promise<void> } = () => lazyOcrPool({ workers: 1 })):
  { pool: OcrPool; pageDone(page: number, pages: number): void; close(): Promise<void>; readonly enginesStopped: number } {
  let current = makePool();
  let used = false, inFlight = 0, lastOcrPage = 0, enginesStopped = 0;
  const finished: ReturnType<OcrPool['counters']>[] = [];
  const stopping: Promise<void>[] = [];
  const pool: OcrPool = {
    async recognizePage(page, n) {
      used = true;
      inFlight++;
      try { return await current.pool.recognizePage(page, n); } finally { inFlight--; lastOcrPage = Math.max(lastOcrPage, n); }
    },
    counters() {
      const sum = { ...current.pool.counters() };
      for (const c of finished) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += c[k];
      return sum;
    },
    close: async () => { await Promise.all([current.close(), ...stopping]); },
  };
  return {
    pool,
    pageDone(page, pages) {
      if (!used || inFlight > 0 || (page < pages && page - lastOcrPage < OCR_IDLE_PAGES)) return;
      const old = current;
      finished.push(old.pool.counters());
      current = makePool();
      used = false;
      enginesStopped++;
      stopping.push(old.close());
    },
    close: () => pool.close(),
    get enginesStopped() { return enginesStopped; },
  };
}

/** `onPage` is told when the document is open (page 0) and as each page is done (page number, page count). */
export async function processDocument(req: DocumentRequest, onPage: (page: number, pages: number) => void = () => undefined): Promise<Outcome> {
  let result: ExtractResult;
  let data: Uint8Array;
  try {
    if (req.data instanceof Uint8Array) data = req.data;
    else { const b = await fs.readFile(req.data.file); data = new Uint8Array(b.buffer, b.byteOffset, b.byteLength); }
  } catch (err) {
    return failed({ code: 'read_error', file: req.input, page: null, message: `cannot read: ${(err as Error).message}` });
  }
  try {
    const refused = await checkLimits(data, req.input, req.limits);
    if (refused) return failed(refused);
    const ocr = req.limits.ocr ? documentOcr() : null;
    try {
      result = await extractDocument(data, req.fileName, { ocr: ocr?.pool ?? null, onPage: p => { if (p.page > 0) ocr?.pageDone(p.page, p.pages); onPage(p.page, p.pages); } });
    } finally {
      await ocr?.close();
    }
  } catch (err) {
    return failed(failureFromError(err, req.input, 'extraction_error'));
  }
  try {
    await writeOutputs(result.document, req.outDir, req.name, { xlsx: req.xlsx });
  } catch (err) {
    return failed(failureFromError(err, req.input, 'write_error'));
  }
  const c = result.counters;
  const quality = result.document.quality!;
  return {
    status: 'ok',
    quality: { status: quality.status, reasons: quality.reasons },
    stats: {
      pages: c.pages, pages_without_text: c.pagesWithoutText, tables: c.tables, rows: c.rows, cells: c.cells,
      failed_checks: c.checks.fail, warnings: result.document.warnings.length,
    },
  };
}
