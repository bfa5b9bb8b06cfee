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
  const ems = emPrefix(text);
  return [...text.matchAll(/\S+/g)].map(m => {
    const { x0, x1 } = runSpan(run, m.index!, m.index! + m[0].length, ems);
    return { ...run, text: m[0], x0, x1 };
  });
}

/**
 * The part of a run that prints characters [start, end) of its text: its extent along the line estimated
 * from character widths (a CJK character one em, a digit half an em …, scaled to the run's width), as the
 * text layer gives where a run is printed, not each glyph. `ems`: emPrefix of the run's text, when already known.
 */
export function runSpan(run: TextRun, start: number, end: number, ems = emPrefix(run.text)): Box {
  const total = ems[ems.length - 1]!;
  const scale = total > 0 ? (run.x1 - run.x0) / total : 0;
  return { x0: run.x0 + ems[start]! * scale, top: run.top, x1: run.x0 + ems[end]! * scale, bottom: run.bottom };
}

/** Widths in em of the text before each character (and of the whole text, last). */
function emPrefix(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) out.push(out[i]! + charEm(text[i]!));
  return out;
}
