import { type Box, union } from '../model/geometry.js';
import type { TextRun } from '../model/page.js';
import { coverage, type Edge } from './edges.js';
import { cellText } from './cells.js';
import { squash } from './joinText.js';
import type { LayoutSettings } from './settings.js';

/** A header label and the columns it covers (inclusive). */
export interface HeaderCell {
  c0: number;
  c1: number;
  top: number;
  text: string;
  /** Where its text is printed (the union of its runs). */
  box?: Box;
}

const center = (r: TextRun): [number, number] => [(r.x0 + r.x1) / 2, (r.top + r.bottom) / 2];

/**
 * Header cells of a ruled header: atomic cells between rules, merged across every side that has no
 * rule drawn along it (pdfplumber's edges → cells idea, with spans).
 */
export function ruledHeaderCells(runs: readonly TextRun[], ys: readonly number[], xs: readonly number[],
  hEdges: readonly Edge[], vEdges: readonly Edge[], s: LayoutSettings): HeaderCell[] {
  const R = ys.length - 1, C = xs.length - 1;
  if (R < 1 || C < 1) return [];
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const join = (a: number, b: number): void => { parent[find(a)] = find(b); };
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) {
    if (c + 1 < C && coverage(vEdges, xs[c + 1], ys[r], ys[r + 1], s.snapTolerancePt) < s.minBoundaryCoverage) join(r * C + c, r * C + c + 1);
    if (r + 1 < R && coverage(hEdges, ys[r + 1], xs[c], xs[c + 1], s.snapTolerancePt) < s.minBoundaryCoverage) join(r * C + c, (r + 1) * C + c);
  }
  const groups = new Map<number, { r0: number; c0: number; c1: number; members: Set<number> }>();
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) {
    const g = find(r * C + c);
    const cur = groups.get(g) ?? { r0: r, c0: c, c1: c, members: new Set<number>() };
    cur.r0 = Math.min(cur.r0, r); cur.c0 = Math.min(cur.c0, c); cur.c1 = Math.max(cur.c1, c);
    cur.members.add(r * C + c);
    groups.set(g, cur);
  }
  const byGroup = new Map<number, TextRun[]>();
  for (const run of runs) {
    const [x, y] = center(run);
    const c = xs.findIndex((v, i) => i < C && x >= v && x < xs[i + 1]);
    const r = ys.findIndex((v, i) => i < R && y >= v && y < ys[i + 1]);
    if (c < 0 || r < 0) continue;
    const g = find(r * C + c);
    (byGroup.get(g) ?? byGroup.set(g, []).get(g)!).push(run);
  }
  const cells: HeaderCell[] = [];
  for (const [g, info] of groups) {
    const text = cellText(byGroup.get(g) ?? [], s);
    if (text) cells.push({ c0: info.c0, c1: info.c1, top: ys[info.r0], text, box: union(byGroup.get(g)!) });
  }
  return cells;
}

/**
 * Header cells of a header without vertical rules: labels stacked in a narrow column are one label; a
 * label spans the columns under the rule drawn beneath it, or else the columns its text covers.
 */
export function openHeaderCells(runs: readonly TextRun[], xs: readonly number[], hEdges: readonly Edge[], s: LayoutSettings): HeaderCell[] {
  const stacks = stackLabels(runs, hEdges, s);
  const C = xs.length - 1;
  const own = stacks.map(stack => {
    const x0 = Math.min(...stack.map(r => r.x0)), x1 = Math.max(...stack.map(r => r.x1));
    const bottom = Math.max(...stack.map(r => r.bottom)), em = stack[0].fontSize;
    const under = hEdges.find(e => e.pos > bottom - s.touchSlackPt && e.pos < bottom + s.headerUnderlineReachEm * em && e.from <= (x0 + x1) / 2 && e.to >= (x0 + x1) / 2 && e.to - e.from > x1 - x0);
    const [lo, hi] = under ? [under.from, under.to] : [x0 - s.headerLabelReachEm * em, x1 + s.headerLabelReachEm * em];
    let covered: number[] = [];
    for (let c = 0; c < C; c++) { const m = (xs[c] + xs[c + 1]) / 2; if (m >= lo && m <= hi) covered.push(c); }
    if (!covered.length) {
      const m = (x0 + x1) / 2;
      covered = [xs.findIndex((v, i) => i < C && m >= v && m < xs[i + 1])].filter(c => c >= 0);
    }
    return { stack, covered, ruled: !!under };
  });
  // Without a rule under it, an upper label spans the columns of the labels printed below it.
  const parents = parentLabels(stacks, s);
  for (let i = own.length - 1; i >= 0; i--) {
    const p = parents[i];
    if (p !== null && !own[p].ruled) own[p].covered.push(...own[i].covered);
  }
  const cells: HeaderCell[] = [];
  for (const { stack, covered } of own) {
    if (!covered.length) continue;
    cells.push({ c0: Math.min(...covered), c1: Math.max(...covered), top: Math.min(...stack.map(r => r.top)), text: cellText(stack, s), box: union(stack) });
  }
  return cells;
}

