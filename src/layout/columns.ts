import { clusterValues, groupByInterval } from '../model/geometry.js';
import type { TextRun } from '../model/page.js';
import type { Edge } from './edges.js';
import type { LayoutSettings } from './settings.js';
import { splitRun } from './tokens.js';

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
  if (xs[0] - x0 > 3 * s.snapTolerancePt) xs.unshift(x0);
  if (x1 - xs[xs.length - 1] > 3 * s.snapTolerancePt) xs.push(x1);
  return xs;
}

/**
 * Column boundaries for tables without vertical rules: the x-extents of body tokens and of the
 * lowest-level header labels, merged where they overlap; boundaries fall midway between them.
 */
export function openColumns(bodyRuns: readonly TextRun[], headerLeafRuns: readonly TextRun[], s: LayoutSettings): number[] {
  const pieces = [...bodyRuns.flatMap(splitRun), ...headerLeafRuns];
  if (!pieces.length) return [];
  const em = pieces.reduce((a, p) => a + p.fontSize, 0) / pieces.length;
  const groups = groupByInterval(pieces, p => p.x0, p => p.x1, 0.35 * em * s.columnGapEm);
  const spans = groups.map(g => [Math.min(...g.map(p => p.x0)), Math.max(...g.map(p => p.x1))] as const);
  const xs = [spans[0][0] - 1];
  for (let i = 1; i < spans.length; i++) xs.push((spans[i - 1][1] + spans[i][0]) / 2);
  xs.push(spans[spans.length - 1][1] + 1);
  return xs;
}
