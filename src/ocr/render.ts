/** Render one PDF page to a grey raster for OCR (pdf.js onto an @napi-rs/canvas canvas). */
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import type { PdfPage } from '../pdf/openDocument.js';
import { inkComponents, rgbaToGray, type BinaryImage, type GrayImage } from './image.js';

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

/** Render at `dpi` within `maxPixels`, or at exactly `pxPerPt` pixels per point when it is given. */
export async function renderPageGray(page: PdfPage, dpi: number, maxPixels = MAX_RENDER_PIXELS, atPxPerPt?: number): Promise<RenderedPage> {
  const base = page.getViewport({ scale: 1 });
  const pxPerPt = atPxPerPt ?? renderScale(base.width, base.height, dpi, maxPixels);
  const viewport = page.getViewport({ scale: pxPerPt });
  const width = Math.ceil(viewport.width), height = Math.ceil(viewport.height);
  // The same @napi-rs/canvas copy that pdf.js loads itself (pinned to its version), so pdf.js's
  // Path2D and image objects are accepted by this canvas.
  const canvas = createCanvas(width, height);
  try {
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport, background: 'white' }).promise;
    return { image: canvasGray(canvas, width, height), pxPerPt, widthPt: base.width, heightPt: base.height };
  } finally {
    // the pixels (4 bytes each) are given back now, not when the collector gets to the canvas
    canvas.width = 0;
    canvas.height = 0;
  }
}

/**
 * The canvas's pixels in grey. Read in place (the canvas's own memory, RGBA rows without padding) when
 * every pixel is opaque, as a page drawn on a white background is: there the pixels are what
 * getImageData would copy out (a second full-size RGBA buffer at the moment memory peaks); otherwise
 * (padded rows, or a pixel left transparent, whose colour getImageData un-premultiplies) through getImageData.
 */
export function canvasGray(canvas: Canvas, width: number, height: number): GrayImage {
  const own = canvas.data();
  if (own.length === width * height * 4) {
    const gray = rgbaToGray(own, width, height);
    if (allOpaque(own)) return gray;
  }
  return rgbaToGray(canvas.getContext('2d').getImageData(0, 0, width, height).data, width, height);
}

function allOpaque(rgba: Uint8Array): boolean {
  let alpha = 255;
  for (let j = 3; j < rgba.length; j += 4) alpha &= rgba[j]!;
  return alpha === 255;
}

/**
 * The resolution a page needs: small print (a table shrunk onto an A4 page, an A3 sheet scanned at
 * A4, 6 pt figures) rendered at the base resolution leaves too few pixels per glyph for the engine.
 */
export interface ResolutionSettings {
  /** Print whose glyphs come out shorter than this (pixels, at the base resolution) is rendered again. */
  minGlyphPx: number;
  /** Glyph height the second rendering aims at. */
  targetGlyphPx: number;
  /** Highest resolution a page is rendered at (the pixel limit still applies). */
  maxDpi: number;
  /** Ink components shorter than this are specks and strokes, not glyphs (pixels). */
  minComponentPx: number;
  /** The glyph height is this quantile of the ink components' heights (Han glyphs split into radicals). */
  glyphQuantile: number;
  /**
   * A page is first looked at this coarsely, to tell a page of nothing but rules (not read) from one with
   * ink to read, before it is drawn at full size (4 bytes a pixel while it is drawn).
   */
  previewDpi: number;
  /** In that first look any glyph-like component this tall (pixels) counts as ink: it errs towards reading the page. */
  previewMinComponentPx: number;
}

export const DEFAULT_RESOLUTION_SETTINGS: ResolutionSettings = {
  minGlyphPx: 14,
  targetGlyphPx: 20,
  maxDpi: 400,
  minComponentPx: 4,
  glyphQuantile: 0.75,
  previewDpi: 72,
  previewMinComponentPx: 2,
};

/**
 * Heights in pixels of the glyph-like pieces of ink (8-way connected components) in a binary image with
 * the rules already erased, leaving out specks, lines and blots. None: nothing on the page to read.
 */
export function glyphHeightsPx(bin: BinaryImage, s: ResolutionSettings = DEFAULT_RESOLUTION_SETTINGS): number[] {
  const heights: number[] = [];
  for (const c of inkComponents(bin)) {
    const ch = c.bottom - c.top, cw = c.x1 - c.x0;
    // Glyph-like: not a speck, not a line (rules are erased, but underlines and dashes remain), not a blot.
    if (ch >= s.minComponentPx && cw <= 6 * ch && ch <= 6 * cw && ch <= bin.height / 20) heights.push(ch);
  }
  return heights;
}

/**
 * Height of the print in pixels: a quantile of the glyph-like components' heights (glyphHeightsPx).
 * Null when the page holds too few of them to say.
 */
export function printHeightPx(glyphHeights: readonly number[], s: ResolutionSettings = DEFAULT_RESOLUTION_SETTINGS): number | null {
  if (glyphHeights.length < 20) return null;
  const heights = [...glyphHeights].sort((a, b) => a - b);
  return heights[Math.floor(s.glyphQuantile * (heights.length - 1))]!;
}

/**
 * Resolution for a page whose print measured `glyphPx` tall when rendered at `pxPerPt`: unchanged when
 * the print is large enough (or unknown), else raised so glyphs reach the target height, within
 * maxDpi and the pixel limit. Returns pixels per point.
 */
export function pxPerPtForPrint(glyphPx: number | null, pxPerPt: number, widthPt: number, heightPt: number, s: ResolutionSettings = DEFAULT_RESOLUTION_SETTINGS, maxPixels = MAX_RENDER_PIXELS): number {
  if (glyphPx === null || glyphPx >= s.minGlyphPx) return pxPerPt;
  const wanted = Math.min(pxPerPt * (s.targetGlyphPx / Math.max(1, glyphPx)), renderScale(widthPt, heightPt, s.maxDpi, maxPixels));
  return Math.max(pxPerPt, wanted);
}
