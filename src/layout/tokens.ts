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

