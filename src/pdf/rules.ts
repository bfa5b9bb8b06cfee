import type { Rule } from '../model/page.js';
import { apply, IDENTITY, multiply, type Matrix } from './matrix.js';
import { pdfjs, type PdfPage } from './openDocument.js';

export interface RuleSettings {
  /** A filled rectangle thinner than this is a drawn line, not an area. */
  maxLineThicknessPt: number;
  /** Segments shorter than this are glyph debris, not rules. */
  minRuleLengthPt: number;
  /** How far from exactly horizontal/vertical a segment may be. */
  axisTolerancePt: number;
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = { maxLineThicknessPt: 2.5, minRuleLengthPt: 2, axisTolerancePt: 1 };

// Path data codes in pdf.js 5.x constructPath (not exported by the library).
const MOVE_TO = 0, LINE_TO = 1, CURVE_TO = 2, QUAD_TO = 3, CLOSE = 4;
const { OPS } = pdfjs;
const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke]);
const FILLS = new Set<number>([OPS.fill, OPS.eoFill]);
const BOTH = new Set<number>([OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

interface GraphicsState {
  ctm: Matrix;
  strokeVisible: boolean;
  fillVisible: boolean;
}

type Point = [number, number];

/**
 * Ruling lines of a page from its operator list: stroked segments and thin filled rectangles, in page
 * coordinates. Strokes and fills that cannot be seen (white, fully transparent) are dropped.
 */
export async function readRules(page: PdfPage, viewport: Matrix, settings = DEFAULT_RULE_SETTINGS): Promise<Rule[]> {
  const ops = await page.getOperatorList();
  const rules: Rule[] = [];
  const stack: GraphicsState[] = [];
  let gs: GraphicsState = { ctm: IDENTITY, strokeVisible: true, fillVisible: true };
  const toPage = (x: number, y: number): Point => apply(multiply(gs.ctm, viewport), x, y);

  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    switch (fn) {
      case OPS.save: stack.push({ ...gs }); break;
      case OPS.restore: gs = stack.pop() ?? gs; break;
      case OPS.transform: gs.ctm = multiply(args as number[], gs.ctm); break;
      case OPS.paintFormXObjectBegin:
        stack.push({ ...gs });
        if (Array.isArray(args[0])) gs.ctm = multiply(args[0] as number[], gs.ctm);
        break;
      case OPS.paintFormXObjectEnd: gs = stack.pop() ?? gs; break;
      case OPS.setStrokeRGBColor: case OPS.setStrokeGray: case OPS.setStrokeCMYKColor: case OPS.setStrokeColor:
        gs.strokeVisible = !isWhite(args); break;
      case OPS.setFillRGBColor: case OPS.setFillGray: case OPS.setFillCMYKColor: case OPS.setFillColor:
        gs.fillVisible = !isWhite(args); break;
      case OPS.setGState: applyGState(gs, args[0]); break;
      case OPS.constructPath: {
        const [paint, [data]] = args as [number, [ArrayLike<number> | null]];
        if (!data) break;
        const subpaths = toSubpaths(data, toPage);
        // A line width of 0 is the thinnest visible line in PDF (a hairline), not an invisible one; what
        // has no extent at all (zero-length segments) is dropped in segmentRule.
        const stroke = (STROKES.has(paint) || BOTH.has(paint)) && gs.strokeVisible;
        const fill = (FILLS.has(paint) || BOTH.has(paint)) && gs.fillVisible;
        for (const sp of subpaths) {
          if (stroke) strokeRules(sp, settings, rules);
          if (fill) fillRules(sp, settings, rules);
        }
        break;
      }
    }
  }
  return rules;
}

function isWhite(args: unknown[]): boolean {
  const a = args[0];
  if (typeof a === 'string') return /^#?f{6}$/i.test(a);
  const nums = (args as number[]).map(Number);
  if (nums.length === 1) return nums[0] >= 0.99;            // gray
  if (nums.length === 3) return nums.every(v => v >= 0.99 || v >= 254); // rgb (0–1 or 0–255)
  if (nums.length === 4) return nums.every(v => v <= 0.01); // cmyk
  return false;
}

function applyGState(gs: GraphicsState, entries: unknown): void {
  if (!Array.isArray(entries)) return;
  for (const [key, value] of entries as [string, unknown][]) {
    if (key === 'CA' && Number(value) === 0) gs.strokeVisible = false;
    if (key === 'ca' && Number(value) === 0) gs.fillVisible = false;
  }
}

/** Split path data into polylines of page-space points; curves only move the pen. */
function toSubpaths(data: ArrayLike<number>, toPage: (x: number, y: number) => Point): Point[][] {
  const subpaths: Point[][] = [];
  let current: Point[] = [];
  for (let k = 0; k < data.length;) {
    const code = data[k++];
    if (code === MOVE_TO) {
      if (current.length > 1) subpaths.push(current);
      current = [toPage(data[k], data[k + 1])]; k += 2;
    } else if (code === LINE_TO) {
      current.push(toPage(data[k], data[k + 1])); k += 2;
    } else if (code === CURVE_TO) {
      if (current.length > 1) subpaths.push(current);
      current = [toPage(data[k + 4], data[k + 5])]; k += 6;
    } else if (code === QUAD_TO) {
      if (current.length > 1) subpaths.push(current);
      current = [toPage(data[k + 2], data[k + 3])]; k += 4;
    } else if (code === CLOSE) {
      if (current.length > 1) current.push(current[0]);
    } else break;
  }
  if (current.length > 1) subpaths.push(current);
  return subpaths;
}

function strokeRules(points: Point[], s: RuleSettings, out: Rule[]): void {
  for (let k = 1; k < points.length; k++) {
    const rule = segmentRule(points[k - 1], points[k], s);
    if (rule) out.push(rule);
  }
}

/** A filled shape: a thin rectangle is one line; a larger box contributes its four edges. */
function fillRules(points: Point[], s: RuleSettings, out: Rule[]): void {
  const xs = points.map(p => p[0]), ys = points.map(p => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), top = Math.min(...ys), bottom = Math.max(...ys);
  const w = x1 - x0, h = bottom - top;
  if (!isAxisAlignedBox(points, s.axisTolerancePt)) return;
  if (h <= s.maxLineThicknessPt && w >= s.minRuleLengthPt) {
    out.push({ x0, x1, top: (top + bottom) / 2, bottom: (top + bottom) / 2, orientation: 'h' });
  } else if (w <= s.maxLineThicknessPt && h >= s.minRuleLengthPt) {
    out.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, top, bottom, orientation: 'v' });
  } else if (w > s.maxLineThicknessPt && h > s.maxLineThicknessPt) {
    out.push({ x0, x1, top, bottom: top, orientation: 'h' }, { x0, x1, top: bottom, bottom, orientation: 'h' });
    out.push({ x0, x1: x0, top, bottom, orientation: 'v' }, { x0: x1, x1, top, bottom, orientation: 'v' });
  }
}

function isAxisAlignedBox(points: Point[], tol: number): boolean {
  for (let k = 1; k < points.length; k++) {
    const dx = Math.abs(points[k][0] - points[k - 1][0]), dy = Math.abs(points[k][1] - points[k - 1][1]);
    if (dx > tol && dy > tol) return false;
  }
  return true;
}

function segmentRule(a: Point, b: Point, s: RuleSettings): Rule | null {
  const dx = Math.abs(a[0] - b[0]), dy = Math.abs(a[1] - b[1]);
  if (dy <= s.axisTolerancePt && dx >= s.minRuleLengthPt) {
    const y = (a[1] + b[1]) / 2;
    return { x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), top: y, bottom: y, orientation: 'h' };
  }
  if (dx <= s.axisTolerancePt && dy >= s.minRuleLengthPt) {
    const x = (a[0] + b[0]) / 2;
    return { x0: x, x1: x, top: Math.min(a[1], b[1]), bottom: Math.max(a[1], b[1]), orientation: 'v' };
  }
  return null;
}
