import { createRequire } from 'node:module';
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { silencePdfWarnings } from './parseWarnings.js';

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
  const task = pdfjs.getDocument({
    data,
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
  try {
    return await task.promise;
  } catch (err) {
    const e = err as { name?: string; message?: string };
    if (e.name === 'PasswordException') throw new PdfOpenError('the PDF is encrypted with a password', 'encrypted');
    throw new PdfOpenError(`the PDF cannot be read: ${e.message ?? String(err)}`, 'corrupt');
  }
}

export { pdfjs };
