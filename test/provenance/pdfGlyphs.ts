import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A text item's baseline, start and end, in the displayed page (pdf.js viewport at scale 1). */
export interface Baseline { text: string; start: [number, number]; end: [number, number] }

/**
 * Where pdf.js says a page prints each text item, independently of the pipeline: the baseline's ends
 * in the viewport of the page as displayed (its /Rotate applied), origin top left.
 */
export async function baselines(data: Uint8Array, pageNumber: number): Promise<{ width: number; height: number; items: Baseline[] }> {
  const doc = await getDocument({ data: data.slice(), verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(pageNumber);
    const vp = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items: Baseline[] = [];
    for (const it of content.items) {
      if (!('str' in it) || !it.str.trim()) continue;
      const [a, b, , , e, f] = it.transform as number[];
      const len = Math.hypot(a, b) || 1;
      const end = [e + (a / len) * it.width, f + (b / len) * it.width];
      items.push({ text: it.str.trim(), start: vp.convertToViewportPoint(e, f) as [number, number], end: vp.convertToViewportPoint(end[0], end[1]) as [number, number] });
    }
    return { width: vp.width, height: vp.height, items };
  } finally {
    await doc.destroy();
  }
}

/** Whether a point lies in a box [x0, top, x1, bottom], give or take `slack` points. */
export const inBox = (p: readonly [number, number], b: readonly number[], slack = 1): boolean =>
  p[0] >= b[0] - slack && p[0] <= b[2] + slack && p[1] >= b[1] - slack && p[1] <= b[3] + slack;
