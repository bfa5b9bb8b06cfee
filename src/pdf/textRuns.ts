import type { TextRun } from '../model/page.js';
import { apply, multiply, type Matrix } from './matrix.js';
import { normalizeText } from './normalizeText.js';
import type { PdfPage } from './openDocument.js';

interface RawItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

// Share of the font size above the baseline; the rest hangs below it.
const ASCENT = 0.86;

/** The text items of a page as pdf.js gives them (its own coordinates, y up). */
export type TextItems = readonly RawItem[];

export async function readTextItems(page: PdfPage): Promise<TextItems> {
  const content = await page.getTextContent({ disableNormalization: true });
  return (content.items as RawItem[]).filter(raw => 'str' in raw && raw.str.trim() !== '');
}

/**
 * The page's text as runs in page coordinates (y down) of the given viewport. pdf.js filler items
 * (blank strings with no height, empty end-of-line markers) are dropped.
 */
export function toRuns(items: TextItems, viewport: Matrix): TextRun[] {
  const runs: TextRun[] = [];
  for (const raw of items) {
    const run = toRun(raw, viewport);
    if (run) runs.push(run);
  }
  return runs;
}

/**
 * Share of the characters whose baseline runs left to right in this viewport. A page whose text runs
 * down or up (a landscape table placed sideways on a portrait page) is read in the turn that makes it
 * upright.
 */
export function uprightShare(items: TextItems, viewport: Matrix): number {
  let upright = 0, all = 0;
  for (const item of items) {
    const m = multiply(item.transform, viewport);
    const n = item.str.length;
    all += n;
    if (m[0] > 0 && Math.abs(m[1]) < 0.2 * Math.abs(m[0])) upright += n;
  }
  return all ? upright / all : 1;
}

function toRun(item: RawItem, viewport: Matrix): TextRun | null {
  const m = multiply(item.transform, viewport);
  const size = Math.hypot(m[2], m[3]);
  if (!(size > 0)) return null;
  // Direction of the baseline in page space; pdf.js gives the width in user space units.
  const dx = m[0] / Math.hypot(m[0], m[1]), dy = m[1] / Math.hypot(m[0], m[1]);
  const advance = item.width * Math.hypot(viewport[0], viewport[1]);
  const [bx, by] = apply(viewport, item.transform[4], item.transform[5]);
  const ex = bx + dx * advance, ey = by + dy * advance;
  // "Up" for the glyphs is perpendicular to the baseline.
  const ux = dy, uy = -dx;
  const xs = [bx, ex, bx + ux * size * ASCENT, ex - ux * size * (1 - ASCENT)];
  const ys = [by, ey, by + uy * size * ASCENT, ey - uy * size * (1 - ASCENT)];
  const text = normalizeText(item.str);
  if (text.trim() === '') return null;
  return {
    x0: Math.min(...xs), x1: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys),
    text, fontSize: size, fontName: item.fontName,
  };
}
