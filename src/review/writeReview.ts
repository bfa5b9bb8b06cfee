/** DIR/NAME.review.html from an output document and the PDF it was extracted from. */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeChunksAtomic } from '../emit/atomicWrite.js';
import { DebugDocumentSchema, type DebugDocument } from '../model/debug.js';
import { renderPageImages, PAGE_IMAGE_SETTINGS, type PageImageSettings } from './pageImages.js';
import type { OutputDocument } from '../model/document.js';
import { reviewHtml } from './reviewHtml.js';

export const reviewFileName = (base: string): string => `${base}.review.html`;

/** The layout intermediates written by `extract --debug`, or null when there are none. */
export async function readDebugFile(file: string): Promise<DebugDocument | null> {
  let text: string;
  try { text = await fs.readFile(file, 'utf8'); } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`${file}: cannot read: ${(err as Error).message}`);
  }
  let json: unknown;
  try { json = JSON.parse(text); } catch (err) { throw new Error(`${file}: not JSON: ${(err as Error).message}`); }
  const parsed = DebugDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: not a debug file of budget-tables: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export interface ReviewOptions {
  /** NAME.debug.json to draw as the debug layer (default: DIR/NAME.debug.json when it exists). */
  debugFile?: string;
  /** The intermediates themselves (null: no debug layer); instead of a file. */
  debug?: DebugDocument | null;
  images?: PageImageSettings;
}

/**
 * Write DIR/NAME.review.html. `pdf` must be the file the document was extracted from (its sha256 is
 * compared): every box is drawn on its pages. Returns the file written and what the reader should know.
 */
export async function writeReview(doc: OutputDocument, pdf: Uint8Array, pdfName: string, outDir: string, base: string, options: ReviewOptions = {}): Promise<{ file: string; notes: string[] }> {
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  if (sha256 !== doc.source.sha256) {
    throw new Error(`${pdfName} is not the PDF ${doc.source.file} was extracted from (its sha256 differs): the boxes would not match its pages`);
  }
  const debugFile = options.debugFile ?? path.join(outDir, `${base}.debug.json`);
  let debug = options.debug !== undefined ? options.debug : await readDebugFile(debugFile);
  const notes: string[] = [];
  if (debug && debug.source.sha256 !== doc.source.sha256) {
    notes.push(`${debugFile} is of another PDF than ${doc.source.file} (its sha256 differs): no debug layer`);
    debug = null;
  }
  const file = path.join(outDir, reviewFileName(base));
  await writeChunksAtomic(file, reviewHtml(doc, renderPageImages(pdf, options.images ?? PAGE_IMAGE_SETTINGS), debug));
  return { file, notes };
}
