/**
 * One table as printed: title, issuing unit and currency unit lines, the header rows with their merged
 * cells, then one sheet row per table row — codes as text, amounts as numbers in the table's unit — and
 * the page each row was printed on in a margin column on the left.
 */
import type { Worksheet } from 'exceljs';
import { parseAmount } from '../../model/amounts.js';
import type { Column, Table } from '../../model/document.js';
import { columnWidth, displayWidth, putNumber, putText, shared, type Look } from './cells.js';
import { headerLayout } from './headerLayout.js';
import { amountFormat, BOLD, BOX, HEADER_ALIGNMENT, HEADER_FILL, MARGIN_FILL, MUTED_FONT, TITLE_FONT } from './styles.js';

const HEADER: Look = { font: BOLD, fill: HEADER_FILL, border: BOX, alignment: HEADER_ALIGNMENT };
const MARGIN: Look = { font: MUTED_FONT, fill: MARGIN_FILL, border: BOX };
const BODY: Look = { border: BOX };
const WRAPPED: Look = { border: BOX, alignment: { wrapText: true, vertical: 'top' } };

/** Where a table's parts landed in its sheet (1-based sheet rows and columns), for links and highlights. */
export interface TablePlacement {
  sheet: Worksheet;
  titleRow: number;
  /** Last header row: the one holding each column's own (lowest) header cell. */
  headerBottom: number;
  /** Sheet row of each table row, keyed by the row's `index`. */
  rowOf: Map<number, number>;
  /** Sheet column of each table column, keyed by the column's `index`. */
  colOf: Map<number, number>;
}

const PAGE_COLUMN = 1, FIRST_TABLE_COLUMN = 2;
const TITLE_ROW = 1, ORG_ROW = 2, UNIT_ROW = 3, HEADER_TOP = 4;
const CODE_ROLES: ReadonlySet<Column['role']> = new Set(['code', 'code_name']);
const MAX_TEXT_WIDTH = 48;

/** Merge a block of cells (1-based, inclusive) unless it is a single cell. */
function mergeBlock(ws: Worksheet, top: number, left: number, bottom: number, right: number): void {
  if (top !== bottom || left !== right) ws.mergeCells(top, left, bottom, right);
}

/** A full-width line above the table (title, unit of issue, currency unit). */
function lineAbove(ws: Worksheet, row: number, lastCol: number, text: string, align: 'left' | 'center' | 'right', look: Look = {}): void {
  putText(ws.getCell(row, PAGE_COLUMN + 1), text, { ...look, alignment: { horizontal: align, vertical: 'middle' } });
  mergeBlock(ws, row, PAGE_COLUMN + 1, row, lastCol);
}

function writeHeader(ws: Worksheet, columns: readonly Column[]): number {
  const { depth, blocks } = headerLayout(columns.map(c => c.path));
  const bottom = HEADER_TOP + depth - 1;
  const look = shared(HEADER);
  for (let r = HEADER_TOP; r <= bottom; r++) {
    for (let c = PAGE_COLUMN; c < FIRST_TABLE_COLUMN + columns.length; c++) ws.getCell(r, c).style = look;
  }
  putText(ws.getCell(HEADER_TOP, PAGE_COLUMN), '页', HEADER);
  mergeBlock(ws, HEADER_TOP, PAGE_COLUMN, bottom, PAGE_COLUMN);
  for (const b of blocks) {
    putText(ws.getCell(HEADER_TOP + b.top, FIRST_TABLE_COLUMN + b.left), b.text, HEADER);
    mergeBlock(ws, HEADER_TOP + b.top, FIRST_TABLE_COLUMN + b.left, HEADER_TOP + b.bottom, FIRST_TABLE_COLUMN + b.right);
  }
  return bottom;
}

export function writeTableSheet(ws: Worksheet, table: Table, org: string | null): TablePlacement {
  const columns = [...table.columns].sort((a, b) => a.index - b.index);
  const lastCol = Math.max(FIRST_TABLE_COLUMN, FIRST_TABLE_COLUMN + columns.length - 1);
  const amount: Look = { border: BOX, numFmt: amountFormat(table.unit) };
  lineAbove(ws, TITLE_ROW, lastCol, [table.number, table.title].filter(Boolean).join('  '), 'center', { font: TITLE_FONT });
  if (org) lineAbove(ws, ORG_ROW, lastCol, `编制单位：${org}`, 'left');
  if (table.unit) lineAbove(ws, UNIT_ROW, lastCol, `单位：${table.unit}`, 'right');
  const headerBottom = writeHeader(ws, columns);

  const colOf = new Map(columns.map((c, i) => [c.index, FIRST_TABLE_COLUMN + i]));
  const widest = columns.map(c => displayWidth(c.path[c.path.length - 1] ?? '') / 2 + 2);
  const rowOf = new Map<number, number>();
  let r = headerBottom;
  for (const row of table.rows) {
    rowOf.set(row.index, ++r);
    putNumber(ws.getCell(r, PAGE_COLUMN), row.page, MARGIN);
    columns.forEach((col, i) => {
      const text = row.cells[col.index] ?? '';
      const cell = ws.getCell(r, FIRST_TABLE_COLUMN + i);
      const value = col.role === 'amount' ? parseAmount(text) : null;
      if (value !== null) {
        putNumber(cell, value, amount);
        widest[i] = Math.max(widest[i]!, displayWidth(text) + displayWidth(table.unit ?? ''));
      } else if (text) {
        const w = displayWidth(text);
        putText(cell, text, w > MAX_TEXT_WIDTH ? WRAPPED : BODY, CODE_ROLES.has(col.role));
        widest[i] = Math.max(widest[i]!, w);
      } else putNumber(cell, null, BODY);
    });
  }
  if (table.note) lineAbove(ws, r + 1, lastCol, table.note, 'left', { font: MUTED_FONT });

  ws.getColumn(PAGE_COLUMN).width = 6;
  widest.forEach((w, i) => { ws.getColumn(FIRST_TABLE_COLUMN + i).width = columnWidth(w, 6, MAX_TEXT_WIDTH); });
  ws.views = [{ state: 'frozen', xSplit: PAGE_COLUMN, ySplit: headerBottom }];
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_TOP}:${headerBottom}` };
  return { sheet: ws, titleRow: TITLE_ROW, headerBottom, rowOf, colOf };
}
