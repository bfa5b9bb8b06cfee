import { type BboxTuple, type Box, toBbox } from '../model/geometry.js';
import type { ProseLine } from '../model/rawTable.js';
import { isProseOrFooter } from './anchors.js';
import type { LayoutSettings } from './settings.js';
import type { TextLine } from './textLines.js';

/**
 * Running text as paragraphs, so a figure broken at a line end ("10," / "070.48 万元") reads whole.
 * A line starts a new paragraph when it is indented or when the line before it stopped short of the
 * right margin. Page numbers and footers are left out.
 */
export function toParagraphs(lines: readonly TextLine[], page: number, s: LayoutSettings, bbox: (b: Box) => BboxTuple = b => toBbox(b)): ProseLine[] {
  const body = lines.filter(l => !isProseOrFooter(l, Infinity) || /[，。；]/.test(l.text));
  if (!body.length) return [];
  const left = Math.min(...body.map(l => l.x0)), right = Math.max(...body.map(l => l.x1));
  const out: ProseLine[] = [];
  let current = '', prev: TextLine | null = null;
  let printed: NonNullable<ProseLine['lines']> = [];
  for (const line of body) {
    const em = line.fontSize;
    const indented = line.x0 > left + s.paragraphIndentEm * em;
    const prevShort = prev !== null && prev.x1 < right - s.paragraphShortEm * em;
    const far = prev !== null && line.top - prev.bottom > s.paragraphGapEm * em;
    if (current && (indented || prevShort || far)) { out.push({ page, text: current, lines: printed }); current = ''; printed = []; }
    current += line.text.trim();
    printed.push({ text: line.text.trim(), bbox: bbox(line) });
    prev = line;
  }
  if (current) out.push({ page, text: current, lines: printed });
  return out;
}
