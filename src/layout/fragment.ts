import { bandIndex, type Box, clusterValues, union } from '../model/geometry.js';
import { isAnchorLine, isColumnNumberLine, isNoteText, isPageNumberLine, isProseOrFooter, isTotalLabelLine } from './anchors.js';
import { type CellFigure, cellFigures, cellText, runsToColumns } from './cells.js';
import { coverage, type Edge } from './edges.js';
import { type HeaderCell, leafLabels, openHeaderCells, ruledHeaderCells } from './header.js';
import { joinFragments, squash } from './joinText.js';
import { openColumns, ruledColumns } from './columns.js';
import { bodyRows, type RowGroup } from './rows.js';
import type { LayoutSettings } from './settings.js';
import { toLines, type TextLine } from './textLines.js';
import { splitRun } from './tokens.js';
import type { TextRun } from '../model/page.js';

/** The part of one table printed on one page. */
export interface TableFragment {
  page: number;
  /** Vertical extent of the table's lines on the page (its note included). */
  top: number;
  bottom: number;
  /** Column boundaries, left to right (columns = length - 1). */
  xs: number[];
  headerCells: HeaderCell[];
  /** Each column's number from the column-number line under the header ("1", "2", "甲"), or null. */
  columnNumbers: (string | null)[];
  rows: FragmentRow[];
  note: string | null;
  /** Whether the columns came from drawn rules or from text alignment. */
  ruled: boolean;
}

export interface FragmentRow {
  top: number;
  cells: string[];
  /** Where each cell's text is printed (null for an empty cell). */
  boxes: (Box | null)[];
  /** Cells read by OCR: the lowest confidence of their runs (null for an empty cell or a text-layer page). */
  confidences: (number | null)[];
  /** Where the figures among each cell's words are printed (see cellFigures); absent when no cell has any. */
  figures?: (CellFigure[] | null)[];
}

/** The lowest OCR confidence of a cell's runs; null when none was read by OCR. */
function cellConfidence(runs: readonly TextRun[]): number | null {
  let min: number | null = null;
  for (const r of runs) if (r.confidence !== undefined) min = Math.min(min ?? Infinity, r.confidence);
  return min;
}

export interface Segment {
  page: number;
  top: number;
  bottom: number;
  lines: TextLine[];
  hEdges: Edge[];
  vEdges: Edge[];
}

const isSentence = (t: string): boolean => /[，。；]/.test(t) && squash(t).length > 20;

/**
 * Whether boundary k is drawn through a body row. A boundary drawn in most rows but missing in one
 * marks a merged cell there; a boundary missing in most rows is a table drawn without that rule, and
 * the text alone separates its columns.
 */
function mergedCellBoundaries(groups: readonly RowGroup[], xs: readonly number[], vE: readonly Edge[], ruled: boolean, s: LayoutSettings) {
  if (!ruled || !groups.length) return (): boolean => true;
  const drawnAt = (k: number, g: RowGroup): boolean => coverage(vE, xs[k], g.top, g.bottom, s.snapTolerancePt) >= s.minBoundaryCoverage;
  const usual = xs.map((_, k) => groups.filter(g => drawnAt(k, g)).length >= groups.length / 2);
  return (k: number, g: RowGroup): boolean => !usual[k] || drawnAt(k, g);
}

interface Extent {
  x0: number;
  x1: number;
  /** Top and bottom of the drawn rules (±Infinity when none are drawn). */
  ruleTop: number;
  ruleBottom: number;
}

const midY = (l: TextLine): number => (l.top + l.bottom) / 2;

