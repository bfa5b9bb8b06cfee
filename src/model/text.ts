/** Text helpers shared by the stages. */

/** Every whitespace character removed ("收 入 总 计" → "收入总计"). */
export const squash = (s: string): string => s.replace(/\s+/g, '');

/**
 * For comparing printed labels (row and column headers): width folded, every space (ASCII, full-width,
 * NBSP) and every quote mark removed; punctuation kept ("财政拨款(补助)" = "财政拨款（补助）").
 */
export function normLabel(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':')
    .replace(/[“”"‘’']/g, '');
}

/** For comparing names loosely: width folded, spaces, punctuation and symbols removed. */
export const looseText = (s: string): string => s.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');

// Markers printed before a name that are not part of it: an indent dash ("-行政运行", "--工资奖金津补贴"),
// a spreadsheet text quote ("'-行政运行"), "其中：".
const LEADING_MARKERS = /^(?:['‘’`]|[-－—–―─·•]+|其中[:：]?)+/;

/**
 * The key names of classification codes are compared by: width folded, without whitespace, leading
 * markers, punctuation or symbols ("维修(护)费" = "维修（护）费", "-行政运行" = "行政运行").
 */
export const nameKey = (s: string): string => looseText(squash(s.normalize('NFKC')).replace(LEADING_MARKERS, ''));
