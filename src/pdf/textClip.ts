import { apply, IDENTITY, multiply, type Matrix } from './matrix.js';
import { pdfjs, type PdfPage } from './openDocument.js';
import type { TextItems } from './textRuns.js';

const { OPS } = pdfjs;

/** An axis-aligned box in PDF user space (y up): [x0, y0, x1, y1]. */
type Box = readonly [number, number, number, number];

/** Where one text-showing operator drew its glyphs, and the clip in effect then (null: the whole page). */
interface GlyphRun {
  start: [number, number];
  end: [number, number];
  /** the middle of its glyphs (half the advance along, a third of the size up) */
  mid: [number, number];
  clip: Box | null;
}

interface State {
  ctm: Matrix;
  clip: Box | null;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

// How far (pt) an item's origin may lie from where the operator list puts its glyphs, and how far its
// middle may lie outside a clip and still count as shown (rounding of the two readings).
const MATCH_PT = 1;
const EDGE_PT = 0.5;
const BUCKET_PT = 4;

/**
 * The text items that are printed: an item whose glyphs were drawn outside the clipping path in effect
 * (a cell's overflowing text cut off at the cell's edge, text under a page region the producer masks)
 * cannot be seen on the page and is dropped. Clips are taken as the bounding box of their path, so
 * only text clearly outside is dropped; an item the operator list cannot place is kept. An item is judged
 * by the glyphs drawn where it starts: pdf.js may join the text of neighbouring cells into one item, each
 * cell under its own clip.
 */
export async function withoutClippedText(page: PdfPage, items: TextItems, ops?: OperatorList): Promise<TextItems> {
  const runs = glyphRuns(ops ?? await page.getOperatorList());
  const hidden = runs.filter(isHidden);
  if (hidden.length === 0) return items;
  // only an item starting at a hidden run may be cut away; which run it starts at is asked of all of them
  const nearHidden = new RunIndex(hidden);
  let all: RunIndex | null = null;
  const shown = items.filter((item) => {
    const [x, y] = [item.transform[4]!, item.transform[5]!];
    if (!nearHidden.at(x, y)) return true;
    all ??= new RunIndex(runs);
    const run = all.at(x, y);
    return !(run && isHidden(run));
  });
  return shown.length === items.length ? items : shown;
}

/** Drawn outside its clip: the middle of its glyphs lies outside the clip rectangle. */
const isHidden = (r: GlyphRun): boolean => r.clip !== null && !inside(r.clip, r.mid[0], r.mid[1]);

interface OperatorList { fnArray: ArrayLike<number>; argsArray: unknown[] }

/** Every text-showing operator's glyph baseline and clip, in PDF user space. */
export function glyphRuns(ops: OperatorList): GlyphRun[] {
  const out: GlyphRun[] = [];
  const stack: State[] = [];
  let gs: State = { ctm: IDENTITY, clip: null, fontSize: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0 };
  let pendingClip = false;
  let tm: Matrix = IDENTITY, tlm: Matrix = IDENTITY;
  const moveText = (x: number, y: number) => { tlm = multiply([1, 0, 0, 1, x, y], tlm); tm = tlm; };

  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    switch (fn) {
      case OPS.save: stack.push({ ...gs }); break;
      case OPS.restore: gs = stack.pop() ?? gs; break;
      case OPS.transform: gs.ctm = multiply(args as number[], gs.ctm); break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...gs });
        if (isNumbers(args[0], 6)) gs.ctm = multiply(Array.from(args[0]), gs.ctm);
        if (isNumbers(args[1], 4)) gs.clip = intersect(gs.clip, transformBox(Array.from(args[1]), gs.ctm));
        break;
      }
      case OPS.paintFormXObjectEnd: gs = stack.pop() ?? gs; break;
      case OPS.clip: case OPS.eoClip: pendingClip = true; break;
      case OPS.constructPath: {
        // W n: the clip takes effect with the path that the next painting (or no-op) operator ends
        const minMax = args[2];
        if (pendingClip && isNumbers(minMax, 4)) gs.clip = intersect(gs.clip, transformBox(Array.from(minMax), gs.ctm));
        pendingClip = false;
        break;
      }
      case OPS.beginText: tm = tlm = IDENTITY; break;
      case OPS.setTextMatrix: if (isNumbers(args[0], 6)) tm = tlm = Array.from(args[0]) as unknown as Matrix; break;
      case OPS.moveText: moveText(Number(args[0]), Number(args[1])); break;
      case OPS.setLeadingMoveText: gs.leading = -Number(args[1]); moveText(Number(args[0]), Number(args[1])); break;
      case OPS.nextLine: moveText(0, -gs.leading); break;
      case OPS.setLeading: gs.leading = Number(args[0]); break;
      case OPS.setFont: gs.fontSize = Number(args[1]) || 0; break;
      case OPS.setCharSpacing: gs.charSpacing = Number(args[0]) || 0; break;
      case OPS.setWordSpacing: gs.wordSpacing = Number(args[0]) || 0; break;
      case OPS.setHScale: gs.hScale = (Number(args[0]) || 100) / 100; break;
      case OPS.setTextRise: gs.rise = Number(args[0]) || 0; break;
      case OPS.showText: {
        // the pen moves along the text line by the advance: Tm = [1 0 0 1 advance 0] × Tm
        const advance = textAdvance(args[0], gs);
        const [sx, sy] = apply(tm, 0, gs.rise);
        const [mx, my] = apply(tm, advance / 2, gs.rise + gs.fontSize / 3);
        tm = [tm[0], tm[1], tm[2], tm[3], tm[4] + advance * tm[0], tm[5] + advance * tm[1]];
        const ex = sx + advance * tm[0], ey = sy + advance * tm[1];
        out.push({ start: apply(gs.ctm, sx, sy), end: apply(gs.ctm, ex, ey), mid: apply(gs.ctm, mx, my), clip: gs.clip });
        break;
      }
    }
  }
  return out;
}