/** Horizontal extent of the table: its long rules, else its text. */
function tableExtent(hE: readonly Edge[], vE: readonly Edge[], lines: readonly TextLine[], s: LayoutSettings): Extent | null {
  const maxLen = Math.max(0, ...hE.map(e => e.to - e.from));
  const long = hE.filter(e => e.to - e.from >= s.longRuleShare * maxLen);
  let x0 = long.length ? Math.min(...long.map(e => e.from)) : Infinity;
  let x1 = long.length ? Math.max(...long.map(e => e.to)) : -Infinity;
  if (vE.length) { x0 = Math.min(x0, ...vE.map(e => e.pos)); x1 = Math.max(x1, ...vE.map(e => e.pos)); }
  const ruleTop = Math.min(...long.map(e => e.pos), ...vE.map(e => e.from));
  const ruleBottom = Math.max(...long.map(e => e.pos), ...vE.map(e => e.to));
  if (!Number.isFinite(x0)) {
    const body = lines.filter(l => !isProseOrFooter(l, Infinity));
    if (!body.length) return null;
    x0 = Math.min(...body.map(l => l.x0)); x1 = Math.max(...body.map(l => l.x1));
  }
  return { x0, x1, ruleTop, ruleBottom };
}

/**
 * The lines of the table: those inside its grid, and — where the grid closes before any figure, so it
 * only frames the header — the lines below it until prose, a note, a footer or a wide gap. Also the
 * note printed under the table, if any.
 */
function tableLinesOf(lines: readonly TextLine[], ext: Extent, s: LayoutSettings): { gridTop: number; tableLines: TextLine[]; note: string | null } {
  const slack = s.tableSideSlackPt;
  const near = lines.filter(l => l.x1 > ext.x0 - slack && l.x0 < ext.x1 + slack);
  // A page number below every other line is the page's footer, never a row of the table.
  const inside = near.filter(l => !(isPageNumberLine(l) && near.every(o => o === l || o.bottom <= l.top + s.touchSlackPt)));
  const closed = Number.isFinite(ext.ruleBottom);
  const gridTop = Number.isFinite(ext.ruleTop) ? ext.ruleTop : (inside[0]?.top ?? 0);
  const inGrid = inside.filter(l => midY(l) >= gridTop - s.gridTopSlackPt && (!closed || midY(l) <= ext.ruleBottom));
  const below = closed ? inside.filter(l => midY(l) > ext.ruleBottom) : inside.filter(l => !inGrid.includes(l));
  if (closed && inGrid.some(isAnchorLine)) {
    const n = below.find(l => isNoteText(l.text));
    return { gridTop, tableLines: inGrid, note: n && n.top - ext.ruleBottom < s.noteReachEm * n.fontSize ? squash(n.text) : null };
  }
  const tail: TextLine[] = [];
  let last = inGrid[inGrid.length - 1], note: string | null = null;
  for (const l of below) {
    if (isNoteText(l.text)) { note = squash(l.text); break; }
    if (isProseOrFooter(l, s.proseWidthShare * (ext.x1 - ext.x0))) break;
    if (last && l.top - last.bottom > s.bodyGapEm * l.fontSize && !isAnchorLine(l)) break;
    tail.push(l); last = l;
  }
  return { gridTop, tableLines: [...inGrid, ...tail], note };
}

/**
 * Header: the lines above the first row with figures, closed by the rule drawn above that row. On a page
 * continuing a table whose first row lies between the grid's top rule and the next rule, the lines above
 * its figures are that row's wrapped cells (the row was cut from its header by the page break).
 */
function splitHeader(tableLines: readonly TextLine[], hPos: readonly number[], gridTop: number, continuation: boolean, s: LayoutSettings) {
  const slack = s.touchSlackPt;
  const anchor = tableLines.find(isAnchorLine) ?? tableLines.find(isTotalLabelLine);
  const rulesAbove = anchor ? hPos.filter(y => y <= anchor.top + slack && y > gridTop + slack) : [];
  const rowFromTopRule = continuation && !!anchor && !rulesAbove.length &&
    hPos.some(y => Math.abs(y - gridTop) <= slack) && hPos.some(y => y >= anchor.bottom);
  const headerBottom = !anchor ? Math.max(gridTop, ...tableLines.map(l => l.bottom)) + slack
    : rulesAbove.length ? Math.max(...rulesAbove) : rowFromTopRule ? gridTop : anchor.top - slack;
  const headerLines = tableLines.filter(l => midY(l) < headerBottom && !isNoteText(l.text));
  return {
    anchor, headerBottom,
    headerRuns: headerLines.filter(l => !isColumnNumberLine(l)).flatMap(l => l.runs),
    numberRuns: headerLines.filter(isColumnNumberLine).flatMap(l => l.runs),
    bodyLines: tableLines.filter(l => midY(l) >= headerBottom),
  };
}

