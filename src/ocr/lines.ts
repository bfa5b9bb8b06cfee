/**
 * Ruling lines of a scanned page, found on its binarised image: ink runs along rows are linked
 * across neighbouring rows into thin components (a slightly skewed line is a staircase of runs, so
 * this tolerates skew), thin long components are rules. Vertical lines are the same search on the
 * transposed image, so the logic is written once. Works in pixels; the caller converts to points.
 */
import { transpose, type BinaryImage, type GrayImage } from './image.js';

export type Orientation = 'h' | 'v';

/** Settings in points; converted to pixels with the render scale. */
export interface LineSettings {
  /** Width of the band beside a line in which ink is measured (see Segment.sideInk). */
  sideBandPt: number;
  /** Segments with more ink than this share beside them are text, not rules. */
  maxSideInk: number;
  /** Shortest ink run within one row that can belong to a rule. */
  minRunPt: number;
  /** Paper gaps up to this long inside a run are bridged (noise, faded scan lines). */
  maxRunGapPt: number;
  /** Runs in rows up to this far apart may belong to one line. */
  maxRowGapPt: number;
  /** Components whose mean thickness exceeds this are glyphs or filled areas. */
  maxThicknessPt: number;
  /** A rule standing alone must be at least this long. */
  minFreeRuleLengthPt: number;
  /** A rule with both ends on perpendicular rules may be as short as this (cell edges). */
  minJoinedRuleLengthPt: number;
  /**
   * How far beyond a perpendicular rule's edge an end may stop and still touch it. Small: glyph
   * strokes in tight rows stop 1.5–3 pt short of the rules, real cell edges run into them.
   */
  joinTolerancePt: number;
  /** Collinear pieces closer than this along their axis (and this across) are one rule. */
  mergeGapPt: number;
  /**
   * A cell edge with both ends on perpendicular rules may have up to this share of ink beside it: in a
   * crowded header the glyphs stand right against the rule on one side (text strokes have far more).
   */
  maxJoinedSideInk: number;
  /**
   * A cell edge that meets a perpendicular rule at one end and runs at least minBridgedRuleLengthPt may stop
   * short of the rule at its other end by up to maxEndGapShare of its length (a faded scan loses the last
   * points of a grey rule); it is drawn on to that rule.
   */
  minBridgedRuleLengthPt: number;
  maxEndGapShare: number;
  /**
   * Such an edge also meets a perpendicular rule where it ends in a gap of at most this many points between
   * two pieces of that rule (a faded stretch of it).
   */
  maxFadedGapPt: number;
}

export const DEFAULT_LINE_SETTINGS: LineSettings = {
  sideBandPt: 1.5,
  maxSideInk: 0.2,
  minRunPt: 6,
  maxRunGapPt: 1,
  maxRowGapPt: 0.75,
  maxThicknessPt: 2.5,
  minFreeRuleLengthPt: 40,
  minJoinedRuleLengthPt: 8,
  joinTolerancePt: 1,
  mergeGapPt: 1.5,
  maxJoinedSideInk: 0.4,
  minBridgedRuleLengthPt: 20,
  maxEndGapShare: 0.2,
  maxFadedGapPt: 16,
};

/** A line candidate in the pixel frame of the original (not transposed) image. */
export interface Segment {
  orientation: Orientation;
  /** Extent along the line. */
  start: number;
  end: number;
  /** Mean position across the line (y of a horizontal line, x of a vertical one). */
  across: number;
  /** Mean thickness in pixels (ink pixels / length). */
  thickness: number;
  /**
   * Share of ink in the bands just beside the line, on its inkier side. A rule has paper beside it;
   * the bottom strokes of a line of CJK text line up like a rule but have the glyphs above them.
   */
  sideInk: number;
  /** Across-axis drift per pixel along the axis (dy/dx of a horizontal line). */
  slope: number;
  /** The ink runs that make it: [row, from, to) triples, row-major in its own frame. */
  runs: number[];
}

interface Component {
  start: number; end: number; lastRow: number; lastStart: number; lastEnd: number;
  n: number; sx: number; sy: number; sxx: number; sxy: number;
  runs: number[]; merged: Component | null;
}

