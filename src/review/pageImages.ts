/** The pages of a PDF as JPEG images for the review page (pdf.js onto an @napi-rs/canvas canvas). */
import { createCanvas } from '@napi-rs/canvas';
import { openDocument, type PdfDocument } from '../pdf/openDocument.js';
import { renderScale } from '../ocr/render.js';

export interface PageImageSettings {
  /** Resolution of the images: 96 dpi (quality 60) keeps small print legible, and drawing and encoding cheap. */
  dpi: number;
  /** JPEG quality, 0–100. */
  quality: number;
  /** Most pixels one image may have: a poster-sized page is rendered at a lower resolution. */
  maxPixels: number;
}

export const PAGE_IMAGE_SETTINGS: PageImageSettings = { dpi: 96, quality: 60, maxPixels: 2_500_000 };

export interface PageImage {
  number: number;
  /** Page size in PDF points, as pdf.js's viewport at scale 1 (after /Rotate): the space of every bbox. */
  widthPt: number;
  heightPt: number;
  /** The image, or null with the reason when pdf.js could not render the page. */
  jpeg: Buffer | null;
  error: string | null;
}

const keepAlive = (value: unknown): void => { void value; };

/** A page's image being encoded (off the main thread, by @napi-rs/canvas) while the next page is drawn. */
type Pending = Promise<PageImage>;

async function drawPage(doc: PdfDocument, number: number, settings: PageImageSettings): Promise<{ image: PageImage } | { encoding: Pending }> {
  let page;
  try {
    page = await doc.getPage(number);
  } catch (err) {
    return { image: { number, widthPt: 0, heightPt: 0, jpeg: null, error: (err as Error).message } };
  }
  const base = page.getViewport({ scale: 1 });
  const failed = (err: unknown): PageImage => ({ number, widthPt: base.width, heightPt: base.height, jpeg: null, error: (err as Error).message });
  try {
    const viewport = page.getViewport({ scale: renderScale(base.width, base.height, settings.dpi, settings.maxPixels) });
    const canvas = createCanvas(Math.max(1, Math.ceil(viewport.width)), Math.max(1, Math.ceil(viewport.height)));
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport, background: 'white' }).promise;
    // The canvas is held until its encoding is done: collected earlier, its pixels would go under the encoder.
    const encoding = canvas.encode('jpeg', settings.quality)
      .then(jpeg => ({ number, widthPt: base.width, heightPt: base.height, jpeg, error: null }), failed)
      .finally(() => keepAlive(canvas));
    return { encoding };
  } catch (err) {
    return { image: failed(err) };
  } finally {
    page.cleanup();
  }
}

/**
 * Each page of the PDF in order, drawn one at a time (a page's JPEG is encoded while the next is drawn,
 * so at most two rasters are held), so a long document costs its images' bytes, not its rasters'.
 */
export async function* renderPageImages(data: Uint8Array, settings: PageImageSettings = PAGE_IMAGE_SETTINGS): AsyncGenerator<PageImage> {
  // pdf.js takes ownership of the buffer it is given; the caller keeps its own.
  const doc = await openDocument(data.slice());
  let pending: Pending | null = null;
  try {
    for (let number = 1; number <= doc.numPages; number++) {
      const drawn = await drawPage(doc, number, settings);
      if (pending) yield await pending;
      pending = null;
      if ('image' in drawn) yield drawn.image;
      else pending = drawn.encoding;
    }
    if (pending) yield await pending;
  } finally {
    await pending?.catch(() => undefined);
    await doc.destroy();
  }
}
