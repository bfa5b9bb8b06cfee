import { createRequire } from 'node:module';
import path from 'node:path';
import { silencePdfWarnings } from './parseWarnings.js';
import { acquireParser, PdfParserError, type ParserLease } from './parserThread.js';
import { loadInThreadParser, pdfjs } from './pdfjsLoaded.js';

export type PdfDocument = pdfjs.PDFDocumentProxy;
export type PdfPage = pdfjs.PDFPageProxy;

// pdfjs wants plain filesystem paths ending in "/" for its data folders; a file:// URL or a missing
// cMapUrl silently yields empty text for CJK fonts that use predefined CMaps.
const pkgRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')) + path.sep;

/** Raised for input that is not a readable PDF; the message names what is wrong. */
export class PdfOpenError extends Error {
  constructor(message: string, readonly reason: 'empty' | 'not_pdf' | 'encrypted' | 'corrupt') {
    super(message);
  }
}

export interface OpenOptions {
  /**
   * Leave images out of operator lists. Reading text and rules never needs them, and decoding a page's
   * raster images is what makes memory peak; only rendering for OCR does.
   */
  skipImages?: boolean;
}

export async function openDocument(data: Uint8Array, options: OpenOptions = {}): Promise<PdfDocument> {
  if (data.length === 0) throw new PdfOpenError('the file is empty', 'empty');
  const head = Buffer.from(data.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new PdfOpenError('not a PDF (no %PDF- header)', 'not_pdf');
  silencePdfWarnings();
  // The parser runs in its own thread when that is asked for (queue workers); else in this one.
  const lease = acquireParser();
  if (!lease) await loadInThreadParser();
  const task = pdfjs.getDocument({
    data,
    ...(lease ? { worker: lease.pdfWorker } : {}),
    cMapUrl: pkgRoot + 'cmaps' + path.sep,
    cMapPacked: true,
    standardFontDataUrl: pkgRoot + 'standard_fonts' + path.sep,
    wasmUrl: pkgRoot + 'wasm' + path.sep,
    isEvalSupported: false,
    ...(options.skipImages ? { maxImageSize: 0 } : {}),
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 1, // warnings: the sign of damage it recovered from, taken off the console by parseWarnings.ts
  });
  let doc: PdfDocument;
  try {
    doc = await (lease ? lease.guard(task.promise) : task.promise);
  } catch (err) {
    if (lease) {
      if (!lease.dead) await lease.guard(task.destroy()).catch(() => undefined);
      lease.release(0);
    }
    if (err instanceof PdfParserError) throw err;
    const e = err as { name?: string; message?: string };
    if (e.name === 'PasswordException') throw new PdfOpenError('the PDF is encrypted with a password', 'encrypted');
    throw new PdfOpenError(`the PDF cannot be read: ${e.message ?? String(err)}`, 'corrupt');
  }
  if (lease) leaseDocument(doc, lease);
  return doc;
}

const leases = new WeakMap<PdfDocument, ParserLease>();

/** Tie the document to its parser lease: pages read are counted, destroy() gives the lease back. */
function leaseDocument(doc: PdfDocument, lease: ParserLease): void {
  leases.set(doc, lease);
  let pagesRead = 0;
  const getPage = doc.getPage.bind(doc), destroy = doc.destroy.bind(doc);
  doc.getPage = (n: number) => { pagesRead++; return lease.guard(getPage(n)); };
  doc.destroy = async () => {
    try {
      if (!lease.dead) await lease.guard(destroy()).catch(() => undefined);
    } finally {
      lease.release(pagesRead);
    }
  };
}

/**
 * Settles like `work` (a request to pdf.js about `doc`), or rejects with PdfParserError when the
 * document's parser thread dies first, so a reader never waits on a thread that is gone.
 */
export function whileParserAlive<T>(doc: PdfDocument, work: Promise<T>): Promise<T> {
  const lease = leases.get(doc);
  return lease ? lease.guard(work) : work;
}

export { PdfParserError };

export { pdfjs };