const root = (c: Component): Component => { while (c.merged) c = c.merged; return c; };

/** Thin components along rows of `img` (horizontal in its own frame). Pixel settings. */
function rowComponents(img: BinaryImage, minRun: number, maxGap: number, maxRowGap: number): Component[] {
  const { width: w, height: h, data } = img;
  const all: Component[] = [];
  let active: Component[] = [];
  for (let y = 0; y < h; y++) {
    const rowRuns = runsOfRow(data, y * w, w, minRun, maxGap);
    active = active.filter(c => !c.merged && y - c.lastRow <= maxRowGap + 1);
    // Compare with each component's extent in its latest earlier row, not with this row's runs.
    const refs = active.map(c => ({ c, start: c.lastStart, end: c.lastEnd }));
    const born: Component[] = [];
    for (const [from, to] of rowRuns) {
      let owner: Component | null = null;
      for (const ref of refs) {
        if (Math.min(to, ref.end) - Math.max(from, ref.start) < -1) continue;
        const c = root(ref.c);
        if (!owner) owner = c;
        else if (c !== owner) mergeInto(owner, c);
      }
      if (!owner) {
        owner = { start: from, end: to, lastRow: -1, lastStart: from, lastEnd: to, n: 0, sx: 0, sy: 0, sxx: 0, sxy: 0, runs: [], merged: null };
        all.push(owner); born.push(owner);
      }
      addRun(owner, y, from, to);
    }
    for (const c of born) if (!c.merged) active.push(c);
  }
  return all.filter(c => !c.merged);
}

/** Runs of ink in one row at least `minRun` long, bridging gaps of up to `maxGap` pixels. */
function runsOfRow(data: Uint8Array, base: number, w: number, minRun: number, maxGap: number): [number, number][] {
  const runs: [number, number][] = [];
  let x = 0;
  while (x < w) {
    while (x < w && data[base + x] === 0) x++;
    if (x >= w) break;
    const from = x;
    let last = x;
    while (x < w && x - last <= maxGap + 1) { if (data[base + x]) last = x; x++; }
    x = last + 1;
    if (x - from >= minRun) runs.push([from, x]);
  }
  return runs;
}

function addRun(c: Component, y: number, from: number, to: number): void {
  const n = to - from, sumX = (n * (from + to - 1)) / 2;
  // Σx² over from..to-1
  const sq = (k: number): number => ((k - 1) * k * (2 * k - 1)) / 6;
  c.n += n; c.sx += sumX; c.sy += n * y; c.sxx += sq(to) - sq(from); c.sxy += y * sumX;
  c.start = Math.min(c.start, from); c.end = Math.max(c.end, to);
  if (c.lastRow === y) { c.lastStart = Math.min(c.lastStart, from); c.lastEnd = Math.max(c.lastEnd, to); }
  else { c.lastRow = y; c.lastStart = from; c.lastEnd = to; }
  c.runs.push(y, from, to);
}

function mergeInto(a: Component, b: Component): void {
  a.n += b.n; a.sx += b.sx; a.sy += b.sy; a.sxx += b.sxx; a.sxy += b.sxy;
  a.start = Math.min(a.start, b.start); a.end = Math.max(a.end, b.end);
  if (b.lastRow > a.lastRow) { a.lastRow = b.lastRow; a.lastStart = b.lastStart; a.lastEnd = b.lastEnd; }
  else if (b.lastRow === a.lastRow) { a.lastStart = Math.min(a.lastStart, b.lastStart); a.lastEnd = Math.max(a.lastEnd, b.lastEnd); }
  for (const r of b.runs) a.runs.push(r);
  b.merged = a; b.runs = [];
}

function toSegment(c: Component, orientation: Orientation, img: BinaryImage, bandPx: number): Segment {
  const meanX = c.sx / c.n, meanY = c.sy / c.n;
  const varX = c.sxx / c.n - meanX * meanX;
  const slope = varX > 0 ? (c.sxy / c.n - meanX * meanY) / varX : 0;
  const thickness = c.n / (c.end - c.start);
  const sideInk = sideInkShare(img, c.start, c.end, (x: number) => meanY + slope * (x - meanX), thickness / 2 + 1, bandPx);
  return { orientation, start: c.start, end: c.end, across: meanY, thickness, sideInk, slope, runs: c.runs };
}