/** How far (text space) a showText operator moves the pen: glyph widths, spacing, TJ adjustments. */
function textAdvance(glyphs: unknown, gs: State): number {
  if (!Array.isArray(glyphs)) return 0;
  let x = 0;
  for (const g of glyphs as unknown[]) {
    if (typeof g === 'number') { x -= g * gs.fontSize / 1000; continue; }
    if (!g || typeof g !== 'object') continue;
    const glyph = g as { width?: number; isSpace?: boolean };
    x += (glyph.width ?? 0) * gs.fontSize / 1000 + gs.charSpacing + (glyph.isSpace ? gs.wordSpacing : 0);
  }
  return x * gs.hScale;
}

function isNumbers(v: unknown, n: number): v is ArrayLike<number> {
  return (Array.isArray(v) || ArrayBuffer.isView(v)) && (v as ArrayLike<number>).length >= n;
}

function transformBox(b: ArrayLike<number>, m: Matrix): Box {
  const pts = [apply(m, b[0], b[1]), apply(m, b[2], b[1]), apply(m, b[0], b[3]), apply(m, b[2], b[3])];
  const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function intersect(a: Box | null, b: Box): Box {
  if (!a) return b;
  return [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
}

const inside = (b: Box, x: number, y: number): boolean =>
  x >= b[0] - EDGE_PT && x <= b[2] + EDGE_PT && y >= b[1] - EDGE_PT && y <= b[3] + EDGE_PT;

/** Glyph runs bucketed by height on the page, to find the ones an item's origin lies on. */
class RunIndex {
  private readonly buckets = new Map<number, GlyphRun[]>();
  constructor(runs: GlyphRun[]) {
    for (const r of runs) {
      const lo = Math.floor((Math.min(r.start[1], r.end[1]) - MATCH_PT) / BUCKET_PT);
      const hi = Math.floor((Math.max(r.start[1], r.end[1]) + MATCH_PT) / BUCKET_PT);
      for (let k = lo; k <= hi; k++) {
        const list = this.buckets.get(k);
        if (list) list.push(r); else this.buckets.set(k, [r]);
      }
    }
  }

  /**
   * The run whose glyphs start nearest the point, not counting one that ends there
   * (the text before it); null when no run's baseline passes through the point.
   */
  at(x: number, y: number): GlyphRun | null {
    let best: GlyphRun | null = null, bestOff = Infinity;
    for (const r of this.buckets.get(Math.floor(y / BUCKET_PT)) ?? []) {
      const [sx, sy] = r.start, [ex, ey] = r.end;
      const dx = ex - sx, dy = ey - sy, len = Math.hypot(dx, dy);
      const along = len < 1e-6 ? 0 : ((x - sx) * dx + (y - sy) * dy) / len;
      const across = len < 1e-6 ? Math.hypot(x - sx, y - sy) : Math.abs((x - sx) * dy - (y - sy) * dx) / len;
      if (across > MATCH_PT || along < -MATCH_PT || along > len + MATCH_PT) continue;
      if (len >= MATCH_PT && len - along < MATCH_PT) continue;
      // nearest start first: two lines of neighbouring cells may share a baseline to within a point
      const off = Math.hypot(along, across);
      if (off < bestOff) { best = r; bestOff = off; }
    }
    return best;
  }
}
