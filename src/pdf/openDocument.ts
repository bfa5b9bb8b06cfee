import { createRequire } from 'node:module';
import path from 'node:path';
import { silencePdfWarnings } from './parseWarnings.js';
import { destroyWithDocument, inThreadWorker } from './inThreadWorker.js';
import { acquireParser, parserThreads, PdfParserError, type ParserLease } from './parserThread.js';
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
  /**
   * For reading text and rules only (implies skipImages): pdf.js then compiles no glyph outlines (with font faces off it
   * builds one for every glyph shown, even when nothing is drawn: most of a long CJK document's heap
   * between cache cleanups), and reads embedded font programs only for glyph widths and Unicode, without
   * building the OpenType font drawing would use. Such a document cannot be drawn; `drawablePage` opens a
   * drawable copy of it when a page must be (OCR).
   */
  textOnly?: boolean;
}

/**
 * pdf.js hands each embedded font to its font loader, which in a browser adds an @font-face rule; with
 * font faces on and no document it falls back to glyph outlines. A text-only document is given this
 * stand-in, which takes the rule and does nothing, so the font is never compiled for drawing.
 */
const FONT_RULE_SINK = {
  createElement: () => ({ sheet: { insertRule: () => 0, cssRules: [] }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
} as unknown as Document;

/** pdf.js's warnings: the sign of damage it recovered from, taken off the console by parseWarnings.ts. */
const VERBOSITY = 1;

export async function openDocument(data: Uint8Array, options: OpenOptions = {}): Promise<PdfDocument> {
  // pdf.js takes the bytes over (their buffer moves to the parser thread): a twin needs its own
  const twinData = options.textOnly && parserThreads() >= 2 ? data.slice() : null;
  const doc = await openWith(data, options, 0);
  if (twinData && doc.numPages > 1) keepTwin(doc, twinData, options);
  return doc;
}

async function openWith(data: Uint8Array, options: OpenOptions, slot: number): Promise<PdfDocument> {
  if (data.length === 0) throw new PdfOpenError('the file is empty', 'empty');
  const head = Buffer.from(data.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new PdfOpenError('not a PDF (no %PDF- header)', 'not_pdf');
  silencePdfWarnings();
  // The parser runs in its own thread when that is asked for (queue workers); else in this one.
  const lease = acquireParser(slot);
  if (!lease) await loadInThreadParser();
  // in this thread, a document never drawn gets a parser whose answers are not deep-copied (inThreadWorker.ts)
  const own = !lease && options.textOnly ? await inThreadWorker(VERBOSITY) : null;
  const task = pdfjs.getDocument({
    data,
    ...(lease ? { worker: lease.pdfWorker } : own ? { worker: own.pdfWorker } : {}),
    cMapUrl: pkgRoot + 'cmaps' + path.sep,
    cMapPacked: true,
    standardFontDataUrl: pkgRoot + 'standard_fonts' + path.sep,
    wasmUrl: pkgRoot + 'wasm' + path.sep,
    isEvalSupported: false,
    ...(options.skipImages || options.textOnly ? { maxImageSize: 0 } : {}),
    useSystemFonts: false,
    // text-only: fonts are read only as far as widths and Unicode need; the OpenType font that drawing
    // needs is not built (an option patched into pdf.js: patches/pdfjs-dist+5.6.205.patch)
    ...(options.textOnly
      ? { disableFontFace: false, ownerDocument: FONT_RULE_SINK, fontProgramsForTextOnly: true }
      : { disableFontFace: true }),
    verbosity: VERBOSITY,
  });
  let doc: PdfDocument;
  try {
    doc = await (lease ? lease.guard(task.promise) : task.promise);
  } catch (err) {
    own?.destroy();
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
  if (own) destroyWithDocument(doc, own);
  if (options.textOnly) { skipFontFaces(doc); keepDrawableCopy(doc); }
  return doc;
}

/**
 * A text-only document is never drawn, so the font pdf.js sends for each font a page uses is not made
 * into an @font-face rule (base64 of the whole font file, a few per cent of the reading time of a
 * document with embedded CJK fonts). pdf.js's font loader is private API, hence the checks.
 */
function skipFontFaces(doc: PdfDocument): void {
  const loader = (doc as unknown as { _transport?: { fontLoader?: { bind?: unknown } } })._transport?.fontLoader;
  if (loader && typeof loader.bind === 'function') loader.bind = () => Promise.resolve();
}

const twins = new WeakMap<PdfDocument, Promise<PdfDocument | null>>();

/**
 * A second copy of a text-only document, opened in the second parser thread, so two pages are parsed at
 * once (see readPages); destroy() ends both. Null if it cannot be opened (then one copy reads every page).
 */
function keepTwin(doc: PdfDocument, data: Uint8Array, options: OpenOptions): void {
  const twin = openWith(data, options, 1).catch(() => null);
  twins.set(doc, twin);
  const destroy = doc.destroy.bind(doc);
  doc.destroy = async () => {
    try {
      await (await twin)?.destroy();
    } finally {
      await destroy();
    }
  };
}

/** The copies of `doc` pages can be read from at the same time: itself, and its twin if it has one. */
export async function readingCopies(doc: PdfDocument): Promise<PdfDocument[]> {
  const twin = await twins.get(doc);
  return twin ? [doc, twin] : [doc];
}

/** Where pdf.js's warnings arrive while a page of `doc` is read: its parser thread's collectors, or undefined (this thread). */
export function warningsOf(doc: PdfDocument): ParserLease['warnings'] | undefined {
  return leases.get(doc)?.warnings;
}

interface DrawableCopy { open(): Promise<PdfDocument>; close(): Promise<void> }

const drawableCopies = new WeakMap<PdfDocument, DrawableCopy>();

/**
 * A text-only document opens a drawable copy of itself the first time a page must be drawn; destroy()
 * ends both. closeDrawableCopy ends the copy alone (it is opened again if another page must be drawn).
 */
function keepDrawableCopy(doc: PdfDocument): void {
  let copy: Promise<PdfDocument> | null = null;
  const close = async (): Promise<void> => {
    const open = copy;
    copy = null;
    if (open) await (await open.catch(() => null))?.destroy();
  };
  drawableCopies.set(doc, { open: () => (copy ??= whileParserAlive(doc, doc.getData()).then(bytes => openDocument(bytes))), close });
  const destroy = doc.destroy.bind(doc);
  doc.destroy = async () => {
    try {
      await close();
    } finally {
      await destroy();
    }
  };
}

/**
 * Page `n` of `doc` in a document that can be drawn: the document itself, or its drawable copy if it is
 * text-only — except for a page that draws only paths (PageContent.pathsOnly), which a text-only
 * document draws as well as any.
 */
export async function drawablePage(doc: PdfDocument, n: number, pathsOnly = false): Promise<PdfPage> {
  const copy = pathsOnly ? undefined : drawableCopies.get(doc);
  return (copy ? await copy.open() : doc).getPage(n);
}

/**
 * Close the drawable copy of a text-only document, if it has one open: its own copy of the document's
 * bytes and what drawing parsed (fonts, images) are let go while no page is drawn. No page drawn from it
 * may be in use.
 */
export async function closeDrawableCopy(doc: PdfDocument): Promise<void> {
  await drawableCopies.get(doc)?.close();
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
