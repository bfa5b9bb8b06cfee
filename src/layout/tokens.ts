import type { Box } from '../model/geometry.js';
import type { TextRun } from '../model/page.js';

/**
 * Some exporters put several cells into one text run ("91,016,775.35 一、一般公共服务支出"). Splitting a
 * run at its spaces, with each piece's position estimated from character widths, lets the cell
 * assignment put every piece in its own column. Pieces inside one cell are joined again later.
 */
const WIDE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFF60\u3000-\u303F]/;
const charEm = (ch: string): number => (WIDE.test(ch) ? 1 : /[ ,.:;'\-]/.test(ch) ? 0.27 : 0.5);

export function splitRun(run: TextRun): TextRun[] {
  const text = run.text;
  if (!/\S\s+\S/.test(text)) return [{ ...run, text: text.trim() }];
  const ems = [...text].map(charEm);
  const total = ems.reduce((a, b) => a + b, 0);
  const scale = (run.x1 - run.x0) / total;
  const pieces: TextRun[] = [];
  let x = run.x0;
  const re = /\S+|\s+/g;
  for (const m of text.matchAll(re)) {
    const w = [...m[0]].reduce((a, ch) => a + charEm(ch), 0) * scale;
    if (m[0].trim()) pieces.push({ ...run, text: m[0], x0: x, x1: x + w });
    x += w;
  }
  return pieces;
}


/**
 * The part of a run that prints characters [start, end) of its text: its extent along the line estimated
 * from character widths (a CJK character one em, a digit half an em …, scaled to the run's width), as the
 * text layer gives where a run is printed, not each glyph.
 */
export function runSpan(run: TextRun, start: number, end: number): Box {
  const ems = Array.from({ length: run.text.length }, (_, i) => charEm(run.text[i]!));
  const total = ems.reduce((a, b) => a + b, 0);
  const scale = total > 0 ? (run.x1 - run.x0) / total : 0;
  const before = ems.slice(0, start).reduce((a, b) => a + b, 0);
  const inside = ems.slice(start, end).reduce((a, b) => a + b, 0);
  return { x0: run.x0 + before * scale, top: run.top, x1: run.x0 + (before + inside) * scale, bottom: run.bottom };
}
