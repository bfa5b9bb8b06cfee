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

export async function renderPageGray(page: PdfPage, dpi: number): Promise<RenderedPage> {
  const pxPerPt = dpi / 72;
  const viewport = page.getViewport({ scale: pxPerPt });
  const width = Math.ceil(viewport.width), height = Math.ceil(viewport.height);
  // The same @napi-rs/canvas copy that pdf.js loads itself (pinned to its version), so pdf.js's
  // Path2D and image objects are accepted by this canvas.
  const canvas = createCanvas(width, height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport, background: 'white' }).promise;
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const base = page.getViewport({ scale: 1 });
  return { image: rgbaToGray(rgba, width, height), pxPerPt, widthPt: base.width, heightPt: base.height };
}
