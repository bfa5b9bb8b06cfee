/** Putting values into cells so that a spreadsheet reads them back as what they are, with shared styles. */
import type { Cell, Style } from 'exceljs';
import { TEXT_FORMAT } from './styles.js';

export type Look = Partial<Style>;

/** No style of its own (one object, so it is found by identity). */
export const PLAIN: Look = {};

const looks = new Map<string, Look>();
const sharedOf = new WeakMap<Look, Look>();
const textOf = new WeakMap<Look, Look>();

/**
 * One style object per distinct look, shared by every cell that has it. exceljs writes a style object it
 * has already seen by looking it up, and works each new one out again: sharing makes writing several
 * times faster. A shared look is never changed in place (no `cell.fill = …`): cells get a new look instead.
 * Looks are found by identity first, so constant looks cost a lookup per cell.
 */
export function shared(look: Look): Look {
  const known = sharedOf.get(look);
  if (known) return known;
  const key = JSON.stringify(look);
  let found = looks.get(key);
  if (!found) { found = { ...look }; looks.set(key, found); sharedOf.set(found, found); }
  sharedOf.set(look, found);
  return found;
}

/** The same look in the spreadsheet's Text format. */
function asText(look: Look): Look {
  let text = textOf.get(look);
  if (!text) { text = shared({ ...look, numFmt: TEXT_FORMAT }); textOf.set(look, text); }
  return text;
}

/** Text a spreadsheet would take as the start of a formula when the cell is edited or re-imported. */
const FORMULA_START = /^[=+\-@]/;

/**
 * Store `text` as a text cell (exceljs writes strings as strings, never as formulas). Codes, and text that
 * begins like a formula, also get the Text format, so editing the cell later keeps it text.
 */
export function putText(cell: Cell, text: string, look: Look = PLAIN, asCode = false): void {
  cell.value = text;
  cell.style = asCode || FORMULA_START.test(text) ? asText(look) : shared(look);
}

/** A number, or nothing (but the look) when there is none. */
export function putNumber(cell: Cell, value: number | null | undefined, look: Look = PLAIN): void {
  if (value !== null && value !== undefined) cell.value = value;
  cell.style = shared(look);
}

/** Whether a UTF-16 unit is drawn double-width (CJK, Hangul, full-width forms). */
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
