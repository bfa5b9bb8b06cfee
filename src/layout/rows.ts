import type { TextRun } from '../model/page.js';
import { isAnchorLine, isWrappedNumberTail } from './anchors.js';
import type { LayoutSettings } from './settings.js';
import type { TextLine } from './textLines.js';

export interface RowGroup {
  top: number;
  bottom: number;
  runs: TextRun[];
}

/**
 * Body rows. Rules between rows (`bandYs`) give the rows directly. Where the body has no row rules
 * (`splitBands`), each line with figures starts a row and the wrapped lines of a cell join the row
 * line nearest to them.
 */
export function bodyRows(lines: readonly TextLine[], bandYs: readonly number[], splitBands: boolean, s: LayoutSettings): RowGroup[] {
  const bands = new Map<number, TextLine[]>();
  for (const line of lines) {
    const y = (line.top + line.bottom) / 2;
    let b = -1;
    for (let i = 0; i + 1 < bandYs.length; i++) if (y >= bandYs[i] && y < bandYs[i + 1]) { b = i; break; }
    (bands.get(b) ?? bands.set(b, []).get(b)!).push(line);
  }
  const rows: RowGroup[] = [];
  for (const key of [...bands.keys()].sort((a, b) => (a < 0 ? 1e9 : a) - (b < 0 ? 1e9 : b))) {
    const band = bands.get(key)!;
    rows.push(...(splitBands || key < 0 ? splitBand(band, s) : [group(band)]));
  }
  return rows;
}

function splitBand(lines: TextLine[], s: LayoutSettings): RowGroup[] {
  const sorted = [...lines].sort((a, b) => a.top - b.top);
  const anchors = sorted.filter((l, i) => isAnchorLine(l) && !isWrappedNumberTail(l, sorted[i - 1], s));
  if (anchors.length <= 1) return [group(lines)];
  const members = new Map<TextLine, TextLine[]>(anchors.map(a => [a, [a]]));
  const loose: TextLine[] = [];
  for (const line of sorted) {
    if (members.has(line)) continue;
    const y = (line.top + line.bottom) / 2;
    let best: TextLine | null = null, dist = Infinity;
    for (const a of anchors) {
      const d = Math.abs((a.top + a.bottom) / 2 - y);
      if (d < dist - 0.01) { best = a; dist = d; }
    }
    if (best && dist <= s.wrapReachEm * line.fontSize) members.get(best)!.push(line);
    else loose.push(line);
  }
  // A cell wrapped over many lines reaches further: a line directly above or below a line already
  // placed, in the same column, continues that cell.
  for (let changed = true; changed;) {
    changed = false;
    for (const line of [...loose]) {
      const home = [...members.values()].find(ms => ms.some(m => continuesCell(m, line, s)));
      if (home) { home.push(line); loose.splice(loose.indexOf(line), 1); changed = true; }
    }
  }
  return [...[...members.values()].map(group), ...loose.map(l => group([l]))].sort((a, b) => a.top - b.top);
}

function continuesCell(a: TextLine, b: TextLine, s: LayoutSettings): boolean {
  const gap = Math.max(b.top - a.bottom, a.top - b.bottom);
  const xOverlap = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  return gap <= s.cellLineGapEm * Math.min(a.fontSize, b.fontSize) && xOverlap > 0 && a.runs.some(ra => b.runs.some(rb => Math.abs(ra.x0 - rb.x0) < s.cellIndentEm * rb.fontSize));
}

function group(lines: TextLine[]): RowGroup {
  return {
    top: Math.min(...lines.map(l => l.top)),
    bottom: Math.max(...lines.map(l => l.bottom)),
    runs: lines.flatMap(l => l.runs),
  };
}
