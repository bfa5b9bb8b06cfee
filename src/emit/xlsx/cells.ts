/** Putting values into cells so that a spreadsheet reads them back as what they are. */
import type { Cell } from 'exceljs';
import { TEXT_FORMAT } from './styles.js';

/** Text a spreadsheet would take as the start of a formula when the cell is edited or re-imported. */
const FORMULA_START = /^[=+\-@]/;

/**
 * Store `text` as a text cell (exceljs writes strings as strings, never as formulas). Codes, and text that
 * begins like a formula, also get the Text format, so editing the cell later keeps it text.
 */
export function putText(cell: Cell, text: string, asCode = false): void {
  cell.value = text;
  if (asCode || FORMULA_START.test(text)) cell.numFmt = TEXT_FORMAT;
}

/** A number, or nothing when there is none. */
export function putNumber(cell: Cell, value: number | null | undefined, numFmt?: string): void {
  if (value === null || value === undefined) return;
  cell.value = value;
  if (numFmt) cell.numFmt = numFmt;
}

/** Whether a code point is drawn double-width (CJK, Hangul, full-width forms). */
const isWide = (cp: number): boolean =>
  (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
  || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6);

/** Display width of text in Excel column units: wide characters count twice. */
export function displayWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) w += isWide(text.charCodeAt(i)) ? 2 : 1;
  return w;
}

/** Column width that shows most values whole without letting one long label take the screen. */
export const columnWidth = (widest: number, min = 6, max = 48): number => Math.min(max, Math.max(min, widest + 2));
