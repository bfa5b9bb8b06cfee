/** One coordinate convention for the whole pipeline: PDF points, origin top-left, y growing downwards. */
export interface Box {
  x0: number;
  top: number;
  x1: number;
  bottom: number;
}

export type Axis = 'x' | 'y';

export const width = (b: Box): number => b.x1 - b.x0;
export const height = (b: Box): number => b.bottom - b.top;
export const midX = (b: Box): number => (b.x0 + b.x1) / 2;
export const midY = (b: Box): number => (b.top + b.bottom) / 2;

/** Start and end of a box along one axis, so horizontal and vertical logic is written once. */
export const lo = (b: Box, axis: Axis): number => (axis === 'x' ? b.x0 : b.top);
export const hi = (b: Box, axis: Axis): number => (axis === 'x' ? b.x1 : b.bottom);
export const other = (axis: Axis): Axis => (axis === 'x' ? 'y' : 'x');

/** Length of the overlap of [a0,a1] and [b0,b1]; negative when they are apart. */
export const overlap = (a0: number, a1: number, b0: number, b1: number): number => Math.min(a1, b1) - Math.max(a0, b0);

export function union(boxes: readonly Box[]): Box {
  let x0 = Infinity, top = Infinity, x1 = -Infinity, bottom = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x0); top = Math.min(top, b.top);
    x1 = Math.max(x1, b.x1); bottom = Math.max(bottom, b.bottom);
  }
  return { x0, top, x1, bottom };
}

/**
 * Cluster sorted-or-not numbers: values closer than `tolerance` to the previous value of a cluster
 * join it. Returns each cluster's mean, ascending.
 */
export function clusterValues(values: readonly number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const means: number[] = [];
  let sum = 0, n = 0, last = -Infinity;
  for (const v of sorted) {
    if (n > 0 && v - last > tolerance) { means.push(sum / n); sum = 0; n = 0; }
    sum += v; n++; last = v;
  }
  if (n > 0) means.push(sum / n);
  return means;
}

/** Group items whose intervals overlap (after widening by `tolerance`) into runs, in ascending order. */
export function groupByInterval<T>(items: readonly T[], start: (t: T) => number, end: (t: T) => number, tolerance = 0): T[][] {
  const sorted = [...items].sort((a, b) => start(a) - start(b));
  const groups: T[][] = [];
  let reach = -Infinity;
  for (const it of sorted) {
    if (groups.length && start(it) <= reach + tolerance) {
      groups[groups.length - 1].push(it);
      reach = Math.max(reach, end(it));
    } else {
      groups.push([it]);
      reach = end(it);
    }
  }
  return groups;
}

/** Index of the interval [bounds[i], bounds[i+1]) that holds v, or -1. */
export function bandIndex(bounds: readonly number[], v: number): number {
  for (let i = 0; i + 1 < bounds.length; i++) if (v >= bounds[i] && v < bounds[i + 1]) return i;
  return -1;
}

export const median = (xs: readonly number[]): number => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** A box as the output contract writes it: [x0, top, x1, bottom], rounded to 0.1 pt. */
export type BboxTuple = [number, number, number, number];

const tenth = (v: number): number => Math.round(v * 10) / 10;

/**
 * The box in the page's displayed orientation: mapped through `transform` (an affine [a,b,c,d,e,f],
 * when the page was read turned) and rounded to 0.1 pt.
 */
export function toBbox(b: Box, transform?: readonly number[]): BboxTuple {
  if (!transform) return [tenth(b.x0), tenth(b.top), tenth(b.x1), tenth(b.bottom)];
  const [a, bb, c, d, e, f] = transform;
  const xs: number[] = [], ys: number[] = [];
  for (const [x, y] of [[b.x0, b.top], [b.x1, b.top], [b.x0, b.bottom], [b.x1, b.bottom]] as const) {
    xs.push(a * x + c * y + e); ys.push(bb * x + d * y + f);
  }
  return [tenth(Math.min(...xs)), tenth(Math.min(...ys)), tenth(Math.max(...xs)), tenth(Math.max(...ys))];
}

/** The smallest box holding both (either may be null). */
export function unionBbox(a: BboxTuple | null, b: BboxTuple | null): BboxTuple | null {
  if (!a || !b) return a ?? b;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}
