import { clusterValues } from '../model/geometry.js';
import { isAnchorLine, isNoteText, isProseOrFooter, isTotalLabelLine } from './anchors.js';
import { cellText, runsToColumns } from './cells.js';
import { coverage, type Edge } from './edges.js';
import { type HeaderCell, leafLabels, openHeaderCells, ruledHeaderCells } from './header.js';
import { joinFragments, squash } from './joinText.js';
import { openColumns, ruledColumns } from './columns.js';
import { bodyRows, type RowGroup } from './rows.js';
import type { LayoutSettings } from './settings.js';
import type { TextLine } from './textLines.js';

/** The part of one table printed on one page. */
export interface TableFragment {
  page: number;
  /** Column boundaries, left to right (columns = length - 1). */
  xs: number[];
  headerCells: HeaderCell[];
  rows: { top: number; cells: string[] }[];
  note: string | null;
  /** Whether the columns came from drawn rules or from text alignment. */
  ruled: boolean;
}

export interface Segment {
  page: number;
  top: number;
  bottom: number;
  lines: TextLine[];
  hEdges: Edge[];
  vEdges: Edge[];
}

const MIN_EDGE_PT = 6;
const isSentence = (t: string): boolean => /[，。；]/.test(t) && squash(t).length > 20;

/**
 * Whether boundary k is drawn through a body row. A boundary drawn in most rows but missing in one
 * marks a merged cell there; a boundary missing in most rows is a table drawn without that rule, and
 * the text alone separates its columns.
 */
function mergedCellBoundaries(groups: readonly RowGroup[], xs: readonly number[], vE: readonly Edge[], ruled: boolean, s: LayoutSettings) {
  if (!ruled || !groups.length) return (): boolean => true;
  const drawnAt = (k: number, g: RowGroup): boolean => coverage(vE, xs[k], g.top, g.bottom, s.snapTolerancePt) >= 0.5;
  const usual = xs.map((_, k) => groups.filter(g => drawnAt(k, g)).length >= groups.length / 2);
  return (k: number, g: RowGroup): boolean => !usual[k] || drawnAt(k, g);
}

