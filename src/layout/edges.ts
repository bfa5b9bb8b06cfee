import { clusterValues } from '../model/geometry.js';
import type { Rule } from '../model/page.js';

/** A ruling line after snapping and joining: at `pos` across its axis, from `from` to `to` along it. */
export interface Edge {
  orientation: 'h' | 'v';
  pos: number;
  from: number;
  to: number;
}

const posOf = (r: Rule): number => (r.orientation === 'h' ? r.top : r.x0);
const fromOf = (r: Rule): number => (r.orientation === 'h' ? r.x0 : r.top);
const toOf = (r: Rule): number => (r.orientation === 'h' ? r.x1 : r.bottom);

/**
 * Snap rule pieces to shared positions and join collinear pieces that touch or nearly touch
 * (exporters draw one piece per cell side, or a doubled line a point apart).
 */
export function rulesToEdges(rules: readonly Rule[], orientation: 'h' | 'v', snapPt: number, joinPt: number): Edge[] {
  const mine = rules.filter(r => r.orientation === orientation);
  const centers = clusterValues(mine.map(posOf), snapPt);
  const byPos = new Map<number, [number, number][]>();
  for (const r of mine) {
    const p = posOf(r);
    const c = centers.reduce((best, v) => (Math.abs(v - p) < Math.abs(best - p) ? v : best), centers[0]);
    (byPos.get(c) ?? byPos.set(c, []).get(c)!).push([fromOf(r), toOf(r)]);
  }
  const edges: Edge[] = [];
  for (const [pos, spans] of byPos) {
    spans.sort((a, b) => a[0] - b[0]);
    let [from, to] = spans[0];
    for (const [a, b] of spans.slice(1)) {
      if (a <= to + joinPt) to = Math.max(to, b);
      else { edges.push({ orientation, pos, from, to }); [from, to] = [a, b]; }
    }
    edges.push({ orientation, pos, from, to });
  }
  return edges.sort((a, b) => a.pos - b.pos || a.from - b.from);
}

/** Share of [from, to] covered by edges lying at `pos` (within tolerance). */
export function coverage(edges: readonly Edge[], pos: number, from: number, to: number, tolerancePt: number): number {
  const len = to - from;
  if (len <= 0) return 0;
  let covered = 0;
  const spans = edges.filter(e => Math.abs(e.pos - pos) <= tolerancePt).map(e => [Math.max(e.from, from), Math.min(e.to, to)] as const)
    .filter(([a, b]) => b > a).sort((a, b) => a[0] - b[0]);
  let reach = from;
  for (const [a, b] of spans) {
    if (b <= reach) continue;
    covered += b - Math.max(a, reach);
    reach = b;
  }
  return covered / len;
}

