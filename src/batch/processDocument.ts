/**
 * One document, start to finish, as a worker runs it: limits, extraction, outputs. Never throws: every
 * problem comes back as a failure record.
 */
import { promises as fs } from 'node:fs';
import { writeOutputs } from '../emit/writeOutputs.js';
import { PdfOpenError } from '../pdf/openDocument.js';
import { PageReadError } from '../pdf/readPages.js';
import { extractDocument, lazyOcrPool, type ExtractResult } from '../pipeline.js';
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
    // Documents already run in parallel, one per core: each gets a single OCR engine.
    const ocr = req.limits.ocr ? lazyOcrPool({ workers: 1 }) : null;
    try {
      result = await extractDocument(data, req.fileName, { ocr: ocr?.pool ?? null, onPage: p => onPage(p.page, p.pages) });
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
