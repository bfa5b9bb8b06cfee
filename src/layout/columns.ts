import { UNMISTAKABLE_AMOUNT } from '../model/amounts.js';
import { clusterValues, groupByInterval } from '../model/geometry.js';
import type { TextRun } from '../model/page.js';
import type { Edge } from './edges.js';
import type { LayoutSettings } from './settings.js';
import { splitRun } from './tokens.js';

/** A run holding an amount and the next cell's label ("3,385.08 201 一般公共服务支出") is two cells. */
function splitAtAmounts(run: TextRun): TextRun[] {
  const pieces = splitRun(run);
  if (pieces.length < 2 || !pieces.some(p => UNMISTAKABLE_AMOUNT.test(p.text))) return [run];
  const out: TextRun[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && !UNMISTAKABLE_AMOUNT.test(p.text) && !UNMISTAKABLE_AMOUNT.test(last.text)) out[out.length - 1] = { ...last, text: `${last.text} ${p.text}`, x1: p.x1 };
    else out.push(p);
  }
  return out;
}

/**
 * Column boundaries from vertical rules: positions where rules run for a meaningful length inside the
 * table. Returns null when the table is not ruled vertically (fewer than two columns drawn).
 */
export function ruledColumns(vEdges: readonly Edge[], x0: number, x1: number, minLengthPt: number, s: LayoutSettings): number[] | null {
  const inside = vEdges.filter(e => e.pos >= x0 - s.snapTolerancePt && e.pos <= x1 + s.snapTolerancePt);
  const length = new Map<number, number>();
  const positions = clusterValues(inside.map(e => e.pos), s.snapTolerancePt);
  for (const e of inside) {
    const p = positions.reduce((b, v) => (Math.abs(v - e.pos) < Math.abs(b - e.pos) ? v : b), positions[0]);
    length.set(p, (length.get(p) ?? 0) + (e.to - e.from));
  }
  const xs = positions.filter(p => (length.get(p) ?? 0) >= minLengthPt);
  if (xs.length < 3) return null;
  if (xs[0] - x0 > s.sideColumnSnaps * s.snapTolerancePt) xs.unshift(x0);
  if (x1 - xs[xs.length - 1] > s.sideColumnSnaps * s.snapTolerancePt) xs.push(x1);
  return xs;
}

/**
 * Column boundaries for tables without vertical rules. Columns are the stretches of x that body text
 * occupies; the white gaps between them run down the table. Header labels wider than their column must
 * not bridge those gaps, so a label only matters where no body text lies under it: then it either
 * belongs to the unlabelled figures just to its right (figures are right-aligned, so their column
 * reaches left to the label) or it marks a column left empty in this table.
 */
export function openColumns(bodyRuns: readonly TextRun[], headerLeafRuns: readonly TextRun[]): number[] {
  const body = bodyRuns.flatMap(splitAtAmounts);
  const spans = groupByInterval(body, p => p.x0, p => p.x1, 0).map(g => ({
    x0: Math.min(...g.map(p => p.x0)), x1: Math.max(...g.map(p => p.x1)),
    figures: g.filter(p => UNMISTAKABLE_AMOUNT.test(p.text.trim())).length > g.length / 2,
    labelled: false,
  }));
  const free: TextRun[] = [];
  for (const label of headerLeafRuns) {
    const under = spans.filter(sp => Math.min(sp.x1, label.x1) - Math.max(sp.x0, label.x0) > 0);
    if (under.length) under.forEach(sp => { sp.labelled = true; }); else free.push(label);
  }
  const extra: { x0: number; x1: number }[] = [];
  for (const label of free.sort((a, b) => a.x0 - b.x0)) {
    const right = spans.filter(sp => sp.x0 >= label.x1).sort((a, b) => a.x0 - b.x0)[0];
    const between = free.some(o => o !== label && o.x0 >= label.x1 && right && o.x1 <= right.x0);
    if (right && right.figures && !right.labelled && !between) { right.x0 = label.x0; right.labelled = true; }
    else extra.push({ x0: label.x0, x1: label.x1 });
  }
  const all = groupByInterval([...spans, ...extra], p => p.x0, p => p.x1, 0)
    .map(g => [Math.min(...g.map(p => p.x0)), Math.max(...g.map(p => p.x1))] as const);
  if (!all.length) return [];
  const xs = [all[0][0] - 1];
  for (let i = 1; i < all.length; i++) xs.push((all[i - 1][1] + all[i][0]) / 2);
  xs.push(all[all.length - 1][1] + 1);
  return xs;
}
