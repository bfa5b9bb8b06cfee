import { isAmount, squash } from './joinText.js';
import type { LayoutSettings } from './settings.js';
import type { TextLine } from './textLines.js';

/**
 * An anchor line carries a row's figures or code: it marks a body row. Header lines carry none
 * (a "栏次 1 2 3" line numbering the columns is header, not data).
 */
export function isAnchorLine(line: TextLine): boolean {
  const pieces = line.runs.flatMap(r => r.text.split(/\s+/)).filter(Boolean);
  if (pieces.some(p => /^栏次$|^栏$/.test(p)) || isColumnNumberLine(line)) return false;
  // "2022 年…" is a year inside a label, not a figure.
  const nums = pieces.filter((p, i) => isAmount(p) && !(/^\d{4}$/.test(p) && /^年/.test(pieces[i + 1] ?? '')));
  if (!nums.length) return pieces.some(p => /^\d{3}(?:\d{2}){0,2}(?![\d年])\s*[\u4E00-\u9FFF]/.test(p));
  const smallInts = nums.every(n => /^\d{1,2}$/.test(n));
  if (smallInts && nums.length >= 3 && nums.length === pieces.length) return false;
  return true;
}

const COLUMN_NUMBER = /^\d{1,2}(?:[=＝+＋\-－—]\d{1,2})*$/;
// What stands over label columns in a column-number line: stars, 栏次/行次, 甲 乙 丙 or A B C.
const COLUMN_MARK = /^(\*+|栏次|栏|行次|[甲乙丙丁]|[A-F])$/;

/**
 * A column-number line under the header ("** ** 1 2 3 …", "栏次 1 2 3", "甲 乙 1 2=3+4"): every piece
 * is a column number or a mark over a label column, and the numbers count up. It belongs to the header.
 */
export function isColumnNumberLine(line: TextLine): boolean {
  const pieces = line.runs.flatMap(r => r.text.split(/\s+/)).filter(Boolean);
  if (!pieces.every(p => COLUMN_NUMBER.test(p) || COLUMN_MARK.test(p))) return false;
  const numbers = pieces.filter(p => COLUMN_NUMBER.test(p)).map(p => parseInt(p, 10));
  const rising = numbers.every((n, i) => i === 0 || n > numbers[i - 1]);
  const marked = pieces.length > numbers.length;
  return rising && (numbers.length >= 3 || (marked && numbers.length >= 1));
}

/** A page number ("14", "- 14 -", "第14页…"). */
export const isPageNumberLine = (line: TextLine): boolean => /^[-—–]?\d{1,4}[-—–]?$|^第\d+页/.test(squash(line.text));

/** A line that is running prose (a sentence wider than proseWidth) or a page footer, never part of a table body. */
export function isProseOrFooter(line: TextLine, proseWidth: number): boolean {
  const t = squash(line.text);
  if (isPageNumberLine(line)) return true;
  const sentence = /[，。；]/.test(t) && t.length > 20;
  return sentence && line.x1 - line.x0 > proseWidth;
}

const TOTAL_LABEL = /^(合计|总计|收入总计|支出总计)$/;

/** A line holding only a total label: the body of a table printed without figures (an empty table). */
export const isTotalLabelLine = (line: TextLine): boolean => TOTAL_LABEL.test(squash(line.text));

/** A line holding only the tail of a number wrapped in a narrow column ("172." / "89"). */
export function isWrappedNumberTail(line: TextLine, above: TextLine | undefined, s: LayoutSettings): boolean {
  if (!above || line.top - above.bottom > s.wrapTailGapEm * line.fontSize) return false;
  const pieces = line.runs.flatMap(r => r.text.split(/\s+/)).filter(Boolean);
  if (!pieces.every(p => /^\.?\d{1,3}$/.test(p))) return false;
  return line.runs.every(r => above.runs.some(a => /\d[.,]?$/.test(a.text.trim()) && Math.min(a.x1, r.x1) - Math.max(a.x0, r.x0) > 0));
}

export const isNoteText = (t: string): boolean => /^(注|备注|说明|附注)[:：]/.test(squash(t)) || /为空表/.test(squash(t));