/** Ink share in the bands [near, near + band) pixels above and below the line y(x); the larger one. */
function sideInkShare(img: BinaryImage, start: number, end: number, y: (x: number) => number, near: number, band: number): number {
  const { width: w, height: h, data } = img;
  let above = 0, below = 0, n = 0;
  for (let x = start; x < end; x++) {
    const yc = y(x);
    for (let d = Math.ceil(near); d < near + band; d++) {
      const ya = Math.round(yc - d), yb = Math.round(yc + d);
      if (ya >= 0) above += data[ya * w + x];
      if (yb < h) below += data[yb * w + x];
      n++;
    }
  }
  return n ? Math.max(above, below) / n : 0;
}

/** Thin ink components of one orientation that are at least `minLengthPx` long. */
export function findSegments(bin: BinaryImage, orientation: Orientation, s: LineSettings, pxPerPt: number): Segment[] {
  const img = orientation === 'h' ? bin : transpose(bin);
  const minRun = Math.max(2, Math.round(s.minRunPt * pxPerPt));
  const comps = rowComponents(img, minRun, Math.round(s.maxRunGapPt * pxPerPt), Math.round(s.maxRowGapPt * pxPerPt));
  const minLength = s.minJoinedRuleLengthPt * pxPerPt, maxThickness = Math.max(2, s.maxThicknessPt * pxPerPt);
  const bandPx = Math.max(2, Math.round(s.sideBandPt * pxPerPt));
  return comps
    .filter(c => c.end - c.start >= minLength && c.n / (c.end - c.start) <= maxThickness)
    .map(c => toSegment(c, orientation, img, bandPx));
}

/**
 * Median slope of the long horizontal (and, turned, vertical) segments, as an angle in radians
 * (positive: the page content is turned clockwise on screen). Null when the page has no long lines.
 */
export function estimateSkew(segments: readonly Segment[], minLengthPx: number): number | null {
  const samples: { angle: number; weight: number }[] = [];
  for (const g of segments) {
    const length = g.end - g.start;
    if (length < minLengthPx) continue;
    // A clockwise turn makes horizontal lines fall to the right (dy/dx > 0) and vertical lines
    // lean left going down (dx/dy < 0).
    samples.push({ angle: g.orientation === 'h' ? Math.atan(g.slope) : -Math.atan(g.slope), weight: length });
  }
  if (!samples.length) return null;
  samples.sort((a, b) => a.angle - b.angle);
  const total = samples.reduce((t, s) => t + s.weight, 0);
  let acc = 0;
  for (const s of samples) { acc += s.weight; if (acc >= total / 2) return s.angle; }
  return samples[samples.length - 1].angle;
}

/**
 * Keep segments that are rules: those with paper beside them (not text strokes), long ones and shorter ones whose both ends touch kept
 * perpendicular rules (repeated until nothing changes, so a header grid of short edges is kept). A short
 * one may have more ink beside it when both its ends touch (maxJoinedSideInk), and a long enough one with
 * paper beside it may stop a little short of the rule at one end (maxEndGapShare): it is drawn on to it.
 * Collinear pieces are merged first.
 */
