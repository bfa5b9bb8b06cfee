import { FIGURE_IN_TEXT } from '../model/amounts.js';
import { bandIndex, type Box, union } from '../model/geometry.js';
import type { TextRun } from '../model/page.js';
import { joinLines, joinTraced, type Traced } from './joinText.js';
import { toLines } from './textLines.js';
import type { LayoutSettings, LineSettings } from './settings.js';
import { runSpan, splitRun } from './tokens.js';

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

/** A figure printed among a cell's words and the box of its glyphs (layout coordinates). */
export interface CellFigure { text: string; box: Box }

/**
 * Where the figures among a cell's words are printed (FIGURE_IN_TEXT, in the order it finds them in
 * `text`, the cell's text as cellText gave it): each figure's characters traced back to their runs, and
 * its box their share of those runs. Null when the cell holds no figure or is one figure alone (the cell's
 * box is then the figure's), when the trace does not give the cell's text back, and for a cell read by OCR:
 * its runs join OCR words and mend their text, so a character's place in a run is not where it is printed.
 */
export function cellFigures(runs: readonly TextRun[], text: string, s: LineSettings): CellFigure[] | null {
  const found = [...text.matchAll(FIGURE_IN_TEXT)];
  if (!found.length || (found.length === 1 && found[0]![0] === text.trim())) return null;
  if (runs.some(r => r.confidence !== undefined)) return null;
  const traced = joinTraced(toLines(runs, s).map(l => joinTraced(l.runs.map((run): Traced<{ run: TextRun; at: number }> =>
    ({ text: run.text, from: Array.from({ length: run.text.length }, (_, at) => ({ run, at })) })))));
  if (traced.text !== text) return null;
  const out: CellFigure[] = [];
  for (const m of found) {
    const byRun = new Map<TextRun, [number, number]>();
    for (let i = m.index!; i < m.index! + m[0].length; i++) {
      const o = traced.from[i];
      if (!o) return null;
      const span = byRun.get(o.run);
      byRun.set(o.run, span ? [Math.min(span[0], o.at), Math.max(span[1], o.at + 1)] : [o.at, o.at + 1]);
    }
    out.push({ text: m[0], box: union([...byRun].map(([run, [a, b]]) => runSpan(run, a, b))) });
  }
  return out;
}
