/**
 * The form a page's amounts take, judged from text alone: how many decimal places nearly all of them
 * have, and whether one reading can be such an amount. Used where a reading is vetted (amounts.ts) and
 * where a cell's page reading is taken as sure without reading the cell again (cells.ts).
 */
import { AMOUNT_ALPHABET, READ_DECIMAL_AMOUNT, READ_GROUPED_AMOUNT, READ_UNGROUPED_AMOUNT } from '../model/amounts.js';

export interface ConventionSettings {
  /** A page sets a decimal convention once it prints at least this many amounts with a decimal part… */
  minConventionAmounts: number;
  /** …and this share of them have the same number of decimal places. */
  minConventionShare: number;
}

/** Decimal places of an amount reading, or null when it has no decimal part. */
export const decimalsOf = (text: string): number | null => READ_DECIMAL_AMOUNT.exec(text)?.[1]!.length ?? null;

/** The page's decimal convention: the decimal places nearly all its amounts have, or null. */
export function decimalConvention(texts: readonly string[], s: ConventionSettings): number | null {
  const counts = new Map<number, number>();
  let n = 0;
  for (const t of texts) {
    const d = decimalsOf(t);
    if (d === null) continue;
    n++;
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  if (n < s.minConventionAmounts) return null;
  const [d, k] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return k >= s.minConventionShare * n ? d : null;
}

/**
 * A figure with a decimal part and at least four digits, with one glyph at either end that no amount
 * holds — a Han character or a mark, not a unit, sign, bracket or percent: "”471.9637好" read where a
 * rule touched the last digits of 471.963743. (A label holds more than one glyph beside its figure.)
 */
const STRAY_END = /^(?=(?:\D*\d){4})[^\d\s元万亿%％()（）\-−–]?\d[\d,.]*\.\d+[^\d\s元万亿%％()（）.,]?$/u;
const hasStray = (text: string): boolean => /^\D|\D$/.test(text);

/**
 * Why a reading cannot be a printed amount of this page, or null when it can (or is no amount at all:
 * labels, codes, years, percentages are not judged here). `grouped`: the page prints thousands
 * separators. A reading read whole without them has had them put back already (restoreThousands, the
 * commas are the smallest marks); one that reaches here without them was read in pieces ("2 664. 22"
 * for 27,664.22), and the gap may hold what was lost.
 */
export function implausibleAmount(text: string, decimals: number | null, grouped = false): string | null {
  if (STRAY_END.test(text) && hasStray(text)) return 'characters outside the amount alphabet';
  if (/[\p{Script=Han}%％]/u.test(text) || (text.match(/\d/g)?.length ?? 0) < 2) return null;
  if (!AMOUNT_ALPHABET.test(text)) {
    // Digits with a decimal part and something a number cannot hold ("14.3?", "1a.37").
    return /\d[.,]\d/.test(text) && /^[^\p{L}]*\p{L}?[^\p{L}]*$/u.test(text) ? 'characters outside the amount alphabet' : null;
  }
  // Integers (codes, counts, 元 amounts) have no decimal convention to hold them to; their commas still stand every
  // three digits ("14,82000": the point of 14,820.00 lost).
  if (!/\.\d/.test(text)) return text.includes(',') && !/^-?\d{1,3}(?:,\d{3})+$/.test(text) ? 'thousands separators out of place' : null;
  if ((text.match(/\./g) ?? []).length > 1) return 'more than one decimal point';
  if (/^-?0\d/.test(text)) return 'a leading zero';
  if (text.includes(',') && !READ_GROUPED_AMOUNT.test(text)) return 'thousands separators out of place';
  if (grouped && READ_UNGROUPED_AMOUNT.test(text)) return 'no thousands separators where the page prints them';
  const d = decimalsOf(text);
  if (decimals !== null && d !== null && d !== decimals) return `${d} decimal places where the page prints ${decimals}`;
  return null;
}
