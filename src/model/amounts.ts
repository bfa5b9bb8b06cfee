import type { Column } from './document.js';

/** A printed amount: digits with optional thousands separators, decimals and sign. */
export const AMOUNT_PATTERN = /^[-−–]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * A printed amount ("1,902.40", "-3.5") as a number; anything else (labels, "—", "") is null. Separators
 * are not policed here: a figure whose commas a scan misplaced still reads as its digits.
 */
export function parseAmount(text: string): number | null {
  const t = text.replace(/[\s,]+/g, '').replace(/^[−–]/, '-');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/**
 * Put before the raw text of an amount OCR could not read with confidence (a reading that cannot be
 * right, still wrong when read again): the cell keeps what was read, and no number is made of it.
 */
export const UNREADABLE_MARK = '\uFFFD';

/** The raw reading of a cell OCR marked unreadable, or null for any other text. */
export function unreadableReading(text: string): string | null {
  const t = text.trim();
  return t.startsWith(UNREADABLE_MARK) ? t.slice(UNREADABLE_MARK.length).trim() : null;
}

/** Key of an amount column in records and in the tidy CSV: its header path, or its position. */
export const columnKey = (col: Column): string => (col.path.length ? col.path.join('/') : `列${col.index + 1}`);
