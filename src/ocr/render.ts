/** Render one PDF page to a grey raster for OCR (pdf.js onto an @napi-rs/canvas canvas). */
import { createCanvas } from '@napi-rs/canvas';
import type { PdfPage } from '../pdf/openDocument.js';
import { rgbaToGray, type GrayImage } from './image.js';

export interface RenderedPage {
  image: GrayImage;
  /** Pixels per PDF point (dpi / 72). */
  pxPerPt: number;
  /** Page size in points, as the rest of the pipeline measures it. */
  widthPt: number;
  heightPt: number;
}

/**
 * Most pixels a page is rendered to: 16 MP is A2 at 200 dpi (A4 is 3.9 MP). A page larger than that (a
 * poster, or a scan placed at 1 pt per pixel on a 9000 pt page) is rendered at a lower resolution, so one
 * page cannot ask for gigabytes (4 bytes per pixel in the canvas, more while it is converted).
 */
export const MAX_RENDER_PIXELS = 16_000_000;

/** Pixels per point for rendering at `dpi`, lowered so that the page stays within `maxPixels`. */
export function renderScale(widthPt: number, heightPt: number, dpi: number, maxPixels = MAX_RENDER_PIXELS): number {
  const wanted = dpi / 72;
  const area = widthPt * heightPt;
  return area > 0 ? Math.min(wanted, Math.sqrt(maxPixels / area)) : wanted;
}

export async function renderPageGray(page: PdfPage, dpi: number, maxPixels = MAX_RENDER_PIXELS): Promise<RenderedPage> {
  const base = page.getViewport({ scale: 1 });
  const pxPerPt = renderScale(base.width, base.height, dpi, maxPixels);
  const viewport = page.getViewport({ scale: pxPerPt });
  const width = Math.ceil(viewport.width), height = Math.ceil(viewport.height);
  // The same @napi-rs/canvas copy that pdf.js loads itself (pinned to its version), so pdf.js's
  // Path2D and image objects are accepted by this canvas.
  const canvas = createCanvas(width, height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport, background: 'white' }).promise;
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  return { image: rgbaToGray(rgba, width, height), pxPerPt, widthPt: base.width, heightPt: base.height };
}