/** The number printed over each column in the column-number line; marks over label columns (**) are none. */
function columnNumbersOf(numberRuns: readonly TextRun[], xs: readonly number[]): (string | null)[] {
  const numbers: (string | null)[] = xs.slice(1).map(() => null);
  for (const piece of numberRuns.flatMap(splitRun)) {
    const t = piece.text.trim();
    if (!t || /^\*+$|^栏次?$|^行次$/.test(t)) continue;
    const c = bandIndex(xs, (piece.x0 + piece.x1) / 2);
    if (c >= 0 && c < numbers.length) numbers[c] = numbers[c] ? `${numbers[c]}${t}` : t;
  }
  return numbers;
}

/**
 * A merged cell (columns whose boundaries this row does not draw) whose printed lines run on across a
 * boundary it spans (runs closer than a column gap on either side) is one cell: its lines are read across
 * the whole span, in its first column that has text, so a paragraph wrapped across the span is not cut
 * into column strips. Text standing apart in the span's columns stays where it is.
 */
function mergedCellRuns(cols: TextRun[][], drawn: (k: number) => boolean, s: LayoutSettings): TextRun[][] {
  const out = cols.map(c => [...c]);
  const columnOf = new Map<TextRun, number>(cols.flatMap((runs, c) => runs.map((r): [TextRun, number] => [r, c])));
  for (let c = 0; c < out.length;) {
    let e = c;
    while (e + 1 < out.length && !drawn(e + 1)) e++;
    const filled = out.slice(c, e + 1).map((runs, i) => (runs.length ? c + i : -1)).filter(i => i >= 0);
    const runsOn = filled.length > 1 && toLines(filled.flatMap(i => out[i]!), s).some(line =>
      line.runs.some((r, j) => j > 0 && columnOf.get(r) !== columnOf.get(line.runs[j - 1]!) &&
        r.x0 - line.runs[j - 1]!.x1 < s.columnGapEm * r.fontSize));
    if (runsOn) {
      out[filled[0]!] = filled.flatMap(i => out[i]!);
      for (const i of filled.slice(1)) out[i] = [];
    }
    c = e + 1;
  }
  return out;
}

/** Body rows as cells; a row holding only a note ("…为空表") is the table's note, not data. */
function bodyCells(bodyLines: readonly TextLine[], bandYs: readonly number[], xs: readonly number[], vE: readonly Edge[], ruled: boolean, s: LayoutSettings) {
  // Rules drawn between body rows make each band one row; without them, rows come from the text.
  const bodyRuled = bandYs.filter(Number.isFinite).length > 2;
  const groups = bodyRows(bodyLines.filter(l => !isNoteText(l.text)), bandYs, !bodyRuled, s);
  const drawnIn = mergedCellBoundaries(groups, xs, vE, ruled, s);
  const rows: TableFragment['rows'] = [];
  let note: string | null = null;
  for (const group of groups) {
    const drawn = (k: number): boolean => drawnIn(k, group);
    const columns = mergedCellRuns(runsToColumns(group.runs, xs, drawn, s), drawn, s);
    const cells = columns.map(col => cellText(col, s));
    if (cells.every(c => !c)) continue;
    const whole = joinFragments(cells.filter(Boolean));
    if (isNoteText(whole) && cells.filter(Boolean).length === 1) { note ??= squash(whole); continue; }
    const figures = columns.map((col, c) => (cells[c] ? cellFigures(col, cells[c]!, s) : null));
    rows.push({
      top: group.top, cells,
      boxes: columns.map((col, c) => (cells[c] ? union(col) : null)),
      confidences: columns.map((col, c) => (cells[c] ? cellConfidence(col) : null)),
      ...(figures.some(f => f) ? { figures } : {}),
    });
  }
  return { rows, note };
}

