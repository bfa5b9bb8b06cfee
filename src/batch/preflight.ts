/**
 * Checks made before a document is extracted, so that a file over a configured limit is refused with a
 * clear reason instead of running the worker out of time or memory.
 */
import { openDocument } from '../pdf/openDocument.js';
import type { Failure } from './records.js';
import type { DocumentLimits } from './settings.js';

export interface OversizedImage { object: number | null; width: number; height: number }

const IMAGE_SUBTYPE = /\/Subtype\s*\/Image\b/g;
const DICT_WINDOW_CHARS = 4000;
const directNumber = (dict: string, key: string): number => Number(new RegExp(`/${key}\\s+(\\d+)(?!\\d)(?!\\s+\\d+\\s+R)`).exec(dict)?.[1] ?? 0);

/**
 * Image XObjects whose direct /Width × /Height exceeds `maxPixels`, found in the raw bytes. Image streams
 * are never inside object streams, so their dictionaries are always plain text in the file; sizes given
 * as indirect references are not resolved (the time and memory limits still apply to those).
 */
export function findOversizedImages(data: Uint8Array, maxPixels: number): OversizedImage[] {
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  const found: OversizedImage[] = [];
  for (const m of text.matchAll(IMAGE_SUBTYPE)) {
    // The dictionary around the match: from its object header ("12 0 obj") to its "stream" keyword.
    const objAt = text.lastIndexOf('obj', m.index);
    const start = objAt >= m.index - DICT_WINDOW_CHARS ? objAt : m.index - DICT_WINDOW_CHARS;
    const streamAt = text.indexOf('stream', m.index);
    const end = streamAt >= 0 && streamAt - m.index < DICT_WINDOW_CHARS ? streamAt : m.index + DICT_WINDOW_CHARS;
    const dict = text.slice(Math.max(0, start), end);
    const width = directNumber(dict, 'Width'), height = directNumber(dict, 'Height');
    if (width * height <= maxPixels) continue;
    const header = objAt === start ? /(\d+)\s+\d+\s+$/.exec(text.slice(Math.max(0, objAt - 24), objAt)) : null;
    found.push({ object: header ? Number(header[1]) : null, width, height });
  }
  return found;
}

/** The document's page count, or the reason it cannot be opened (PdfOpenError is thrown through). */
async function countPages(data: Uint8Array): Promise<number> {
  const doc = await openDocument(data.slice()); // pdfjs may detach the buffer it is given
  try { return doc.numPages; } finally { await doc.destroy(); }
}

/** A failure when the document is over a limit, null when it may be extracted. */
export async function checkLimits(data: Uint8Array, file: string, limits: DocumentLimits): Promise<Failure | null> {
  const images = findOversizedImages(data, limits.maxImagePixels);
  if (images.length) {
    const big = images[0]!;
    const where = big.object === null ? '' : ` (object ${big.object})`;
    return {
      code: 'image_too_large', file, page: null,
      message: `an image${where} is ${big.width}×${big.height} = ${big.width * big.height} pixels, over the limit of ${limits.maxImagePixels} (--max-image-pixels)` +
        (images.length > 1 ? `; ${images.length} such images` : ''),
    };
  }
  const pages = await countPages(data);
  if (pages > limits.maxPages) {
    return { code: 'too_many_pages', file, page: null, message: `${pages} pages, over the limit of ${limits.maxPages} (--max-pages)` };
  }
  return null;
}