/**
 * The label printed above each label, for headers of stacked levels: the nearest label (by horizontal
 * distance) whose bottom lies clearly above its top. A label centred over the whole header height
 * (项目, 科目名称) reaches into the lower line, so it is nobody's parent.
 */
function parentLabels(stacks: readonly TextRun[][], s: LayoutSettings): (number | null)[] {
  const box = stacks.map(st => ({
    x0: Math.min(...st.map(r => r.x0)), x1: Math.max(...st.map(r => r.x1)),
    top: Math.min(...st.map(r => r.top)), bottom: Math.max(...st.map(r => r.bottom)), em: st[0].fontSize,
  }));
  return box.map((c, i) => {
    let best: number | null = null, bestDist = Infinity;
    box.forEach((p, j) => {
      if (j === i || p.bottom > c.top - s.parentClearanceEm * c.em || c.top - p.bottom > s.parentReachEm * c.em) return;
      const dist = Math.max(0, p.x0 - c.x1, c.x0 - p.x1);
      if (dist < bestDist) { best = j; bestDist = dist; }
    });
    return best;
  });
}

/** Runs that stack vertically in one narrow column (a header word wrapped line by line). */
export function stackLabels(runs: readonly TextRun[], hEdges: readonly Edge[], s: LayoutSettings): TextRun[][] {
  const sorted = [...runs].sort((a, b) => a.top - b.top);
  const stacks: TextRun[][] = [];
  for (const r of sorted) {
    const home = stacks.find(st => {
      const last = st[st.length - 1];
      const ov = Math.min(last.x1, r.x1) - Math.max(last.x0, r.x0);
      const narrow = Math.min(last.x1 - last.x0, r.x1 - r.x0);
      const gap = r.top - last.bottom;
      if (!(ov >= s.stackOverlapShare * narrow && gap <= s.stackGapEm * r.fontSize && gap > -s.stackOverlapEm * r.fontSize)) return false;
      // A rule drawn between them closes the upper label: the lower one is the next header level.
      const mid = (Math.max(last.x0, r.x0) + Math.min(last.x1, r.x1)) / 2;
      if (hEdges.some(e => e.pos >= last.bottom - s.touchSlackPt && e.pos <= r.top + s.touchSlackPt && e.from <= mid && e.to >= mid)) return false;
      // Several labels side by side under it are the next header level (类 款 项), not its wrap.
      const reach = s.besideReachEm * r.fontSize;
      const x0 = Math.min(...st.map(t => t.x0)) - reach, x1 = Math.max(...st.map(t => t.x1)) + reach;
      const sideBySide = sorted.filter(o => Math.min(o.bottom, r.bottom) - Math.max(o.top, r.top) > s.besideOverlapEm * r.fontSize && o.x1 > x0 && o.x0 < x1);
      return sideBySide.length < 2;
    });
    if (home) home.push(r); else stacks.push([r]);
  }
  return stacks;
}

/** Leaf labels: those with no other label below them inside their extent (used to seed open columns). */
export function leafLabels(runs: readonly TextRun[], hEdges: readonly Edge[], s: LayoutSettings): TextRun[] {
  const stacks = stackLabels(runs, hEdges, s);
  return stacks.filter(st => {
    const x0 = Math.min(...st.map(r => r.x0)), x1 = Math.max(...st.map(r => r.x1)), bottom = Math.max(...st.map(r => r.bottom));
    const below = stacks.filter(o => o !== st && Math.min(...o.map(r => r.top)) >= bottom - s.touchSlackPt &&
      (Math.min(...o.map(r => r.x0)) + Math.max(...o.map(r => r.x1))) / 2 >= x0 && (Math.min(...o.map(r => r.x0)) + Math.max(...o.map(r => r.x1))) / 2 <= x1);
    return below.length < 2;
  }).flat();
}

/** A quote mark with no partner ("”总计", a speck read as a quote on scans) is not part of a label. */
export function dropStrayQuotes(label: string): string {
  const open = (label.match(/[“‘]/g) ?? []).length, close = (label.match(/[”’]/g) ?? []).length;
  return open === close ? label : label.replace(/[“”‘’]/g, '');
}

/** Each column's header path, top to bottom, whitespace removed, repeated labels (row spans) once. */
export function columnPaths(cells: readonly HeaderCell[], ncols: number): string[][] {
  const paths: string[][] = [];
  for (let c = 0; c < ncols; c++) {
    const texts = cells.filter(h => h.c0 <= c && h.c1 >= c).sort((a, b) => a.top - b.top).map(h => dropStrayQuotes(squash(h.text)));
    paths.push(texts.filter((t, i) => t && t !== texts[i - 1]));
  }
  return paths;
}