export function selectRules(segments: readonly Segment[], s: LineSettings, pxPerPt: number): Segment[] {
  const sideInk = Math.max(s.maxSideInk, s.maxJoinedSideInk);
  const merged = mergeCollinear(segments.filter(g => g.sideInk <= sideInk), s.mergeGapPt * pxPerPt);
  const tol = s.joinTolerancePt * pxPerPt, free = s.minFreeRuleLengthPt * pxPerPt, bridged = s.minBridgedRuleLengthPt * pxPerPt;
  const faded = s.maxFadedGapPt * pxPerPt;
  const kept = merged.filter(g => g.end - g.start >= free && g.sideInk <= s.maxSideInk);
  let pending = merged.filter(g => !kept.includes(g));
  for (let changed = true; changed && pending.length;) {
    changed = false;
    const next: Segment[] = [];
    for (const g of pending) {
      const long = g.end - g.start >= free, clean = g.sideInk <= s.maxSideInk && g.end - g.start >= bridged;
      const touch = (at: number): boolean => {
        const line = kept.filter(k => k.orientation !== g.orientation && Math.abs(k.across - at) <= tol + k.thickness / 2);
        return line.some(k => g.across >= k.start - tol && g.across <= k.end + tol)
          || (clean && line.some(a => a.end < g.across && line.some(b => b.start > g.across && b.start - a.end <= faded)));
      };
      if (!long && touch(g.start) && touch(g.end)) { kept.push(g); changed = true; continue; }
      const reach = clean ? endReach(g, kept, tol, s.maxEndGapShare * (g.end - g.start)) : null;
      if (reach) { kept.push({ ...g, ...reach }); changed = true; } else next.push(g);
    }
    pending = next;
  }
  return kept;
}

/**
 * Where `g` ends once drawn on to the perpendicular rule it stops short of at one end (by at most `gap`),
 * its other end touching one; null when it does not.
 */
function endReach(g: Segment, kept: readonly Segment[], tol: number, gap: number): { start: number; end: number } | null {
  const across = kept.filter(k => k.orientation !== g.orientation && g.across >= k.start - tol && g.across <= k.end + tol);
  const touches = (at: number): boolean => across.some(k => Math.abs(k.across - at) <= tol + k.thickness / 2);
  const startTouches = touches(g.start), endTouches = touches(g.end);
  if (startTouches === endTouches) return null;
  if (startTouches) {
    const to = across.map(k => k.across).filter(a => a > g.end && a - g.end <= gap).sort((a, b) => a - b)[0];
    return to === undefined ? null : { start: g.start, end: Math.round(to) };
  }
  const from = across.map(k => k.across).filter(a => a < g.start && g.start - a <= gap).sort((a, b) => b - a)[0];
  return from === undefined ? null : { start: Math.round(from), end: g.end };
}

/** Join pieces of one line: same orientation, across positions within `gapPx`, gap along ≤ `gapPx`. */
export function mergeCollinear(segments: readonly Segment[], gapPx: number): Segment[] {
  const out: Segment[] = [];
  const sorted = [...segments].sort((a, b) => (a.orientation < b.orientation ? -1 : a.orientation > b.orientation ? 1 : a.start - b.start));
  for (const g of sorted) {
    const host = out.find(o => o.orientation === g.orientation && Math.abs(o.across - g.across) <= gapPx && g.start - o.end <= gapPx && o.start - g.end <= gapPx);
    if (!host) { out.push({ ...g, runs: [...g.runs] }); continue; }
    const la = host.end - host.start, lb = g.end - g.start;
    host.across = (host.across * la + g.across * lb) / (la + lb);
    host.thickness = (host.thickness * la + g.thickness * lb) / (la + lb);
    host.slope = (host.slope * la + g.slope * lb) / (la + lb);
    host.start = Math.min(host.start, g.start); host.end = Math.max(host.end, g.end);
    for (const r of g.runs) host.runs.push(r);
  }
  return out;
}

/**
 * Paint the ink of `segments` white (plus `padPx` either side across the line), so the OCR engine
 * does not read ruling lines as `|`, `一` or `_`.
 */
export function eraseSegments(img: GrayImage, segments: readonly Segment[], padPx: number): void {
  const { width: w, height: h, data } = img;
  for (const g of segments) {
    for (let k = 0; k < g.runs.length; k += 3) {
      const row = g.runs[k], from = g.runs[k + 1], to = g.runs[k + 2];
      for (let r = Math.max(0, row - padPx); r <= row + padPx; r++) {
        for (let a = from; a < to; a++) {
          if (g.orientation === 'h') { if (r < h) data[r * w + a] = 255; }
          else if (r < w) data[a * w + r] = 255;
        }
      }
    }
  }
}
