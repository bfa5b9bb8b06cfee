import { bandIndex } from '../model/geometry.js';
import type { TextRun } from '../model/page.js';
import { joinLines } from './joinText.js';
import { toLines } from './textLines.js';
import type { LayoutSettings, LineSettings } from './settings.js';
import { splitRun } from './tokens.js';

/**
 * Which column a run belongs to; a run crossing column boundaries is split into its pieces first.
 * `drawn(k)` says whether boundary xs[k] separates cells in this row: where it does not (a merged
 * cell, like a 合计 label spanning the code and name columns), a run crossing it stays whole and goes
 * to the column under its centre.
 */
export function runsToColumns(runs: readonly TextRun[], xs: readonly number[], drawn: (k: number) => boolean, s: LayoutSettings): TextRun[][] {
  const cols: TextRun[][] = Array.from({ length: Math.max(0, xs.length - 1) }, () => []);
  const columnOf = (x: number): number => {
    if (x < xs[0]) return 0;
    if (x >= xs[xs.length - 1]) return cols.length - 1;
    return bandIndex(xs, x);
  };
  // Each column's span end: the last column reached without crossing a drawn boundary.
  const spanEnd = cols.map((_, c) => { let e = c; while (e + 1 < cols.length && !drawn(e + 1)) e++; return e; });
  for (const run of runs) {
    const slack = run.fontSize * s.boundaryOverhangEm;
    const c0 = columnOf(run.x0 + slack), c1 = columnOf(run.x1 - slack);
    if (c1 <= c0 || spanEnd[c0] >= c1) { cols[columnOf((run.x0 + run.x1) / 2)]?.push(run); continue; }
    for (const piece of splitRun(run)) cols[columnOf((piece.x0 + piece.x1) / 2)]?.push(piece);
  }
  return cols;
}

/** The text of one cell: its runs grouped into printed lines, read top to bottom, left to right. */
export function cellText(runs: readonly TextRun[], s: LineSettings): string {
  if (!runs.length) return '';
  return joinLines(toLines(runs, s).map(l => l.runs.map(r => r.text)));
}
