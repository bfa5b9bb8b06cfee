import { type Box, union } from '../model/geometry.js';
import type { TextRun } from '../model/page.js';
import type { LineSettings } from './settings.js';

/** Runs that share a baseline band, left to right. */
export interface TextLine extends Box {
  runs: TextRun[];
  text: string;
  fontSize: number;
}

/** Group runs into printed lines: a run joins a line when it overlaps it vertically by enough. */
export function toLines(runs: readonly TextRun[], s: LineSettings): TextLine[] {
  const sorted = [...runs].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const lines: TextRun[][] = [];
  const boxes: Box[] = [];
  for (const r of sorted) {
    let placed = false;
    for (let i = lines.length - 1; i >= 0 && i >= lines.length - 3; i--) {
      const b = boxes[i];
      const ov = Math.min(b.bottom, r.bottom) - Math.max(b.top, r.top);
      if (ov >= s.lineOverlapShare * Math.min(b.bottom - b.top, r.bottom - r.top)) {
        lines[i].push(r);
        boxes[i] = union([b, r]);
        placed = true;
        break;
      }
    }
    if (!placed) { lines.push([r]); boxes.push({ x0: r.x0, top: r.top, x1: r.x1, bottom: r.bottom }); }
  }
  return lines.map((rs, i) => {
    const sortedRuns = rs.sort((a, b) => a.x0 - b.x0);
    return {
      ...boxes[i], runs: sortedRuns,
      text: joinRuns(sortedRuns, s.wordGapEm),
      fontSize: Math.max(...sortedRuns.map(r => r.fontSize)),
    };
  }).sort((a, b) => a.top - b.top);
}

/** Runs of one line as text: touching runs (a number cut into "5," "678" "." "17") join without a space. */
export function joinRuns(runs: readonly TextRun[], wordGapEm: number): string {
  let out = '';
  runs.forEach((r, i) => {
    const gap = i ? r.x0 - runs[i - 1].x1 : 0;
    out += (i && gap > wordGapEm * r.fontSize ? ' ' : '') + r.text;
  });
  return out;
}

