/** A plain list sheet: a bold header row that stays in view and filters, then one line per item. */
import type { Cell, Worksheet } from 'exceljs';
import { columnWidth, displayWidth, PLAIN, putNumber, putText, shared, type Look } from './cells.js';
import { BOLD, BOX, HEADER_FILL, LINK_FONT } from './styles.js';

/** A value in a list: text, a number with a format, or text that links to a cell of the workbook. */
export type ListValue = string | number | null | { number: number; numFmt: string } | { text: string; link: string };

export interface ListColumn {
  header: string;
  /** Widest the column may grow to (long messages wrap instead). */
  maxWidth?: number;
  /** Keep the column's texts as text (codes). */
  asCode?: boolean;
}

/** The workbook-internal hyperlink exceljs writes as a location (`'Sheet'!A1`), never as a formula. */
export function putLink(cell: Cell, text: string, target: string): void {
  cell.value = { text, hyperlink: target };
  cell.style = shared(LINK);
}

const WRAPPED: Look = { alignment: { wrapText: true, vertical: 'top' } };
const HEADER: Look = { font: BOLD, fill: HEADER_FILL, border: BOX };
const LINK: Look = { font: LINK_FONT };

const numberLooks = new Map<string, Look>();
const numberLook = (numFmt: string): Look => {
  let look = numberLooks.get(numFmt);
  if (!look) { look = { numFmt }; numberLooks.set(numFmt, look); }
  return look;
};

function put(cell: Cell, value: ListValue, asCode: boolean, maxWidth: number): number {
  if (value === null) return 0;
  if (typeof value === 'string') {
    const w = displayWidth(value);
    putText(cell, value, w > maxWidth ? WRAPPED : PLAIN, asCode);
    return w;
  }
  if (typeof value === 'number') { putNumber(cell, value); return String(value).length; }
  if ('link' in value) { putLink(cell, value.text, value.link); return displayWidth(value.text); }
  putNumber(cell, value.number, numberLook(value.numFmt));
  return String(value.number).length + 3;
}

/** Write `columns` as a header at `startRow` and `lines` below it; returns the next free row. */
export function writeList(ws: Worksheet, startRow: number, columns: readonly ListColumn[], lines: readonly ListValue[][]): number {
  const widest = columns.map(c => displayWidth(c.header));
  columns.forEach((c, i) => putText(ws.getCell(startRow, i + 1), c.header, HEADER));
  lines.forEach((line, r) => line.forEach((value, i) => {
    const w = put(ws.getCell(startRow + 1 + r, i + 1), value, !!columns[i]?.asCode, columns[i]?.maxWidth ?? 40);
    widest[i] = Math.max(widest[i] ?? 0, w);
  }));
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(col.width ?? 0, columnWidth(widest[i]!, 6, c.maxWidth ?? 40));
  });
  return startRow + 1 + lines.length;
}