/** Find the table body in a stretch of page (below a title block, or at the top of a continuation page). */
export function buildFragment(seg: Segment, continuation: boolean, s: LayoutSettings): TableFragment | null {
  const hE = seg.hEdges.filter(e => e.pos >= seg.top - s.touchSlackPt && e.pos <= seg.bottom && e.to - e.from >= s.minEdgeLengthPt);
  const vE = seg.vEdges.filter(e => e.to > seg.top && e.from < seg.bottom && e.to - e.from >= s.minEdgeLengthPt)
    .map(e => ({ ...e, from: Math.max(e.from, seg.top), to: Math.min(e.to, seg.bottom) }));
  const lines = seg.lines.filter(l => midY(l) > seg.top && midY(l) < seg.bottom);
  if (!hE.length && !vE.length && !lines.some(isAnchorLine)) return null;
  const ext = tableExtent(hE, vE, lines, s);
  if (!ext) return null;
  const { gridTop, tableLines, note: noteBelow } = tableLinesOf(lines, ext, s);
  // Running prose at the top of a page ends a table instead of continuing it.
  if (continuation && tableLines.filter(l => isSentence(l.text)).length > Math.max(1, s.proseLineShare * tableLines.length)) return null;
  const hPos = clusterValues(hE.map(e => e.pos), s.snapTolerancePt);
  const { anchor, headerBottom, headerRuns, numberRuns, bodyLines } = splitHeader(tableLines, hPos, gridTop, continuation, s);

  const minV = Math.min(s.columnRuleMinLengthPt, s.columnRuleHeightShare * Math.max(1, ext.ruleBottom - gridTop));
  const ruledXs = ruledColumns(vE, ext.x0, ext.x1, minV, s);
  const xs = ruledXs ?? openColumns(bodyLines.flatMap(l => l.runs), leafLabels(headerRuns, hE, s));
  const ruled = ruledXs !== null;
  if (xs.length < 2) return null;

  const headerYs = [gridTop, ...hPos.filter(y => y > gridTop + s.touchSlackPt && y < headerBottom - s.touchSlackPt), headerBottom];
  const vInHeader = vE.filter(e => e.from < headerBottom - s.touchSlackPt && e.to > gridTop + s.touchSlackPt);
  const underlines = hE.filter(e => e.pos < headerBottom - s.snapTolerancePt && e.to - e.from < s.underlineMaxShare * (ext.x1 - ext.x0));
  const headerCells = !headerRuns.length ? []
    : ruled && vInHeader.length >= 2 ? ruledHeaderCells(headerRuns, headerYs, xs, hE, vE, s)
      : openHeaderCells(headerRuns, xs, underlines, s);

  // Row bands between the rules under the header; the last one stays open where the grid closes early.
  const gridHoldsBody = anchor && ruled && Number.isFinite(ext.ruleBottom) && ext.ruleBottom > anchor.top;
  const bandYs = [headerBottom, ...hPos.filter(y => y > headerBottom + s.touchSlackPt && y <= ext.ruleBottom), ...(gridHoldsBody ? [] : [Infinity])];
  const { rows, note: noteInside } = bodyCells(bodyLines, bandYs, xs, vE, ruled, s);
  const noteInHeader = tableLines.find(l => isNoteText(l.text));
  const note = noteBelow ?? (noteInHeader ? squash(noteInHeader.text) : null) ?? noteInside;
  if (!rows.length && !headerCells.length) return null;
  const noteLines = lines.filter(l => isNoteText(l.text) && midY(l) >= gridTop);
  const extentLines = [...tableLines, ...noteLines];
  return {
    page: seg.page, xs, headerCells, columnNumbers: columnNumbersOf(numberRuns, xs), rows, note, ruled,
    top: Math.min(gridTop, ...extentLines.map(l => l.top)), bottom: Math.max(...extentLines.map(l => l.bottom), ext.ruleBottom),
  };
}