/** Find the table body in a stretch of page (below a title block, or at the top of a continuation page). */
export function buildFragment(seg: Segment, continuation: boolean, s: LayoutSettings): TableFragment | null {
  const hE = seg.hEdges.filter(e => e.pos >= seg.top - 1 && e.pos <= seg.bottom && e.to - e.from >= MIN_EDGE_PT);
  const vE = seg.vEdges.filter(e => e.to > seg.top && e.from < seg.bottom && e.to - e.from >= MIN_EDGE_PT)
    .map(e => ({ ...e, from: Math.max(e.from, seg.top), to: Math.min(e.to, seg.bottom) }));
  const lines = seg.lines.filter(l => (l.top + l.bottom) / 2 > seg.top && (l.top + l.bottom) / 2 < seg.bottom);
  if (!hE.length && !vE.length && !lines.some(isAnchorLine)) return null;

  // Horizontal extent: the long rules, else the text.
  const maxLen = Math.max(0, ...hE.map(e => e.to - e.from));
  const long = hE.filter(e => e.to - e.from >= 0.5 * maxLen);
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
  const slack = 4;
  const inside = lines.filter(l => l.x1 > x0 - slack && l.x0 < x1 + slack);
  const gridTop = Number.isFinite(ruleTop) ? ruleTop : (inside[0]?.top ?? seg.top);
  const inGrid = inside.filter(l => (l.top + l.bottom) / 2 >= gridTop - 2 && (!Number.isFinite(ruleBottom) || (l.top + l.bottom) / 2 <= ruleBottom));
  const firstAnchor = inGrid.find(isAnchorLine);

  // A grid that closes before any figure only frames the header: the body runs on below it.
  let note: string | null = null;
  let tableLines = inGrid;
  const below = inside.filter(l => Number.isFinite(ruleBottom) && (l.top + l.bottom) / 2 > ruleBottom);
  if (!firstAnchor || !Number.isFinite(ruleBottom)) {
    const tail: TextLine[] = [];
    let last = inGrid[inGrid.length - 1];
    for (const l of Number.isFinite(ruleBottom) ? below : inside.filter(l => !inGrid.includes(l))) {
      if (isNoteText(l.text)) { note = squash(l.text); break; }
      if (isProseOrFooter(l, x1 - x0)) break;
      if (last && l.top - last.bottom > 4 * l.fontSize && !isAnchorLine(l)) break;
      tail.push(l); last = l;
    }
    tableLines = [...inGrid, ...tail];
  } else {
    const n = below.find(l => isNoteText(l.text));
    if (n && n.top - ruleBottom < 4 * n.fontSize) note = squash(n.text);
  }
  // Running prose at the top of a page ends a table instead of continuing it.
  if (continuation && tableLines.filter(l => isSentence(l.text)).length > Math.max(1, 0.2 * tableLines.length)) return null;
  const anchor = tableLines.find(isAnchorLine) ?? tableLines.find(isTotalLabelLine);
  const hPos = clusterValues(hE.map(e => e.pos), s.snapTolerancePt);

  // Header: the lines above the first row with figures, closed by the rule above that row.
  const rulesAbove = anchor ? hPos.filter(y => y <= anchor.top + 1 && y > gridTop + 1) : [];
  const headerBottom = !anchor ? Math.max(gridTop, ...tableLines.map(l => l.bottom)) + 1
    : rulesAbove.length ? Math.max(...rulesAbove) : anchor.top - 1;
  const headerLines = tableLines.filter(l => (l.top + l.bottom) / 2 < headerBottom && !isNoteText(l.text));
  const bodyLines = tableLines.filter(l => (l.top + l.bottom) / 2 >= headerBottom);
  for (const l of tableLines) if (isNoteText(l.text) && !note) note = squash(l.text);
  const headerRuns = headerLines.flatMap(l => l.runs);

  const minV = Math.min(8, 0.5 * Math.max(1, ruleBottom - gridTop));
  let xs = ruledColumns(vE, x0, x1, minV, s);
  const ruled = xs !== null;
  xs ??= openColumns(bodyLines.flatMap(l => l.runs), leafLabels(headerRuns, hE));
  if (xs.length < 2) return null;

  const headerYs = [gridTop, ...hPos.filter(y => y > gridTop + 1 && y < headerBottom - 1), headerBottom];
  const vInHeader = vE.filter(e => e.from < headerBottom - 1 && e.to > gridTop + 1);
  const headerCells = !headerRuns.length ? [] : ruled && vInHeader.length >= 2
    ? ruledHeaderCells(headerRuns, headerYs, xs, hE, vE, s)
    : openHeaderCells(headerRuns, xs, hE.filter(e => e.pos < headerBottom - s.snapTolerancePt && e.to - e.from < 0.9 * (x1 - x0)), s);

  const bandYs = [headerBottom, ...hPos.filter(y => y > headerBottom + 1 && Number.isFinite(ruleBottom) && y <= ruleBottom), ...(anchor && ruled && Number.isFinite(ruleBottom) && ruleBottom > anchor.top ? [] : [Infinity])];
  const rows: TableFragment['rows'] = [];
  // Rules drawn between body rows make each band one row; without them, rows come from the text.
  const bodyRuled = bandYs.filter(Number.isFinite).length > 2;
  const groups = bodyRows(bodyLines.filter(l => !isNoteText(l.text)), bandYs, !bodyRuled, s);
  const drawnIn = mergedCellBoundaries(groups, xs, vE, ruled, s);
  for (const group of groups) {
    const cells = runsToColumns(group.runs, xs, k => drawnIn(k, group)).map(col => cellText(col, s.lineOverlapShare));
    if (cells.every(c => !c)) continue;
    const whole = joinFragments(cells.filter(Boolean));
    if (isNoteText(whole) && cells.filter(Boolean).length === 1) { note ??= squash(whole); continue; }
    rows.push({ top: group.top, cells });
  }
  if (!rows.length && !headerCells.length) return null;
  return { page: seg.page, xs, headerCells, rows, note, ruled };
}
